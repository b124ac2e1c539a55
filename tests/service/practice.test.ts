/**
 * The practice municipality (issue 20): `POST /api/admin/practice` by an admin of the seeded
 * sample city makes `sample-practice` from the sample, with the sample city's people as its
 * accounts; a second call resets it (a push made in practice is gone); it is isolated from
 * the real municipality like any other; its documents say «تمرینی» on every page, the real
 * ones do not. Expected values: the sample's own (its people's e-mails and roles, its
 * submissions), and the words of the core's `PRACTICE_MARK`.
 */
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { PRACTICE_BANNER, PRACTICE_MARK } from '#core';
import type { ApiMe, ApiPractice } from '#core';
import { TENANT_TABLES } from '../../service/src/repositories';
import { DB_KINDS } from '../helpers/db';
import { editable, push, variant } from '../reliability/helpers';
import type { Harness } from './api-harness';
import { bearer, binary, openHarness, submissionOf, TENANT } from './api-harness';

const PRACTICE = `${TENANT}-practice`;

/** The text of the entries of a `.docx` (a zip) whose names match, by name (no zip library). */
function zipTexts(bytes: Buffer, name: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  // The end of central directory record: its signature, then where the directory starts.
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = bytes.readUInt32LE(end + 16);
  const count = bytes.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const entry = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra + comment;
    if (!name.test(entry)) continue;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    out.set(entry, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
  }
  return out;
}

/** The words of each header and footer of a `.docx`, tags dropped. */
function pageFrames(bytes: Buffer): string[] {
  return [...zipTexts(bytes, /^word\/(header|footer)\d*\.xml$/).values()].map((xml) =>
    xml.replace(/<[^>]+>/g, ''),
  );
}

describe.each(DB_KINDS)('the practice municipality (%s)', (kind) => {
  let h: Harness;
  let made: ApiPractice;
  /** The practice municipality as a harness: its people's tokens, its cycle. */
  let ph: Harness;
  const tokenIn = async (tenantId: string, email: string) => {
    const user = await h.test.repos.users.getByEmail(tenantId, email);
    if (user === null) throw new Error(`no ${email} in ${tenantId}`);
    const issued = await h.test.repos.tokens.issue(tenantId, { userId: user.id, name: 't' }, null);
    if (!issued.ok) throw new Error(issued.reason);
    return issued.secret;
  };
  const practiceHarness = async (): Promise<Harness> => {
    const [cycle] = await h.test.repos.cycles.list(PRACTICE);
    if (cycle === undefined) throw new Error('no practice cycle');
    // The real city's people, copied: the same e-mails (of the sample's domain `sample.example`).
    const tokens = {
      admin: await tokenIn(PRACTICE, `admin@${TENANT}.example`),
      preparer: await tokenIn(PRACTICE, `preparer.d-civ@${TENANT}.example`),
      otherPreparer: await tokenIn(PRACTICE, `preparer.d-trf@${TENANT}.example`),
      reviewer: await tokenIn(PRACTICE, `reviewer@${TENANT}.example`),
      approver: await tokenIn(PRACTICE, `approver@${TENANT}.example`),
      council: await tokenIn(PRACTICE, `council@${TENANT}.example`),
    };
    return { ...h, tokens, cycleId: cycle.id };
  };

  beforeAll(async () => {
    h = await openHarness(kind);
    const res = await request(h.app).post('/api/admin/practice').set(bearer(h.tokens.admin));
    expect(res.status).toBe(201);
    made = res.body as ApiPractice;
    ph = await practiceHarness();
  }, 600_000);
  afterAll(async () => {
    await h?.close();
  });

  it('is made from the sample, with the real municipality’s people and roles', async () => {
    expect(made.tenantId).toBe(PRACTICE);
    expect(made.reset).toBe(false);
    const real = await h.test.repos.users.list(TENANT);
    expect(made.accounts.map((a) => [a.email, a.roles]).sort()).toEqual(
      real.map((u) => [u.email, u.roles]).sort(),
    );
    for (const a of made.accounts) expect(a.oneTimePassword).toMatch(/\S{8,}/);
    // A preparer keeps their department (the sample's codes are the sample city's).
    expect(made.accounts.find((a) => a.email === `preparer.d-civ@${TENANT}.example`)).toMatchObject(
      { departmentCode: 'D-CIV' },
    );
    expect((await h.test.repos.tenants.get(PRACTICE))?.practice).toBe(true);
    expect((await h.test.repos.tenants.get(TENANT))?.practice).toBe(false);
    expect((await h.test.repos.tenants.get(PRACTICE))?.name).toContain(PRACTICE_MARK.fa);
    // The sample plan adopted and published, and its monitoring filed (16 departments' worth).
    const subs = await h.test.repos.submissions.list(PRACTICE, { cycleId: ph.cycleId });
    expect(subs.filter((s) => s.kind === 'monitoring').length).toBeGreaterThan(0);
    expect(subs.every((s) => s.status === 'approved')).toBe(true);
    const snapshots = await h.test.repos.snapshots.list(PRACTICE, ph.cycleId);
    expect(snapshots.map((s) => [s.status, s.publishedAt !== null])).toEqual([['adopted', true]]);
  });

  it('says who is practising in /api/me', async () => {
    const inPractice = await request(h.app).get('/api/me').set(bearer(ph.tokens.preparer));
    expect(inPractice.status).toBe(200);
    expect(inPractice.body as ApiMe).toMatchObject({ tenantId: PRACTICE, practice: true });
    const inReal = await request(h.app).get('/api/me').set(bearer(h.tokens.preparer));
    expect(inReal.body as ApiMe).toMatchObject({ tenantId: TENANT, practice: false });
  });

  it('is made by an admin of a real municipality only', async () => {
    const approver = await request(h.app)
      .post('/api/admin/practice')
      .set(bearer(h.tokens.approver));
    expect(approver.status).toBe(403);
    const fromPractice = await request(h.app)
      .post('/api/admin/practice')
      .set(bearer(ph.tokens.admin));
    expect(fromPractice.status).toBe(403);
    expect(await h.test.repos.tenants.get(`${PRACTICE}-practice`)).toBeNull();
  });

  it('is isolated from the real municipality, both ways', async () => {
    const realSub = await submissionOf(h, 'D-CIV');
    const practiceSub = await submissionOf(ph, 'D-CIV');
    expect(practiceSub).not.toBe(realSub);
    for (const [token, other] of [
      [ph.tokens.admin, realSub],
      [h.tokens.admin, practiceSub],
    ] as const) {
      const one = await request(h.app).get(`/api/submissions/${other}`).set(bearer(token));
      expect(one.status).toBe(404);
      const latest = await request(h.app)
        .get(`/api/submissions/${other}/versions/latest`)
        .set(bearer(token));
      expect(latest.status).toBe(404);
    }
    // The other's cycle lists nothing.
    const list = await request(h.app)
      .get(`/api/submissions?cycleId=${h.cycleId}`)
      .set(bearer(ph.tokens.admin));
    expect(list.body).toEqual([]);
  });

  it('marks every page of its documents «تمرینی»; the real ones are not marked', async () => {
    const get = (path: string, token: string) =>
      request(h.app).get(path).set(bearer(token)).buffer(true).parse(binary);
    for (const doc of ['plan-book', 'council-bill', 'article-71?period=1405-H1']) {
      const practice = await get(`/api/cycles/${ph.cycleId}/documents/${doc}`, ph.tokens.council);
      expect(practice.status).toBe(200);
      const frames = pageFrames(practice.body as Buffer);
      // Every section's header and footer (the docx has one of each per section at least).
      expect(frames.length).toBeGreaterThanOrEqual(2);
      for (const text of frames) expect(text).toContain(PRACTICE_BANNER.fa);
      if (doc.startsWith('article-71')) continue; // the real city has no monitoring filed here
      const real = await get(`/api/cycles/${h.cycleId}/documents/${doc}`, h.tokens.council);
      expect(real.status).toBe(200);
      for (const text of pageFrames(real.body as Buffer))
        expect(text).not.toContain(PRACTICE_MARK.fa);
    }
  });

  it('marks every printed page of its workbooks «تمرینی»; the real ones are not marked', async () => {
    const get = (path: string, token: string) =>
      request(h.app).get(path).set(bearer(token)).buffer(true).parse(binary);
    /** The header of every visible sheet, and the cover's first line (A1 of the first sheet). */
    const headersOf = async (bytes: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const visible = wb.worksheets.filter((ws) => ws.state === 'visible');
      return {
        headers: visible.map((ws) => ws.headerFooter.oddHeader ?? ''),
        first: String(visible[0]?.getCell('A1').value ?? ''),
      };
    };
    // The banner as Excel's header codes hold it: centred and bold (`printHeaderOf`).
    const header = `&C&B${PRACTICE_BANNER.fa}&B`;
    const paths = (cycleId: string) => [
      `/api/cycles/${cycleId}/consolidation?format=xlsx`,
      `/api/cycles/${cycleId}/reference?format=xlsx`,
      `/api/cycles/${cycleId}/monitoring?period=1405-H1&format=xlsx`,
    ];
    for (const path of paths(ph.cycleId)) {
      const res = await get(path, ph.tokens.council);
      expect([path, res.status]).toEqual([path, 200]);
      const { headers } = await headersOf(res.body as Buffer);
      expect(headers.length).toBeGreaterThan(0);
      for (const h of headers) expect([path, h]).toEqual([path, header]);
    }
    // The consolidation's cover says it on its first line too.
    const cover = await get(paths(ph.cycleId)[0] ?? '', ph.tokens.council);
    expect((await headersOf(cover.body as Buffer)).first).toBe(PRACTICE_BANNER.fa);
    // The published open data of the practice plan, as a workbook.
    const table = await request(h.app)
      .get(`/api/public/${PRACTICE}/plan/tables/projects.xlsx`)
      .buffer(true)
      .parse(binary);
    expect(table.status).toBe(200);
    expect((await headersOf(table.body as Buffer)).headers).toEqual([header]);
    // The real municipality's: no header at all.
    for (const path of paths(h.cycleId).slice(0, 2)) {
      const res = await get(path, h.tokens.council);
      expect(res.status).toBe(200);
      const { headers, first } = await headersOf(res.body as Buffer);
      for (const h of headers) expect(h).toBe('');
      expect(first).not.toContain(PRACTICE_MARK.fa);
    }
  });

  it('is reset to the sample: a push made in practice is gone, its chain verifies', async () => {
    const { id, version, workbook } = await editable(ph);
    const pushed = await push(ph, id, ph.tokens.preparer, variant(workbook, 'practice'), version);
    expect(pushed.status).toBe(201);
    const before = await h.test.repos.submissions.list(PRACTICE, { cycleId: ph.cycleId });
    expect(before.find((s) => s.id === id)?.status).toBe('draft');

    const res = await request(h.app).post('/api/admin/practice').set(bearer(h.tokens.admin));
    expect(res.status).toBe(201);
    expect((res.body as ApiPractice).reset).toBe(true);
    // The old practice tokens went with it.
    const old = await request(h.app).get('/api/me').set(bearer(ph.tokens.preparer));
    expect(old.status).toBe(401);
    ph = await practiceHarness();
    const after = await h.test.repos.submissions.list(PRACTICE, { cycleId: ph.cycleId });
    expect(after.every((s) => s.status === 'approved')).toBe(true);
    const civ = await submissionOf(ph, 'D-CIV');
    const latest = await request(h.app)
      .get(`/api/submissions/${civ}/versions/latest?lang=keys`)
      .set(bearer(ph.tokens.admin));
    expect(JSON.stringify(latest.body)).not.toContain('پروژه آزمون practice');
    const verify = await request(h.app).get('/api/audit/verify').set(bearer(ph.tokens.admin));
    expect(verify.body).toMatchObject({ ok: true });
    // The real municipality is untouched.
    expect((await h.test.repos.tenants.get(TENANT))?.practice).toBe(false);
    expect((await request(h.app).get('/api/me').set(bearer(h.tokens.preparer))).status).toBe(200);
  }, 600_000);

  it('purges every table that carries a municipality', async () => {
    const tables = await h.test.db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
      `SELECT table_name::text AS table_name FROM information_schema.columns
       WHERE column_name = 'tenant_id' AND table_schema = current_schema()`,
    );
    expect([...TENANT_TABLES].sort()).toEqual(tables.map((t) => t.table_name).sort());
  });
});
