/**
 * A look at a zip archive's central directory before anything is unpacked:
 * is it a zip at all, is it an Excel workbook, and how big would it be
 * unpacked. This refuses zip bombs and non-workbooks cheaply, before exceljs
 * inflates anything into memory. (PKWARE APPNOTE.TXT 6.3, sections 4.3.12
 * and 4.3.16, give the record layouts read here.)
 */
import { createInflateRaw } from 'node:zlib';

/** Where an entry's data is and what the central directory declares about it. */
export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated (the only two methods .xlsx writers use). */
  method: number;
  compressedSize: number;
  /** The declared uncompressed size (a hostile file may lie; `scanParts` checks it). */
  declaredSize: number;
  localOffset: number;
}

/** What the central directory says about an archive. */
export interface ZipSummary {
  /** Number of entries. */
  entries: number;
  /** Sum of the entries' declared uncompressed sizes, in bytes. */
  uncompressedBytes: number;
  /** Entry names (capped at `MAX_NAMES_KEPT`). */
  names: string[];
  /** The entries (capped at `MAX_NAMES_KEPT`). */
  parts: ZipPart[];
}

/** Why the directory could not be read. */
export type ZipProblem = 'not-zip' | 'zip64' | 'truncated';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
// End-of-directory record: 22 bytes plus a comment of up to 65,535 bytes.
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const CENTRAL_FIXED = 46;
const MAX_NAMES_KEPT = 10_000;

/** True when the bytes start like a zip archive (a local file header), as every .xlsx does. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && readU32(bytes, 0) === LOCAL_HEADER;
}

function readU16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function readU32(b: Uint8Array, at: number): number {
  return (
    ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) +
    (b[at + 3] ?? 0) * 0x1000000
  );
}

/** Reads the central directory of a zip archive held in memory. */
export function summariseZip(
  bytes: Uint8Array,
): { ok: true; summary: ZipSummary } | { ok: false; problem: ZipProblem } {
  if (!looksLikeZip(bytes)) return { ok: false, problem: 'not-zip' };
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  let eocd = -1;
  for (let at = bytes.length - EOCD_SIZE; at >= lowest; at--) {
    if (readU32(bytes, at) === END_OF_DIRECTORY) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { ok: false, problem: 'truncated' };
  const entries = readU16(bytes, eocd + 10);
  const size = readU32(bytes, eocd + 12);
  const offset = readU32(bytes, eocd + 16);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    return { ok: false, problem: 'zip64' };
  if (offset + size > eocd) return { ok: false, problem: 'truncated' };
  let at = offset;
  let uncompressed = 0;
  const names: string[] = [];
  const parts: ZipPart[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < entries; i++) {
    if (at + CENTRAL_FIXED > eocd || readU32(bytes, at) !== CENTRAL_HEADER)
      return { ok: false, problem: 'truncated' };
    const usize = readU32(bytes, at + 24);
    if (usize === 0xffffffff) return { ok: false, problem: 'zip64' };
    uncompressed += usize;
    const nameLength = readU16(bytes, at + 28);
    const extraLength = readU16(bytes, at + 30);
    const commentLength = readU16(bytes, at + 32);
    if (names.length < MAX_NAMES_KEPT) {
      const name = decoder.decode(
        bytes.subarray(at + CENTRAL_FIXED, at + CENTRAL_FIXED + nameLength),
      );
      names.push(name);
      parts.push({
        name,
        method: readU16(bytes, at + 10),
        compressedSize: readU32(bytes, at + 20),
        declaredSize: usize,
        localOffset: readU32(bytes, at + 42),
      });
    }
    at += CENTRAL_FIXED + nameLength + extraLength + commentLength;
  }
  return { ok: true, summary: { entries, uncompressedBytes: uncompressed, names, parts } };
}

/** Limits of what the sheets of an archive may hold, checked while inflating them. */
export interface ScanLimits {
  /** Most `<row>` elements in all worksheets together. */
  maxRows: number;
  /** Most `<c>` (cell) elements in all worksheets together. */
  maxCells: number;
}

/** Why `scanParts` refused an archive. */
export type ScanProblem =
  | 'size-mismatch'
  | 'unsupported-method'
  | 'truncated'
  | 'too-many-rows'
  | 'too-many-cells'
  | 'doctype';

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const XML_PART = /\.(xml|rels|vml)$/i;
const ROW_TAG = Buffer.from('<row');
const CELL_TAGS = [Buffer.from('<c '), Buffer.from('<c>')];
/**
 * A document type declaration: what external entities (XXE) and entity expansion ("billion
 * laughs") need. No part of an .xlsx written by Excel or LibreOffice has one (the Open
 * Packaging Conventions, ECMA-376 Part 2, forbid DTDs in a package's XML), so any is refused.
 */
const DOCTYPE = Buffer.from('<!DOCTYPE');
/** Bytes kept from the end of one chunk for tags cut by a chunk boundary (longest tag − 1). */
const TAIL = DOCTYPE.length - 1;

function countTag(hay: Buffer, tag: Buffer, tail: number): number {
  let n = 0;
  for (let at = hay.indexOf(tag); at >= 0; at = hay.indexOf(tag, at + 1))
    if (at + tag.length > tail) n += 1; // matches wholly inside the tail were counted before
  return n;
}

/**
 * Inflates every entry as a stream, without keeping what it inflates, before any parser
 * sees the archive: refuses an entry that inflates past its declared size (a zip bomb whose
 * directory lies; the parser would inflate it whole into memory), XML parts with a document
 * type declaration (external entities, entity expansion), and worksheets with more
 * rows or cells than the limits (a parser keeps every cell of a sheet in memory, ≈1.5 KB
 * each in exceljs 4.4: a 1,000,000-row sheet took 1.6 GB and 6 s). Memory: one 64 KB chunk.
 */
export async function scanParts(
  bytes: Uint8Array,
  parts: readonly ZipPart[],
  limits: ScanLimits,
): Promise<{ ok: true; rows: number; cells: number } | { ok: false; problem: ScanProblem }> {
  let rows = 0;
  let cells = 0;
  for (const part of parts) {
    const at = part.localOffset;
    if (at + 30 > bytes.length || readU32(bytes, at) !== LOCAL_HEADER)
      return { ok: false, problem: 'truncated' };
    const start = at + 30 + readU16(bytes, at + 26) + readU16(bytes, at + 28);
    if (start + part.compressedSize > bytes.length) return { ok: false, problem: 'truncated' };
    const data = bytes.subarray(start, start + part.compressedSize);
    const sheet = WORKSHEET.test(part.name);
    const xml = XML_PART.test(part.name);
    let problem: ScanProblem | null = null;
    let size = 0;
    let tail = Buffer.alloc(0);
    const take = (chunk: Buffer): boolean => {
      size += chunk.length;
      if (size > part.declaredSize) problem = 'size-mismatch';
      else if (xml) {
        const hay = Buffer.concat([tail, chunk]);
        if (hay.includes(DOCTYPE)) problem = 'doctype';
        else if (sheet) {
          rows += countTag(hay, ROW_TAG, tail.length);
          for (const tag of CELL_TAGS) cells += countTag(hay, tag, tail.length);
          if (rows > limits.maxRows) problem = 'too-many-rows';
          else if (cells > limits.maxCells) problem = 'too-many-cells';
        }
        tail = Buffer.from(hay.subarray(Math.max(0, hay.length - TAIL)));
      }
      return problem === null;
    };
    if (part.method === 0) take(Buffer.from(data));
    else if (part.method === 8) {
      await new Promise<void>((resolve) => {
        const inflate = createInflateRaw({ chunkSize: 65_536 });
        inflate.on('data', (chunk: Buffer) => {
          if (!take(chunk)) {
            inflate.destroy();
            resolve();
          }
        });
        inflate.on('error', () => {
          problem ??= 'truncated';
          resolve();
        });
        inflate.on('end', () => resolve());
        inflate.end(data);
      });
    } else return { ok: false, problem: 'unsupported-method' };
    if (problem !== null) return { ok: false, problem };
  }
  return { ok: true, rows, cells };
}
