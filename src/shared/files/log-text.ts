/**
 * How an append-only JSONL log is read, the same for every log (review chain, history index,
 * each person's annotations and "ignore here" decisions): one record a line, each line ending
 * with a newline. Only an append cut short leaves bytes after the last newline.
 */

/**
 * Whether the text after a log's last newline is a whole line that lost only its newline: any
 * JSON. It is then read as a line like the others (and reported if it is not a valid record),
 * never cut off.
 */
export function isWholeRecord(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export interface LogText {
  /** Every line that ends with a newline, in order, and a last record that lacks only its newline. */
  lines: string[];
  /** What follows the last newline when it is not a whole record: an interrupted or damaged append ('' for none). */
  unfinished: string;
}

export function splitLog(text: string): LogText {
  if (text === '') return { lines: [], unfinished: '' };
  const lines = text.split('\n');
  const last = lines.pop()!;
  if (last === '') return { lines, unfinished: '' };
  if (isWholeRecord(last)) return { lines: [...lines, last], unfinished: '' };
  return { lines, unfinished: last };
}

/** The plain words for what a log's end tells: an unfinished record, and the ones set aside before. */
export function logEndNotices(file: string, unfinished: string, setAside: readonly string[]): string[] {
  const notices = setAside.map((name) => `${file}: an interrupted or damaged record was set aside in ${name}; the log goes on after it`);
  if (unfinished) {
    notices.push(`${file}: the last record is unfinished (an interrupted or damaged write); it will be set aside beside the log before the next record is written`);
  }
  return notices;
}
