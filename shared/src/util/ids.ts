/**
 * IDs people type (department codes, project, activity, program IDs…): the one normaliser
 * they are created and compared with, the characters an ID may not hold, and the skeleton
 * that tells two IDs apart only if they look apart (issue #12, item 7).
 *
 * - `normalizeId`: Unicode NFKC (full-width `Ｐ` is `P`, Arabic presentation forms are their
 *   letters), Arabic yeh/alef maksura and kaf as the Persian letters, Persian and
 *   Arabic-Indic digits as ASCII, spaces collapsed, ends trimmed. Case is kept.
 * - `idKey`: `normalizeId` without the invisible characters, lower case: two IDs are one ID
 *   when their keys are equal (`P-۱`, `p-1`, `P-1`).
 * - `invisibleInId`: bidi controls (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069)
 *   and default-ignorable characters (U+00AD soft hyphen, U+200B–U+200D, U+2060–U+2064,
 *   U+FEFF, variation selectors, tags…): an ID holding one is refused, because it shows as
 *   another ID (`P-‮610` shows as P-016) or as the same ID as another. One exception, so
 *   that Persian can be written: a zero-width non-joiner (U+200C, نیم‌فاصله) between two
 *   Arabic-script letters (`سال‌ها`), as IDNA's CONTEXTJ rule allows it (RFC 5892 A.1).
 * - `idSkeleton`: a confusable skeleton in the spirit of Unicode TR39 §4 (`skeleton(X)`),
 *   over a small map of the look-alikes of the scripts a municipal plan meets (Latin,
 *   Cyrillic, Greek, Arabic and Persian) rather than the whole of `confusables.txt` (no
 *   maintained package of it is among our dependencies). Two IDs of one table with equal
 *   skeletons and different keys look the same to a reader and are refused. A Persian ID
 *   with Latin letters and digits (`K-یک`) is ordinary: only letters that look like letters
 *   of another script, or digits like letters (`0`/`O`, `1`/`l`/`I`), meet.
 */
import { toLatinDigits } from './text';

/** Arabic letters typed for the Persian ones (Arabic keyboards, old files). */
const PERSIAN_LETTERS: ReadonlyMap<string, string> = new Map([
  ['\u064a', '\u06cc'], // Arabic yeh → Persian yeh
  ['\u0649', '\u06cc'], // alef maksura → Persian yeh
  ['\u0643', '\u06a9'], // Arabic kaf → keheh
]);

/** The one form an ID is created and stored in, and compared from. */
export function normalizeId(text: string): string {
  // Fast path: printable ASCII needs only its spaces collapsed.
  if (/^[\x20-\x7e]*$/.test(text)) return text.replace(/ {2,}/g, ' ').trim();
  let out = '';
  for (const ch of toLatinDigits(text.normalize('NFKC'))) out += PERSIAN_LETTERS.get(ch) ?? ch;
  return out.replace(/\s+/g, ' ').trim();
}

/** Bidi controls and default-ignorable (invisible) characters. */
const INVISIBLE = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/gu;
const ARABIC_LETTER = /\p{Script=Arabic}/u;

/** The comparison key of an ID: two IDs are one when their keys are equal. */
export function idKey(id: string): string {
  // Fast path: printable ASCII without spaces needs only lower case.
  if (/^[\x21-\x7e]*$/.test(id)) return id.toLowerCase();
  return normalizeId(id.replace(INVISIBLE, '').replace(/\u0640/g, '')).toLowerCase();
}

/**
 * The invisible characters an ID holds, as `U+XXXX` (empty when none): bidi controls and
 * default-ignorables, except a zero-width non-joiner between two Arabic-script letters.
 */
export function invisibleInId(id: string): string[] {
  if (/^[\x20-\x7e]*$/.test(id)) return [];
  const chars = [...id];
  const found: string[] = [];
  chars.forEach((ch, i) => {
    if (!new RegExp(INVISIBLE.source, 'u').test(ch)) return;
    const persianZwnj =
      ch === '\u200c' &&
      ARABIC_LETTER.test(chars[i - 1] ?? '') &&
      ARABIC_LETTER.test(chars[i + 1] ?? '');
    if (persianZwnj) return;
    const name = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    if (!found.includes(name)) found.push(name);
  });
  return found;
}

/**
 * Look-alikes, each to the character it is taken for (TR39's prototype): Cyrillic and Greek
 * letters shaped like Latin ones, digits shaped like letters, and the Arabic-script letters
 * that look like Persian ones. Upper and lower case separately: Cyrillic `Н` looks like `H`,
 * its `н` like nothing Latin.
 */
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // Cyrillic capitals
    А: 'A',
    В: 'B',
    Е: 'E',
    К: 'K',
    М: 'M',
    Н: 'H',
    О: 'O',
    Р: 'P',
    С: 'C',
    Т: 'T',
    Х: 'X',
    У: 'Y',
    Ү: 'Y',
    І: 'l',
    Ј: 'J',
    Ѕ: 'S',
    Ԛ: 'Q',
    Ԝ: 'W',
    Ӏ: 'l',
    // Cyrillic small letters
    а: 'a',
    е: 'e',
    о: 'o',
    р: 'p',
    с: 'c',
    у: 'y',
    х: 'x',
    і: 'i',
    ј: 'j',
    ѕ: 's',
    һ: 'h',
    ԛ: 'q',
    ԝ: 'w',
    ӏ: 'l',
    // Greek capitals
    Α: 'A',
    Β: 'B',
    Ε: 'E',
    Ζ: 'Z',
    Η: 'H',
    Ι: 'l',
    Κ: 'K',
    Μ: 'M',
    Ν: 'N',
    Ο: 'O',
    Ρ: 'P',
    Τ: 'T',
    Υ: 'Y',
    Χ: 'X',
    // Greek small letters
    ο: 'o',
    ν: 'v',
    ρ: 'p',
    ι: 'i',
    κ: 'k',
    υ: 'u',
    χ: 'x',
    α: 'a',
    // Latin and digits that look alike (TR39: 0 → O, 1 and I → l)
    '0': 'O',
    '1': 'l',
    I: 'l',
    '|': 'l',
    // Arabic-script letters that look like the Persian ones (heh forms)
    '\u06d5': '\u0647', // ae ە
    '\u06c1': '\u0647', // heh goal ہ
    '\u06be': '\u0647', // heh doachashmee ھ
  }),
);

/** Cyrillic and Greek letters that are taken for Latin ones. */
const FOREIGN_LOOK_ALIKE = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/**
 * The confusable skeleton of an ID: its key's characters mapped to what they are taken for
 * (`LOOK_ALIKES`), then lower case. `Р-001` (Cyrillic Р) and `P-OO1` have the skeleton of
 * `P-001`; `K-يك` and `K-یک` have one key already.
 */
export function idSkeleton(id: string): string {
  let out = '';
  const base = normalizeId(id.replace(INVISIBLE, '').replace(/\u0640/g, ''));
  for (const ch of base) out += LOOK_ALIKES.get(ch) ?? ch;
  return out.toLowerCase();
}

/** The Cyrillic or Greek letters of an ID that look like Latin letters (empty when none). */
export function lookAlikeLetters(id: string): string[] {
  const found: string[] = [];
  for (const ch of id.normalize('NFKC'))
    if (FOREIGN_LOOK_ALIKE.test(ch) && LOOK_ALIKES.has(ch) && !found.includes(ch)) found.push(ch);
  return found;
}
