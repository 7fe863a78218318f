import type { ArticleContent, Language } from './article';
import { walkBody } from './body-walk';

/**
 * A text is clearly in one language when at least this share of its letters (Han characters and
 * Latin letters; digits, punctuation and other scripts do not count) is in that language's script.
 * Chinese copy routinely carries Latin terms (5G, App, names), English copy a Chinese name or
 * two: both stay well above 70 %, while a half-and-half text is left to the person.
 */
export const CLEAR_SHARE = 0.7;
/** Below this many letters a text says nothing yet about its language. */
export const MIN_LETTERS = 8;

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

export function scriptLetters(text: string): { han: number; latin: number } {
  let han = 0;
  let latin = 0;
  for (const ch of text) {
    if (HAN.test(ch)) han++;
    else if (LATIN.test(ch)) latin++;
  }
  return { han, latin };
}

/** Chinese or English when the text is clearly in one of them; null when it is too short or mixed. */
export function detectLanguage(text: string): Language | null {
  const { han, latin } = scriptLetters(text);
  const letters = han + latin;
  if (letters < MIN_LETTERS) return null;
  if (han / letters >= CLEAR_SHARE) return 'zh-CN';
  if (latin / letters >= CLEAR_SHARE) return 'en';
  return null;
}

/** The words of the copy a reader reads first and most: headline, deck and the body's text. */
export function languageText(content: Pick<ArticleContent, 'headline' | 'deck' | 'body'>): string {
  const parts = [content.headline, content.deck];
  walkBody(content.body, { block: (block) => parts.push(block.text), figure: (figure) => parts.push(figure.caption) });
  return parts.join('\n');
}
