/**
 * The audit chains' heads signed outside the database (service/src/repositories/audit-head.ts):
 * only a higher head replaces the signed one, a head changed in its file reads as badly
 * signed and is kept as evidence, another key does not verify it, and a configured key that
 * is too short is refused.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileAuditHeadStore } from '../../service/src/repositories';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

describe('the signed head of an audit chain', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'plan-head-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = (tenant: string) => path.join(dir, 'audit-head', `${tenant}.json`);

  it('holds nothing at first, then the highest head recorded', () => {
    const store = fileAuditHeadStore(dir);
    expect(store.read('tabriz')).toEqual({ kind: 'none' });
    store.record({ tenantId: 'tabriz', seq: 5n, hash: HASH_A });
    // A slower process recording an older head does not take the newer one back.
    store.record({ tenantId: 'tabriz', seq: 4n, hash: HASH_B });
    expect(store.read('tabriz')).toEqual({ kind: 'anchored', seq: 5n, hash: HASH_A });
    store.record({ tenantId: 'tabriz', seq: 6n, hash: HASH_B });
    expect(store.read('tabriz')).toEqual({ kind: 'anchored', seq: 6n, hash: HASH_B });
    // Tenants are kept apart.
    expect(store.read('shiraz')).toEqual({ kind: 'none' });
  });

  it('reads a head changed in its file as badly signed, and keeps it for verify', () => {
    const store = fileAuditHeadStore(dir);
    store.record({ tenantId: 'tabriz', seq: 9n, hash: HASH_A });
    const text = readFileSync(file('tabriz'), 'utf8');
    writeFileSync(file('tabriz'), text.replace(HASH_A, HASH_B));
    expect(store.read('tabriz')).toEqual({ kind: 'bad-signature' });
    store.record({ tenantId: 'tabriz', seq: 10n, hash: HASH_A });
    expect(store.read('tabriz')).toEqual({ kind: 'bad-signature' });
    // `plan admin verify --anchor-head` replaces it on purpose.
    store.replace({ tenantId: 'tabriz', seq: 10n, hash: HASH_A });
    expect(store.read('tabriz')).toEqual({ kind: 'anchored', seq: 10n, hash: HASH_A });
    writeFileSync(file('tabriz'), 'not json');
    expect(store.read('tabriz')).toEqual({ kind: 'bad-signature' });
  });

  it('signs with the configured key: another key does not verify the head', () => {
    const key = 'k'.repeat(32);
    fileAuditHeadStore(dir, { key }).record({ tenantId: 'tabriz', seq: 3n, hash: HASH_A });
    expect(fileAuditHeadStore(dir, { key }).read('tabriz')).toMatchObject({ kind: 'anchored' });
    expect(fileAuditHeadStore(dir, { key: 'j'.repeat(32) }).read('tabriz')).toEqual({
      kind: 'bad-signature',
    });
    // Nor does the key file that a store without a configured key makes.
    expect(fileAuditHeadStore(dir).read('tabriz')).toEqual({ kind: 'bad-signature' });
  });

  it('refuses a configured key shorter than 32 characters', () => {
    expect(() => fileAuditHeadStore(dir, { key: 'short' })).toThrow(/32 characters/);
  });

  it('reports a head it cannot write to onError, instead of throwing', () => {
    // A file where the heads' folder should be: nothing can be written under it.
    writeFileSync(path.join(dir, 'audit-head'), '');
    const errors: unknown[] = [];
    const store = fileAuditHeadStore(dir, { onError: (e) => errors.push(e) });
    store.record({ tenantId: 'tabriz', seq: 1n, hash: HASH_A });
    expect(errors).toHaveLength(1);
    expect(() =>
      fileAuditHeadStore(dir).record({ tenantId: 'tabriz', seq: 1n, hash: HASH_A }),
    ).toThrow();
  });
});
