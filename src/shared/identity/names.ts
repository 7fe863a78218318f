/**
 * Person names on the roster: normalised (NFKC, single spaces), refused when they hide
 * characters a reader cannot see, and refused when they look like a name already there.
 */
import { PERSON_NAME_MAX } from '../review/people';

export type NameProblem =
  | { code: 'name-empty' }
  | { code: 'name-too-long'; max: number }
  /** `character` is the code point as U+XXXX. */
  | { code: 'name-invisible-character'; character: string }
  | { code: 'name-confusable'; existing: string };

export type NameCheck = { ok: true; name: string } | { ok: false; problem: NameProblem };

/**
 * Controls (Cc), format characters (Cf: zero-width spaces and joiners, LRM/RLM, the bidi
 * embeddings, overrides and isolates U+202A–202E and U+2066–2069, the BOM U+FEFF), line and
 * paragraph separators, every other default-ignorable code point (variation selectors,
 * Hangul fillers, …), private-use and lone surrogate code points. Unassigned code points are
 * not refused: which ones are unassigned depends on the Unicode version of the JavaScript
 * engine, and the verdict must be the same in Node and in Electron.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Co}\p{Cs}]/u;
/** After NFKC, the only space allowed is U+0020 (NFKC already maps NBSP, ideographic space and the like to it). */
const OTHER_SPACE = /[^\S ]/u;

export function normalizePersonName(raw: string): NameCheck {
  const normalized = raw.normalize('NFKC');
  const hidden = HIDDEN.exec(raw) ?? HIDDEN.exec(normalized) ?? OTHER_SPACE.exec(normalized);
  if (hidden) return { ok: false, problem: { code: 'name-invisible-character', character: codePoint(hidden[0]) } };
  const name = normalized.replace(/ {2,}/g, ' ').trim();
  if (name === '') return { ok: false, problem: { code: 'name-empty' } };
  if (name.length > PERSON_NAME_MAX) return { ok: false, problem: { code: 'name-too-long', max: PERSON_NAME_MAX } };
  return { ok: true, name };
}

/**
 * A small confusables table (after NFKC and lower-casing): Cyrillic and Greek letters that
 * look like Latin ones, in either case, and a few Latin lookalikes. Not Unicode's full
 * confusables list (UTS #39): enough for the lookalikes a roster meets in practice.
 */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', г: 'r', е: 'e', ё: 'e', з: '3', і: 'l', ї: 'l', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', п: 'n', р: 'p',
  с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', һ: 'h', ь: 'b', ѵ: 'v',
  // Greek
  α: 'a', β: 'b', γ: 'y', ε: 'e', ζ: 'z', η: 'n', ι: 'l', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  ϲ: 'c', ϳ: 'j',
  // Latin lookalikes and digits
  // capital I and small l look alike in most sans-serif faces, so i, l, 1 and | are one letter here
  i: 'l', ı: 'l', ɡ: 'g', ɑ: 'a', ʟ: 'l', '0': 'o', '1': 'l', '|': 'l',
  // name punctuation: middle dots and hyphens of every kind count as one
  '·': '.', '・': '.', '•': '.', '‧': '.', '.': '.', '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '−': '-',
};
const SEQUENCES: Array<[RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
];

/** The form two names are compared in: NFKC, case-folded, lookalikes mapped, spaces dropped. */
export function nameSkeleton(name: string): string {
  const out = name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
  let mapped = '';
  for (const ch of out) if (ch !== ' ') mapped += CONFUSABLES[ch] ?? ch;
  for (const [pattern, replacement] of SEQUENCES) mapped = mapped.replace(pattern, replacement);
  return mapped;
}

/** The first name in `existing` that `name` could be mistaken for, or null. */
export function confusableWith(name: string, existing: readonly string[]): string | null {
  const skeleton = nameSkeleton(name);
  return existing.find((other) => nameSkeleton(other) === skeleton) ?? null;
}

/** Normalises `raw` and refuses it when it is hidden-character bearing or confusable with one of `existing`. */
export function checkPersonName(raw: string, existing: readonly string[]): NameCheck {
  const normalized = normalizePersonName(raw);
  if (!normalized.ok) return normalized;
  const clash = confusableWith(normalized.name, existing);
  if (clash !== null) return { ok: false, problem: { code: 'name-confusable', existing: clash } };
  return normalized;
}

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
