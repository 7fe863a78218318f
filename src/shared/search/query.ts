import { tokenize, type Token } from './tokenize';

/**
 * One thing the person asked for: a word, a Chinese phrase, or a "quoted phrase". Its tokens must
 * follow one another in one field; every term of a query must be found in the article.
 */
export interface QueryTerm {
  /** What the person typed for this term, quotes and asterisk removed. */
  text: string;
  tokens: string[];
  /** The last token matches any token that starts with it. */
  prefix: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
}

export interface ParseOptions {
  /**
   * The person is still typing: the last word, when it is not followed by a space, matches as a
   * prefix (so "broadb" already finds "broadband").
   */
  typing?: boolean;
}

/** The most terms a query keeps; more would only make it slower without narrowing anything. */
export const MAX_TERMS = 16;

/**
 * Splits what the person typed into terms: spaces separate terms, double quotes (straight or
 * curly) keep a phrase together, and a trailing * asks for words starting with the term.
 */
export function parseQuery(input: string, options: ParseOptions = {}): ParsedQuery {
  const terms: QueryTerm[] = [];
  const pattern = /["“”]([^"“”]*)["“”]?|(\S+)/gu;
  let lastWasBare = false;
  for (const match of input.matchAll(pattern)) {
    const quoted = match[1];
    const bare = match[2];
    const raw = quoted ?? bare ?? '';
    const starred = bare !== undefined && raw.endsWith('*');
    const term = termOf(starred ? raw.slice(0, -1) : raw, starred);
    lastWasBare = bare !== undefined;
    if (term) terms.push(term);
  }
  const last = terms.at(-1);
  if (options.typing && last && lastWasBare && !/\s$/u.test(input) && !isCjkToken(last.tokens.at(-1)!)) last.prefix = true;
  return { terms: terms.slice(0, MAX_TERMS) };
}

function isCjkToken(token: string): boolean {
  return tokenize(token)[0]?.cjk ?? false;
}

/** The term's tokens as the index holds them, or null when it has none (only punctuation). */
export function termOf(text: string, starred = false): QueryTerm | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const last = tokens.at(-1)!;
  let prefix = starred && !last.cjk;
  if (last.cjk && isRunTail(tokens)) {
    // A run that ends the term may go on in the text, where its last character is a bigram's
    // start rather than a tail: drop the tail, or let a lone character match as a prefix.
    if (tokens.length >= 2 && tokens.at(-2)!.cjk && tokens.at(-2)!.end === last.end) tokens.pop();
    else prefix = true;
  }
  return { text: text.trim(), tokens: tokens.map((token) => token.text), prefix };
}

function isRunTail(tokens: Token[]): boolean {
  return [...tokens.at(-1)!.text].length === 1;
}
