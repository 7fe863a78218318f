/**
 * The Markdown parser nests a call for every level of quote, list and emphasis, so a file that
 * nests a few thousand levels runs it out of stack. Real copy nests a handful of levels; these
 * bounds refuse a document long before the parser could fail, and before it is parsed at all.
 */
export const MAX_MARKDOWN_NESTING = 64;
export const MAX_EMPHASIS_RUN = 256;

const isSpaceOrEnd = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\t' || ch === '\r';
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * The deepest nesting a line opens: its quote markers (`>`) and list markers (`-`, `*`, `+`,
 * `1.`, `1)`) one after another, plus the levels its indentation implies for a nested list item
 * (two spaces a level).
 */
function lineNesting(line: string): number {
  let i = 0;
  let column = 0;
  let markers = 0;
  let listIndent = -1;
  while (i < line.length) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t') {
      column += ch === '\t' ? 4 : 1;
      i++;
    } else if (ch === '>') {
      markers++;
      i++;
    } else if ((ch === '-' || ch === '*' || ch === '+') && isSpaceOrEnd(line[i + 1])) {
      if (listIndent < 0) listIndent = column;
      markers++;
      i++;
    } else {
      let end = i;
      while (end - i < 9 && isDigit(line[end])) end++;
      if (end === i || (line[end] !== '.' && line[end] !== ')') || !isSpaceOrEnd(line[end + 1])) break;
      if (listIndent < 0) listIndent = column;
      markers++;
      i = end + 1;
    }
  }
  return markers + (listIndent > 0 ? Math.floor(listIndent / 2) : 0);
}

/** The longest run of one emphasis mark (`*`, `_` or `~`). */
function longestEmphasisRun(text: string): number {
  let longest = 0;
  let run = 0;
  let previous = '';
  for (const ch of text) {
    run = ch === previous ? run + 1 : 1;
    previous = ch;
    if ((ch === '*' || ch === '_' || ch === '~') && run > longest) longest = run;
  }
  return longest;
}

/** Why the Markdown is too deeply nested to read, or null when it is not. */
export function markdownNestingProblem(text: string): string | null {
  let deepest = 0;
  for (const line of text.split('\n')) deepest = Math.max(deepest, lineNesting(line));
  if (deepest > MAX_MARKDOWN_NESTING) {
    return `the Markdown is too deeply nested: ${deepest} levels of quotes or lists, more than the ${MAX_MARKDOWN_NESTING} this app reads`;
  }
  const run = longestEmphasisRun(text);
  if (run > MAX_EMPHASIS_RUN) return `the Markdown is too deeply nested: a run of ${run} emphasis marks, more than the ${MAX_EMPHASIS_RUN} this app reads`;
  return null;
}
