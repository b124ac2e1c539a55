/**
 * The Urban Services department of Mashhad pushes its plan workbook to the register, version
 * after version: each push is stored whole or not at all, two pushes on the same base cannot
 * both win, a retried push is answered from its idempotency record, and money stays exact.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { JsonObject } from '../../service/src/db';
import type { CreateVersionInput, Repositories } from '../../service/src/repositories';
import { defaultVersionResponse, tablesSha256 } from '../../service/src/repositories';
import type { DbKind, SeededMunicipality } from '../helpers/db';
import { DB_KINDS, seedMunicipality, useTestDatabase } from '../helpers/db';

/** The department's tables: one project with a cost per plan year (exact Rials as strings). */
function planTables(cost1405: string): Record<string, JsonObject[]> {
  return {
    tblProjects: [
      {
        ProjectId: 'P-014',
        Title: 'پل عابر پیاده میدان شهدا',
        ProgramId: 'PR-3',
        '1405': cost1405,
        '1406': '0',
        Mandatory: false,
      },
    ],
    tblActivities: [
      { ActivityId: 'A-2', Title: 'Street cleaning', Kind: 'service', '1405': '7500000000' },
    ],
  };
}

describe('the hash of a version’s tables', () => {
  it('does not depend on the order of columns in a row, and changes with any value', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
        fc.string(),
        (row, extra) => {
          const reversed = Object.fromEntries(Object.entries(row).reverse());
          expect(tablesSha256({ t: [row] })).toBe(tablesSha256({ t: [reversed] }));
          const changed = { ...row, ['\u0000extra']: extra };
          expect(tablesSha256({ t: [changed] })).not.toBe(tablesSha256({ t: [row] }));
        },
      ),
    );
  });
});

describe.each(DB_KINDS)('pushing plan versions on %s', (kind: DbKind) => {
  const database = useTestDatabase(kind);
  let repos: Repositories;
  let m: SeededMunicipality;
  beforeAll(async () => {
    repos = database().repos;
    m = await seedMunicipality(repos, 'mashhad');
  });

  const push = (baseVersion: number, extra: Partial<CreateVersionInput> = {}) =>
    repos.versions.createVersion(m.tenantId, {
      submissionId: m.submissionId,
      baseVersion,
      tables: planTables(`${baseVersion + 1}000000000`),
      validation: { findings: [] },
      actorId: m.preparerId,
      ...extra,
    });
  const currentVersion = async () =>
    (await repos.submissions.get(m.tenantId, m.submissionId))?.currentVersion;

  it('stores the first push as version 1: rows, the original file and their hashes', async () => {
    const workbook = Buffer.from('PK\u0003\u0004 the bytes of the department workbook');
    const result = await push(0, { xlsx: workbook, tables: planTables('1250000000') });
    expect(result.kind).toBe('created');
    if (result.kind !== 'created') return;
    expect(result.version).toMatchObject({ version: 1, baseVersion: 0 });
    // The file's hash, computed here with Node's crypto independently of the repository.
    expect(result.version.xlsxSha256).toBe(createHash('sha256').update(workbook).digest('hex'));
    expect(result.submission).toMatchObject({ currentVersion: 1, status: 'draft' });

    const stored = await repos.versions.getVersion(m.tenantId, m.submissionId, 1, {
      rows: true,
      xlsx: true,
    });
    expect(stored?.tables).toEqual(planTables('1250000000'));
    expect(Buffer.from(stored?.xlsx ?? [])).toEqual(workbook);
    expect(stored?.validation).toEqual({ findings: [] });
    // Without asking, neither rows nor bytes are read.
    const bare = await repos.versions.getVersion(m.tenantId, m.submissionId, 1);
    expect(bare).not.toHaveProperty('tables');
    expect(bare).not.toHaveProperty('xlsx');
  });

  it('keeps money exact beyond 2^53 (a JavaScript number would round it)', async () => {
    // 2^53 + 1 = 9,007,199,254,740,993 is the first whole number a double cannot hold:
    // Number(2n ** 53n + 1n) === 9007199254740992. 10^30 + 7 is past bigint64 as well.
    const pastDouble = 2n ** 53n + 1n;
    const pastInt64 = 10n ** 30n + 7n;
    const result = await push(1, {
      tables: planTables(pastDouble.toString()),
      totals: [
        { measure: 'projects', year: 1405, amount: pastDouble },
        { measure: 'projects', year: 1406, amount: pastInt64 },
      ],
    });
    expect(result.kind).toBe('created');
    const stored = await repos.versions.getVersion(m.tenantId, m.submissionId, 2, { rows: true });
    expect(stored?.totals).toEqual([
      { measure: 'projects', year: 1405, amount: 9007199254740993n },
      { measure: 'projects', year: 1406, amount: 1000000000000000000000000000007n },
    ]);
    expect(stored?.tables?.tblProjects?.[0]?.['1405']).toBe('9007199254740993');
    // A version pushed as JSON has no file.
    expect(stored?.xlsxSha256).toBeNull();
  });

  it('lets only one of two pushes on the same base win; the other learns the new version', async () => {
    const results = await Promise.all([push(2), push(2)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['conflict', 'created']);
    expect(results.find((r) => r.kind === 'conflict')).toEqual({
      kind: 'conflict',
      currentVersion: 3,
    });
    const versions = await repos.versions.listVersions(m.tenantId, m.submissionId);
    expect(versions.map((v) => [v.version, v.baseVersion])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
  });

  it('stores nothing of a push that fails inside its transaction', async () => {
    const { prisma } = database().db;
    const where = { tenantId: m.tenantId, submissionId: m.submissionId };
    const before = {
      audit: await prisma.auditEntry.count({ where: { tenantId: m.tenantId } }),
      rows: await prisma.versionRow.count({ where }),
      totals: await prisma.versionTotal.count({ where }),
    };
    // The stored response is built inside the transaction, after the bump, the version, its
    // rows and totals: a failure there must undo all of them.
    const failure = push(3, {
      totals: [{ measure: 'projects', year: 1405, amount: 1n }],
      idempotency: {
        key: 'push-fails',
        requestHash: 'a',
        response: () => {
          throw new Error('disk full (injected)');
        },
      },
    });
    await expect(failure).rejects.toThrow('disk full (injected)');
    expect(await currentVersion()).toBe(3);
    expect(await repos.versions.getVersion(m.tenantId, m.submissionId, 4)).toBeNull();
    expect({
      audit: await prisma.auditEntry.count({ where: { tenantId: m.tenantId } }),
      rows: await prisma.versionRow.count({ where }),
      totals: await prisma.versionTotal.count({ where }),
    }).toEqual(before);
    expect(await repos.idempotency.find(m.tenantId, 'push-fails')).toBeNull();
  });

  it('answers a retried push from its idempotency record, and refuses the key for another request', async () => {
    const idempotency = { key: 'push-0001', requestHash: 'sha-of-request-1' };
    const first = await push(3, { idempotency });
    expect(first.kind).toBe('created');
    if (first.kind !== 'created') return;
    const retry = await push(3, { idempotency });
    expect(retry).toEqual({
      kind: 'replay',
      storedResponse: defaultVersionResponse(first.version),
    });
    expect(await currentVersion()).toBe(4);
    expect(await push(4, { idempotency: { ...idempotency, requestHash: 'another' } })).toEqual({
      kind: 'idempotency-mismatch',
    });

    // Two copies of one request racing: one is carried out, the other is its replay.
    const racing = { key: 'push-0002', requestHash: 'sha-of-request-2' };
    const both = await Promise.all([
      push(4, { idempotency: racing }),
      push(4, { idempotency: racing }),
    ]);
    expect(both.map((r) => r.kind).sort()).toEqual(['created', 'replay']);
    expect(await currentVersion()).toBe(5);
  });

  it('does not change a plan under review, and a returned plan goes back to draft on a push', async () => {
    const submitted = await repos.submissions.transition(m.tenantId, {
      submissionId: m.submissionId,
      action: 'submit',
      actorId: m.preparerId,
    });
    expect(submitted.kind).toBe('done');
    expect(await push(5)).toEqual({ kind: 'not-editable', status: 'submitted' });
    await repos.submissions.transition(m.tenantId, {
      submissionId: m.submissionId,
      action: 'return',
      actorId: m.reviewerId,
      note: 'Cost of P-014 in 1406 is missing',
    });
    const fixed = await push(5);
    expect(fixed.kind === 'created' && fixed.submission.status).toBe('draft');
  });

  it('says so when the submission does not exist', async () => {
    expect(await push(0, { submissionId: 'no-such-submission' })).toEqual({ kind: 'not-found' });
  });

  it('gives the rows of a table across the current versions of a cycle', async () => {
    const rows = await repos.versions.currentRows(m.tenantId, {
      cycleId: m.cycleId,
      tableName: 'tblProjects',
    });
    expect(rows).toEqual([
      {
        submissionId: m.submissionId,
        departmentId: m.departmentId,
        version: 6,
        rowIndex: 0,
        data: planTables('6000000000').tblProjects?.[0],
      },
    ]);
  });

  it('recorded every push in an audit chain that verifies', async () => {
    const entries = await repos.audit.listForEntity(m.tenantId, 'submission', m.submissionId);
    const pushes = entries.filter((e) => e.action === 'version.create');
    expect(pushes.map((e) => (e.data as JsonObject).version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await repos.audit.verifyChain(m.tenantId)).toMatchObject({ ok: true });
  });
});

describe.each(DB_KINDS)('a version’s plan rows beside its cells on %s', (kind: DbKind) => {
  const database = useTestDatabase(kind);
  let repos: Repositories;
  let m: SeededMunicipality;
  beforeAll(async () => {
    repos = database().repos;
    m = await seedMunicipality(repos, 'tabriz');
  });

  // The department keeps its workbook in Million Rials: 1.25 (million) is 1,250,000 Rials.
  const cells = {
    tblPlanInfo: [{ Key: 'Unit', Value: 'Million Rials' }],
    tblProjects: [{ ProjectId: 'P-014', '1405': 1.25 }],
  };
  const plan = {
    form: 1,
    tables: {
      tblPlanInfo: [{ Key: 'Unit', Value: 'Rial' }],
      tblProjects: [{ ProjectId: 'P-014', '1405': '1250000' }],
      $layout: [
        { table: 'tblProjects', sheet: null, address: null, columns: ['ProjectId', '1405'] },
      ],
    },
  };

  it('stores both forms in one push, the plan with its form and hash, and reads each on demand', async () => {
    const result = await repos.versions.createVersion(m.tenantId, {
      submissionId: m.submissionId,
      baseVersion: 0,
      tables: cells,
      plan,
      validation: { findings: [] },
      actorId: m.preparerId,
    });
    expect(result.kind).toBe('created');
    if (result.kind !== 'created') return;
    expect(result.version).toMatchObject({ planForm: 1, planSha256: tablesSha256(plan.tables) });
    const both = await repos.versions.getVersion(m.tenantId, m.submissionId, 1, {
      rows: true,
      plan: true,
    });
    expect(both?.tables).toEqual(cells);
    expect(both?.plan).toEqual(plan.tables);
    const planOnly = await repos.versions.getVersion(m.tenantId, m.submissionId, 1, { plan: true });
    expect(planOnly).not.toHaveProperty('tables');
    expect(planOnly?.plan?.tblProjects).toEqual([{ ProjectId: 'P-014', '1405': '1250000' }]);
    const cellsOnly = await repos.versions.getVersion(m.tenantId, m.submissionId, 1, {
      rows: true,
    });
    expect(cellsOnly).not.toHaveProperty('plan');
    expect(cellsOnly?.tables?.tblProjects).toEqual([{ ProjectId: 'P-014', '1405': 1.25 }]);

    const [entry] = (await repos.audit.listForEntity(m.tenantId, 'submission', m.submissionId))
      .filter((e) => e.action === 'version.create')
      .map((e) => e.data as JsonObject);
    expect(entry).toMatchObject({
      planForm: 1,
      planSha256: tablesSha256(plan.tables),
      planRows: 3,
    });

    const rows = await repos.versions.currentRows(m.tenantId, {
      cycleId: m.cycleId,
      tableName: 'tblProjects',
      form: 'plan',
    });
    expect(rows.map((r) => r.data)).toEqual([{ ProjectId: 'P-014', '1405': '1250000' }]);
  });

  it('marks a version stored without plan rows (as before they existed): no form, no hash', async () => {
    const result = await repos.versions.createVersion(m.tenantId, {
      submissionId: m.submissionId,
      baseVersion: 1,
      tables: cells,
      validation: { findings: [] },
      actorId: m.preparerId,
    });
    expect(result.kind === 'created' && result.version).toMatchObject({
      planForm: null,
      planSha256: null,
    });
    const stored = await repos.versions.getVersion(m.tenantId, m.submissionId, 2, { plan: true });
    expect(stored?.plan).toEqual({});
  });
});
