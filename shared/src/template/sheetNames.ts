/**
 * The one rule for sheet names, used by every writer (the `.xlsx` writer through the layout,
 * the add-in's sheets): a name Excel accepts, unique in its workbook.
 *
 * Excel's rules (Microsoft, "Rename a worksheet"): at most 31 characters; none of
 * `: \ / ? * [ ]`; not starting or ending with an apostrophe; not empty; not `History`, which
 * Excel keeps for its change-tracking sheet; and unique, compared without case (`notes` and
 * `NOTES` cannot both be there). A workbook that breaks one of them does not open, so exceljs
 * refuses to write it.
 */

/** Longest sheet name Excel accepts. */
export const MAX_SHEET_NAME_LENGTH = 31;

/** Names Excel keeps for itself (compared without case). */
export const RESERVED_SHEET_NAMES: readonly string[] = ['History'];

/** What stands in for a name that has nothing left once cleaned. */
const FALLBACK_NAME = 'Sheet';

/** How Excel compares sheet names: without case. */
export function sheetNameKey(name: string): string {
  return name.toLocaleUpperCase('en-US');
}

/** The first `n` characters of a text, never splitting a character outside the BMP. */
function head(text: string, n: number): string {
  return Array.from(text).slice(0, n).join('');
}

/** Spaces and apostrophes at the start or the end of a name. */
const EDGES = /^[\s']+|[\s']+$/gu;

/** The name with the characters Excel refuses replaced, cut to 31 characters (not unique yet). */
function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, '-')
    // Control characters cannot be typed into a sheet tab and break the file's XML.
    .replace(/\p{Cc}/gu, ' ')
    // Spaces and apostrophes at either end, in any mix (` ' a` would start with one again).
    .replace(EDGES, '');
  // Cutting may leave an apostrophe (or a space) at the end again.
  const cut = head(cleaned || FALLBACK_NAME, MAX_SHEET_NAME_LENGTH).replace(EDGES, '');
  return cut || FALLBACK_NAME;
}

/** `base` with ` (k)` at its end, cut so that the whole stays within 31 characters. */
function numbered(base: string, k: number): string {
  const suffix = ` (${k})`;
  const room = MAX_SHEET_NAME_LENGTH - suffix.length;
  return `${head(base, room).replace(/'+$/, '').trimEnd()}${suffix}`;
}

/**
 * A name Excel accepts for one sheet: illegal characters as `-`, apostrophes at the ends and
 * outer spaces dropped, at most 31 characters, `Sheet` for an empty one, and a reserved name
 * (`History`) numbered (`History (2)`). Uniqueness needs the other names: `uniqueSheetNames`.
 */
export function legalSheetName(name: string): string {
  return uniqueSheetNames([name])[0] ?? FALLBACK_NAME;
}

/**
 * Legal, unique names for the sheets of one workbook, in the order given: each name as
 * `legalSheetName` makes it, and a name that another before it already has (without case,
 * after cleaning) or that is reserved gets the next free ` (2)`, ` (3)`, …. Names in `taken`
 * (sheets already in the workbook) count as used. Names that come first keep theirs, so pass
 * fixed sheets (the guide, the lists) first. Equal inputs are different sheets: pass each
 * sheet once.
 */
export function uniqueSheetNames(
  names: readonly string[],
  taken: readonly string[] = [],
): string[] {
  const used = new Set([...RESERVED_SHEET_NAMES, ...taken].map(sheetNameKey));
  return names.map((name) => {
    const base = cleanSheetName(name);
    let candidate = base;
    for (let k = 2; used.has(sheetNameKey(candidate)); k += 1) candidate = numbered(base, k);
    used.add(sheetNameKey(candidate));
    return candidate;
  });
}
