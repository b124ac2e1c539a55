/**
 * A look at a zip archive's central directory before anything is unpacked:
 * is it a zip at all, is it an Excel workbook, and how big would it be
 * unpacked. This refuses zip bombs and non-workbooks cheaply, before exceljs
 * inflates anything into memory. (PKWARE APPNOTE.TXT 6.3, sections 4.3.12
 * and 4.3.16, give the record layouts read here.)
 */

/** What the central directory says about an archive. */
export interface ZipSummary {
  /** Number of entries. */
  entries: number;
  /** Sum of the entries' declared uncompressed sizes, in bytes. */
  uncompressedBytes: number;
  /** Entry names (capped at `MAX_NAMES_KEPT`). */
  names: string[];
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
    if (names.length < MAX_NAMES_KEPT)
      names.push(
        decoder.decode(bytes.subarray(at + CENTRAL_FIXED, at + CENTRAL_FIXED + nameLength)),
      );
    at += CENTRAL_FIXED + nameLength + extraLength + commentLength;
  }
  return { ok: true, summary: { entries, uncompressedBytes: uncompressed, names } };
}
