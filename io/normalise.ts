/**
 * Sound workbooks that exceljs 4.4 misreads, put right before it sees them. What other
 * producers write differently from Excel, and the OOXML specification allows:
 *
 * - **Absolute relationship targets** (`Target="/xl/tables/table1.xml"`, ECMA-376 Part 2,
 *   §9.3: a target is a URI, relative to the source part or absolute). openpyxl (and so
 *   pandas) writes them; exceljs looks tables and comments up by the relative form
 *   (`../tables/table1.xml`) and fails inside worksheet.js. Each is rewritten relative to its
 *   source part.
 * - **`date1904="true"`** (an `xsd:boolean`, so `true` and `1` mean the same; LibreOffice
 *   writes `true`): exceljs honours only `1` and reads every date of such a file four years
 *   and a day early. It is rewritten as `1`.
 *
 * - **Notes in parts named otherwise than Excel names them** (see `NOTES`).
 *
 * It also names what exceljs would fail on without saying why: a relationship to a table or
 * drawing whose part is missing from the file.
 */
import { inflateRawSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import type { ZipPart } from './zip';
import { rebuildZip, storedBytes } from './zip';

/** What was put right, or why the file cannot be read. */
export type Normalised =
  | { ok: true; bytes: Uint8Array; changed: string[] }
  | { ok: false; problem: 'missing-part'; part: string; target: string }
  | { ok: false; problem: 'strict' }
  | { ok: false; problem: 'malformed'; part: string; detail: string };

const RELS = /(^|\/)_rels\/[^/]*\.rels$/i;
const WORKBOOK = 'xl/workbook.xml';
/** Relationship types whose target exceljs dereferences without checking that it exists. */
const DEREFERENCED = /\/(table|drawing)$/;
/**
 * Notes (comments and their VML shapes): exceljs loads them only from these part names
 * (lib/xlsx/xlsx.js) and fails on a sheet that names others, as openpyxl's
 * `xl/comments/comment1.xml`. The reader reads tables, not notes, so such a sheet's note
 * relationships are dropped.
 */
const NOTES = /\/(comments|vmlDrawing)$/;
const NOTE_PARTS = /^xl\/(comments\d+\.xml|drawings\/vmlDrawing\d+\.vml)$/;
/** The main namespace of Strict Open XML (ISO/IEC 29500 Strict), which exceljs does not read. */
const STRICT_NAMESPACE = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

interface Relationship {
  attributes: Record<string, string>;
}

const escapeAttribute = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');

function textOf(bytes: Uint8Array, part: ZipPart): string | null {
  const stored = storedBytes(bytes, part);
  if (stored === null) return null;
  // The zip scan has inflated every part within its declared size already.
  const raw =
    part.method === 0
      ? Buffer.from(stored)
      : inflateRawSync(stored, { maxOutputLength: Math.max(1, part.declaredSize) });
  return raw.toString('utf8');
}

/** The folder a relationships part speaks for (`xl/worksheets/_rels/sheet1.xml.rels` → `xl/worksheets`). */
function sourceFolder(relsName: string): string[] {
  const segments = relsName.split('/');
  return segments.slice(0, Math.max(0, segments.length - 2)).filter((s) => s !== '');
}

/** A target as a part name of the archive (`../tables/table1.xml` from `xl/worksheets`). */
function resolveTarget(folder: readonly string[], target: string): string {
  let path = target.split('#')[0] ?? '';
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not percent-encoded after all: keep it as written.
  }
  const out = path.startsWith('/') ? [] : [...folder];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

/** The relative form of an absolute part name, seen from a folder. */
function relativeTo(folder: readonly string[], partName: string): string {
  const to = partName.split('/');
  let common = 0;
  while (common < folder.length && common < to.length - 1 && folder[common] === to[common])
    common += 1;
  return [...folder.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

function parseRels(
  xml: string,
):
  { ok: true; root: Record<string, string>; rels: Relationship[] } | { ok: false; detail: string } {
  const parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
  let root: Record<string, string> = {};
  const rels: Relationship[] = [];
  parser.on('opentag', (tag) => {
    const name = tag.name.slice(tag.name.indexOf(':') + 1);
    if (name === 'Relationships') root = { ...tag.attributes };
    else if (name === 'Relationship') rels.push({ attributes: { ...tag.attributes } });
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
  return { ok: true, root, rels };
}

function writeRels(root: Record<string, string>, rels: readonly Relationship[]): string {
  const attrs = (a: Record<string, string>) =>
    Object.entries(a)
      .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
      .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<Relationships${attrs(root)}>` +
    rels.map((r) => `<Relationship${attrs(r.attributes)}/>`).join('') +
    '</Relationships>'
  );
}

/** `date1904="true"` (or `'true'`) in the workbook's `workbookPr` start tag, as `1`. */
function normaliseDate1904(xml: string): string | null {
  const tag = /<((?:[\w.-]+:)?workbookPr)(\s[^>]*)?>/.exec(xml);
  if (tag === null || tag[2] === undefined) return null;
  const fixed = tag[2].replace(/(\sdate1904\s*=\s*)(["'])\s*true\s*\2/, '$1"1"');
  if (fixed === tag[2]) return null;
  return xml.slice(0, tag.index) + `<${tag[1]}${fixed}>` + xml.slice(tag.index + tag[0].length);
}

/**
 * Puts right what exceljs misreads (see the header) and checks that the relationships it
 * follows lead to parts of the file. Returns the bytes unchanged when nothing needed it.
 */
export function normaliseWorkbook(bytes: Uint8Array, parts: readonly ZipPart[]): Normalised {
  const names = new Set(parts.map((p) => p.name));
  const replaced = new Map<string, Buffer>();
  const changed: string[] = [];
  for (const part of parts) {
    if (part.name === WORKBOOK) {
      const xml = textOf(bytes, part);
      if (xml === null) continue;
      if (xml.includes(STRICT_NAMESPACE)) return { ok: false, problem: 'strict' };
      const fixed = normaliseDate1904(xml);
      if (fixed !== null) {
        replaced.set(part.name, Buffer.from(fixed, 'utf8'));
        changed.push(`${part.name}: date1904="1"`);
      }
      continue;
    }
    if (!RELS.test(part.name)) continue;
    const xml = textOf(bytes, part);
    if (xml === null) continue;
    const parsed = parseRels(xml);
    if (!parsed.ok)
      return { ok: false, problem: 'malformed', part: part.name, detail: parsed.detail };
    const folder = sourceFolder(part.name);
    let absolute = 0;
    const kept: Relationship[] = [];
    for (const rel of parsed.rels) {
      const { Target: target, TargetMode: mode, Type: type } = rel.attributes;
      if (target === undefined || mode === 'External') {
        kept.push(rel);
        continue;
      }
      const resolved = resolveTarget(folder, target);
      if (
        type !== undefined &&
        NOTES.test(type) &&
        !(names.has(resolved) && NOTE_PARTS.test(resolved))
      )
        continue;
      kept.push(rel);
      if (type !== undefined && DEREFERENCED.test(type) && !names.has(resolved))
        return { ok: false, problem: 'missing-part', part: part.name, target: resolved };
      if (target.startsWith('/')) {
        rel.attributes.Target = relativeTo(folder, resolved);
        absolute += 1;
      }
    }
    const dropped = parsed.rels.length - kept.length;
    if (absolute > 0 || dropped > 0) {
      replaced.set(part.name, Buffer.from(writeRels(parsed.root, kept), 'utf8'));
      changed.push(`${part.name}: ${absolute} absolute target(s), ${dropped} note link(s) dropped`);
    }
  }
  if (replaced.size === 0) return { ok: true, bytes, changed };
  return { ok: true, bytes: rebuildZip(bytes, parts, replaced), changed };
}
