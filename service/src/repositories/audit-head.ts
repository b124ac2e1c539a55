/**
 * The head of each tenant's audit chain, anchored outside the database.
 *
 * A hash chain shows an entry edited, reordered or removed in the middle, but not entries cut
 * off its end: what is left is a shorter chain that verifies. So after every append commits,
 * the new head (sequence number and hash) is written to a file beside the database, signed
 * with HMAC-SHA256 under a key the database does not hold; `plan admin verify` then requires
 * the chain to still hold that entry with that hash. Someone who can change the database but
 * not the register's data folder can no longer shorten the log unseen.
 *
 * Files, in the folder given (the register's data root, `PLAN_DATA_ROOT`):
 * - `audit-head.key`: 32 random bytes as hex, made on first use, mode 0600 (unless a key is
 *   configured: `PLAN_AUDIT_HEAD_KEY`);
 * - `audit-head/<tenant>.json`: `{ tenantId, seq, hash, mac }`, mode 0600, replaced atomically
 *   (written beside, flushed, renamed). Only a higher `seq` replaces it, so of two processes
 *   that append at once the file may keep the older head for a moment: still a head the chain
 *   must hold.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../db/canonical';

/** A tenant's chain head: its last entry's sequence number and hash. */
export interface AuditHead {
  tenantId: string;
  seq: bigint;
  hash: string;
}

/** What the store holds for a tenant. */
export type AnchoredHead =
  | { kind: 'none' }
  /** A head file that does not parse or whose signature does not fit: changed outside. */
  | { kind: 'bad-signature' }
  | { kind: 'anchored'; seq: bigint; hash: string };

/** Where the heads are kept. */
export interface AuditHeadStore {
  /**
   * Records a head whose entry has committed (called after the commit; a head of a rolled-back
   * transaction is never recorded). Keeps the recorded head when its `seq` is not lower, or
   * when it is signed wrongly (the evidence stays for verify).
   */
  record(head: AuditHead): void;
  /** Records a head whatever is recorded (`plan admin verify --anchor-head`). */
  replace(head: AuditHead): void;
  read(tenantId: string): AnchoredHead;
  /** The folder, for messages. */
  readonly location: string;
}

const KEY_FILE = 'audit-head.key';
const HEADS_DIR = 'audit-head';
/** 256 bits: the size of HMAC-SHA256's block-reduced key and of its output. */
const KEY_BYTES = 32;
/** A configured key: 32 characters at least (e.g. `openssl rand -hex 32` gives 64). */
const MIN_KEY_CHARS = 32;

/** Writes a file with mode 0600 atomically: beside it, flushed, then renamed over it. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** The key file's key, made (mode 0600, exclusively: two processes agree on one) when absent. */
function keyFromFile(dir: string): Buffer {
  const file = path.join(dir, KEY_FILE);
  try {
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, randomBytes(KEY_BYTES).toString('hex') + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${file} does not hold a 256-bit hex key`);
  return Buffer.from(hex, 'hex');
}

/**
 * The heads of every tenant in files under `dir` (see the module comment). `key`: the HMAC key
 * from the configuration, instead of the key file. `onError`: what to do when a head cannot
 * be written (the change it anchors has already committed); default: throw.
 */
export function fileAuditHeadStore(
  dir: string,
  options: { key?: string; onError?: (error: unknown) => void } = {},
): AuditHeadStore {
  if (options.key !== undefined && options.key.length < MIN_KEY_CHARS)
    throw new Error(`the audit head key must have at least ${MIN_KEY_CHARS} characters`);
  let key: Buffer | undefined = options.key === undefined ? undefined : Buffer.from(options.key);
  const keyOf = () => {
    if (key === undefined) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      key = keyFromFile(dir);
    }
    return key;
  };
  const fileOf = (tenantId: string) => path.join(dir, HEADS_DIR, `${tenantId}.json`);
  const mac = (head: AuditHead) =>
    createHmac('sha256', keyOf())
      .update(canonicalJson({ tenantId: head.tenantId, seq: head.seq.toString(), hash: head.hash }))
      .digest('hex');

  const read = (tenantId: string): AnchoredHead => {
    let text: string;
    try {
      text = readFileSync(fileOf(tenantId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const { seq, hash, mac: signed } = parsed;
      if (
        parsed.tenantId !== tenantId ||
        typeof seq !== 'string' ||
        !/^[1-9][0-9]*$/.test(seq) ||
        typeof hash !== 'string' ||
        typeof signed !== 'string'
      )
        return { kind: 'bad-signature' };
      const head = { tenantId, seq: BigInt(seq), hash };
      const expected = Buffer.from(mac(head), 'hex');
      const given = Buffer.from(signed, 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { kind: 'bad-signature' };
      return { kind: 'anchored', seq: head.seq, hash };
    } catch {
      return { kind: 'bad-signature' };
    }
  };

  const write = (head: AuditHead) => {
    mkdirSync(path.join(dir, HEADS_DIR), { recursive: true, mode: 0o700 });
    const signed = { tenantId: head.tenantId, seq: head.seq.toString(), hash: head.hash };
    writeAtomically(fileOf(head.tenantId), canonicalJson({ ...signed, mac: mac(head) }) + '\n');
  };

  return {
    location: dir,
    read,
    replace: write,
    record(head) {
      try {
        const now = read(head.tenantId);
        if (now.kind === 'bad-signature') return;
        if (now.kind === 'anchored' && now.seq >= head.seq) return;
        write(head);
      } catch (error) {
        if (options.onError === undefined) throw error;
        options.onError(error);
      }
    },
  };
}
