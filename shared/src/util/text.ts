/**
 * Normalising what people type into Persian/English workbooks: digits in three
 * scripts, Arabic vs Persian letters, zero-width non-joiners and spaces.
 */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Replaces Persian (۰–۹) and Arabic-Indic (٠–٩) digits with ASCII digits. */
export function toLatinDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) out += String(code - PERSIAN_ZERO);
    else if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9)
      out += String(code - ARABIC_INDIC_ZERO);
    else out += ch;
  }
  return out;
}

/** Replaces ASCII digits with Persian digits (for Persian display). */
export function toPersianDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(PERSIAN_ZERO + Number(d)));
}

/**
 * A key for matching headers, enum captions and IDs typed by people: NFC,
 * Latin digits, Arabic yeh/kaf as Persian, no tatweel, no spaces, underscores
 * or zero-width characters, lower case.
 */
export function matchKey(text: string): string {
  return toLatinDigits(text.normalize('NFC'))
    .replace(/[\u064a\u0649]/g, '\u06cc') // Arabic yeh, alef maksura -> Persian yeh
    .replace(/\u0643/g, '\u06a9') // Arabic kaf -> Persian keheh
    .replace(/[\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '') // tatweel, ZW chars, bidi marks
    .replace(/[\s_\-\u00a0]+/g, '')
    .toLowerCase();
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Trims and normalises a text cell (digits kept as typed, bidi marks removed). */
export function cleanText(text: string): string {
  // Most cells are short printable ASCII: nothing to normalise but the ends.
  if (PLAIN_ASCII.test(text)) return text.trim();
  return text
    .normalize('NFC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .trim();
}

/**
 * Text of a number typed in any of the scripts, ready for `Number()` or a
 * decimal parser: ASCII digits, `.` as decimal point, thousands separators
 * (`,`, `٬`, `’`, spaces) removed. Persian decimal separator `٫` and `/`
 * between digits (as typed on Persian keyboards) become `.`.
 */
export function normaliseNumberText(text: string): string {
  return toLatinDigits(cleanText(text))
    .replace(/[\u066b]/g, '.')
    .replace(/(\d)\/(\d)/g, '$1.$2')
    .replace(/[,\u066c\u2019'\s\u00a0]/g, '')
    .replace(/^\u2212/, '-');
}

/** Splits a list of IDs separated by `,`, `،` or `;` (empty parts dropped). */
export function splitIdList(text: string): string[] {
  return cleanText(text)
    .split(/[,\u060c;\u061b]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * An ID, a code or a Latin term set inside Persian text: wrapped in a left-to-right isolate
 * (U+2066 … U+2069) so that the bidi algorithm keeps it whole and in place (`P-014` never
 * shows as `014-P`). Readers drop the isolates again (`matchKey`, `cleanText`).
 */
export function ltr(text: string | number | bigint): string {
  return `\u2066${String(text)}\u2069`;
}

/**
 * Persian text as it is shown: the Latin digits of numbers become Persian digits (with the
 * Persian decimal and thousands separators between digits), except inside bidi isolates
 * (IDs, codes and values a user typed, set there by `ltr` and `shown`) and inside Latin
 * words (`P90`, `RI(10)` when not isolated). Messages are written with plain `${n}` and pass
 * through here once, where they are made (findings, the register's errors, the CLI's output).
 */
export function persianNumerals(text: string): string {
  // Most of a message has nothing to change: it is copied in runs, not character by character.
  if (!/[0-9.,]/.test(text)) return text;
  let out = '';
  let run = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch >= '\u2066' && ch <= '\u2068') depth++;
    else if (ch === '\u2069' && depth > 0) depth--;
    if (depth > 0 || !/[0-9.,]/.test(ch)) continue;
    const before = text[i - 1] ?? '';
    const after = text[i + 1] ?? '';
    let shown: string;
    if (ch === '.' || ch === ',') {
      // A separator between two digits of a number; elsewhere punctuation.
      const between = /[0-9۰-۹]/.test(before) && /[0-9]/.test(after);
      shown = between ? (ch === '.' ? '\u066b' : '\u066c') : ch;
    } else {
      // A digit inside a Latin word (P90, Q1, x2) stays as it is.
      let start = i;
      while (start > 0 && /[0-9]/.test(text[start - 1] as string)) start--;
      const prev = text[start - 1] ?? '';
      // P90, x_2, P-014 (a hyphen joined to a Latin letter), not a minus sign.
      const wordBefore =
        /[A-Za-z_]/.test(prev) || (prev === '-' && /[A-Za-z0-9]/.test(text[start - 2] ?? ''));
      let end = i;
      while (end < text.length && /[0-9]/.test(text[end] as string)) end++;
      const wordAfter = /[A-Za-z_]/.test(text[end] ?? '');
      shown = wordBefore || wordAfter ? ch : String.fromCodePoint(PERSIAN_ZERO + Number(ch));
    }
    if (shown === ch) continue;
    out += text.slice(run, i) + shown;
    run = i + 1;
  }
  return run === 0 ? text : out + text.slice(run);
}

/**
 * A value a user typed (a file name, an ID, a title) set inside a message: wrapped in a
 * first-strong isolate (U+2068 … U+2069), so that it keeps its own direction and order and
 * `persianNumerals` leaves its digits as typed.
 */
export function fsi(text: string | number | bigint): string {
  return `\u2068${String(text)}\u2069`;
}
