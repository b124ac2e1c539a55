/**
 * A look at a zip archive's central directory before anything is unpacked:
 * is it a zip at all, is it an Excel workbook, and how big would it be
 * unpacked. This refuses zip bombs and non-workbooks cheaply, before exceljs
 * inflates anything into memory. (PKWARE APPNOTE.TXT 6.3, sections 4.3.12
 * and 4.3.16, give the record layouts read here.)
 */
import { crc32, createInflateRaw, deflateRawSync } from 'node:zlib';
import type { SheetLimits, SheetProblem, SheetTotals } from './scan';
import { SheetScanner } from './scan';

/** Where an entry's data is and what the central directory declares about it. */
export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated (the only two methods .xlsx writers use). */
  method: number;
  /** General purpose bit flags (bit 0: encrypted; bit 3: sizes in a data descriptor; bit 11: UTF-8 name). */
  flags: number;
  crc32: number;
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
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;

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
        flags: readU16(bytes, at + 8),
        crc32: readU32(bytes, at + 16),
        compressedSize: readU32(bytes, at + 20),
        declaredSize: usize,
        localOffset: readU32(bytes, at + 42),
      });
    }
    at += CENTRAL_FIXED + nameLength + extraLength + commentLength;
  }
  return { ok: true, summary: { entries, uncompressedBytes: uncompressed, names, parts } };
}

/** Limits of what the parts of an archive may hold, checked while inflating them. */
export type ScanLimits = SheetLimits;

/** Why `scanParts` refused an archive. */
export type ScanProblem = SheetProblem | 'size-mismatch' | 'unsupported-method' | 'truncated';

/** What `scanParts` found. */
export type ScanResult =
  ({ ok: true } & SheetTotals) | { ok: false; problem: ScanProblem; part: string; detail: string };

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** The part exceljs reads shared strings from (lib/xlsx/xlsx.js matches this name exactly). */
export const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';
const XML_PART = /\.(xml|rels|vml)$/i;
/**
 * A document type declaration: what external entities (XXE) and entity expansion ("billion
 * laughs") need. No part of an .xlsx written by Excel or LibreOffice has one (the Open
 * Packaging Conventions, ECMA-376 Part 2, forbid DTDs in a package's XML), so any is refused.
 */
const DOCTYPE = Buffer.from('<!DOCTYPE');
/** Bytes kept from the end of one chunk for a DOCTYPE cut by a chunk boundary. */
const TAIL = DOCTYPE.length - 1;

/** The stored (possibly deflated) bytes of a part, or null when the archive is cut short. */
export function storedBytes(bytes: Uint8Array, part: ZipPart): Uint8Array | null {
  const at = part.localOffset;
  if (at + 30 > bytes.length || readU32(bytes, at) !== LOCAL_HEADER) return null;
  const start = at + 30 + readU16(bytes, at + 26) + readU16(bytes, at + 28);
  if (start + part.compressedSize > bytes.length) return null;
  return bytes.subarray(start, start + part.compressedSize);
}

/**
 * Inflates a part as a stream, handing each chunk to `take` (which returns false to stop);
 * nothing inflated is kept. Refuses a part that inflates past its declared size (a zip bomb
 * whose directory lies: a parser would inflate it whole into memory).
 */
export async function inflatePart(
  data: Uint8Array,
  part: ZipPart,
  take: (chunk: Buffer) => boolean,
): Promise<'size-mismatch' | 'unsupported-method' | 'truncated' | 'stopped' | null> {
  let size = 0;
  let outcome: 'size-mismatch' | 'truncated' | 'stopped' | null = null;
  const accept = (chunk: Buffer): boolean => {
    size += chunk.length;
    if (size > part.declaredSize) outcome = 'size-mismatch';
    else if (!take(chunk)) outcome = 'stopped';
    return outcome === null;
  };
  if (part.method === 0) {
    accept(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    return outcome;
  }
  if (part.method !== 8) return 'unsupported-method';
  await new Promise<void>((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 65_536 });
    inflate.on('data', (chunk: Buffer) => {
      if (!accept(chunk)) {
        inflate.destroy();
        resolve();
      }
    });
    inflate.on('error', () => {
      outcome ??= 'truncated';
      resolve();
    });
    inflate.on('end', () => resolve());
    inflate.end(data);
  });
  return outcome;
}

/**
 * Inflates every entry as a stream before any parser sees the archive, without keeping what
 * it inflates: refuses an entry that inflates past its declared size, XML parts with a
 * document type declaration (external entities, entity expansion), and worksheets with more
 * rows, cells or text than the limits (io/scan.ts: a parser keeps every cell of a sheet in
 * memory, ≈1.5 KB each in exceljs 4.4: a 1,000,000-row sheet took 1.6 GB and 6 s). The
 * shared strings are scanned first, whatever the order of the entries, so that each cell
 * that names one counts its length. Memory: one 64 KB chunk, and 4 bytes per shared string.
 */
export async function scanParts(
  bytes: Uint8Array,
  parts: readonly ZipPart[],
  limits: ScanLimits,
): Promise<ScanResult> {
  const scanner = new SheetScanner(limits);
  const ordered = [
    ...parts.filter((p) => p.name === SHARED_STRINGS_PART),
    ...parts.filter((p) => p.name !== SHARED_STRINGS_PART),
  ];
  for (const part of ordered) {
    const refuse = (problem: ScanProblem, detail = ''): ScanResult => ({
      ok: false,
      problem,
      part: part.name,
      detail,
    });
    const data = storedBytes(bytes, part);
    if (data === null) return refuse('truncated');
    const kind =
      part.name === SHARED_STRINGS_PART
        ? 'sharedStrings'
        : WORKSHEET.test(part.name)
          ? 'worksheet'
          : null;
    const xml = XML_PART.test(part.name);
    const tokens = kind === null ? null : scanner.part(kind);
    let tail = Buffer.alloc(0);
    let doctype = false;
    const outcome = await inflatePart(data, part, (chunk) => {
      if (!xml) return true;
      const hay = Buffer.concat([tail, chunk]);
      if (hay.includes(DOCTYPE)) {
        doctype = true;
        return false;
      }
      tail = Buffer.from(hay.subarray(Math.max(0, hay.length - TAIL)));
      return tokens === null || tokens.feed(chunk);
    });
    if (doctype) return refuse('doctype');
    if (outcome !== null && outcome !== 'stopped') return refuse(outcome);
    if (outcome === null && tokens !== null) tokens.end();
    if (scanner.problem !== null) return refuse(scanner.problem, scanner.detail);
  }
  return { ok: true, ...scanner.totals };
}

/**
 * The archive again with some parts' contents replaced (deflated anew); every other part is
 * copied as stored, under a fresh local header written from the central directory (so a data
 * descriptor is not needed). Comments and extra fields are dropped: no reader needs them.
 */
export function rebuildZip(
  bytes: Uint8Array,
  parts: readonly ZipPart[],
  replaced: ReadonlyMap<string, Buffer>,
): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const content = replaced.get(part.name);
    const stored = content === undefined ? storedBytes(bytes, part) : deflateRawSync(content);
    if (stored === null) throw new Error(`rebuildZip: ${part.name} is outside the archive`);
    const method = content === undefined ? part.method : 8;
    const crc = content === undefined ? part.crc32 : crc32(content);
    const size = content === undefined ? part.declaredSize : content.length;
    const name = Buffer.from(part.name, 'utf8');
    const flags = UTF8_NAME;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength));
    const central = Buffer.alloc(CENTRAL_FIXED);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(EOCD_SIZE);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
