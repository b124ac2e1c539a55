/**
 * The cache of immutable versions (service/src/repositories/versions.ts): what it serves is
 * what the database holds, frozen; a version list is re-read as soon as the submission names
 * a newer version (as after a push by another service process); reads that must see the
 * stored bytes (`xlsx: true`, what `plan admin verify` asks for) bypass it; it stays within
 * its byte bound.
 *
 * "Another process" is a second set of repositories over the same database with the cache
 * turned off (`versionCacheBytes: 0`): it also serves as the uncached truth.
 */
import type { JsonObject } from '../../service/src/db';
import type { Repositories, VersionDetail } from '../../service/src/repositories';
import { createRepositories, VersionCache } from '../../service/src/repositories';
import type { DbKind, SeededMunicipality } from '../helpers/db';
import { DB_KINDS, seedMunicipality, useTestDatabase } from '../helpers/db';

const tables = (title: string): Record<string, JsonObject[]> => ({
  tblProjects: [{ ProjectId: 'P-001', Title: title, '1405': '1250000000' }],
  tblActivities: [{ ActivityId: 'A-1', Title: 'نگهداری فضای سبز', '1405': '700000000' }],
});

describe.each(DB_KINDS)('the version cache on %s', (kind: DbKind) => {
  const database = useTestDatabase(kind);
  let cached: Repositories;
  let other: Repositories;
  let m: SeededMunicipality;
  beforeAll(async () => {
    cached = database().repos;
    other = createRepositories(database().db.prisma, {
      versionCacheBytes: 0,
      reader: database().db.reader,
    });
    m = await seedMunicipality(cached, 'tabriz');
  });

  const pushBy = async (repos: Repositories, baseVersion: number, title: string) => {
    const result = await repos.versions.createVersion(m.tenantId, {
      submissionId: m.submissionId,
      baseVersion,
      tables: tables(title),
      xlsx: Buffer.from(`bytes of version ${baseVersion + 1}`),
      validation: { findings: [] },
      actorId: m.preparerId,
    });
    if (result.kind !== 'created') throw new Error(result.kind);
    return result.version.version;
  };

  it('reads a submission on the hot path exactly as Prisma does (times in UTC)', async () => {
    // db/sql.ts reads this with its own SQL (the pool on PostgreSQL); Prisma is the reference.
    const viaPrisma = await cached.submissions.get(m.tenantId, m.submissionId);
    const hot = await cached.submissions.getForRead(m.tenantId, m.submissionId);
    const dept = await cached.departments.get(m.tenantId, m.departmentId);
    expect(hot).toEqual({ ...viaPrisma, departmentCode: dept?.code });
    expect(hot?.createdAt.getTime()).toBe(viaPrisma?.createdAt.getTime());
  });

  it('serves a version as the database holds it, frozen against changes', async () => {
    await pushBy(cached, 0, 'پل عابر پیاده');
    const first = await cached.versions.getVersion(m.tenantId, m.submissionId, 1, { rows: true });
    const again = await cached.versions.getVersion(m.tenantId, m.submissionId, 1, { rows: true });
    const truth = await other.versions.getVersion(m.tenantId, m.submissionId, 1, { rows: true });
    expect(again).toBe(first); // the same object: from the cache
    expect(first).toEqual(truth);
    expect(first?.tables?.tblProjects?.[0]?.Title).toBe('پل عابر پیاده');
    const row = first?.tables?.tblProjects?.[0] as JsonObject;
    expect(() => {
      row.Title = 'changed';
    }).toThrow(TypeError);
    // Without rows, the cached entry answers too, without its rows.
    const bare = await cached.versions.getVersion(m.tenantId, m.submissionId, 1);
    expect(bare?.tables).toBeUndefined();
    expect(bare?.tablesSha256).toBe(truth?.tablesSha256);
  });

  it('keeps a version’s plan rows cached with its cells, each read on demand', async () => {
    // A municipality of its own, so the versions of the other tests stay as they are.
    const s = await seedMunicipality(cached, 'shiraz');
    const plan = {
      form: 1,
      tables: { tblProjects: [{ ProjectId: 'P-001', Title: 'پل', '1405': '1250000000' }] },
    };
    const result = await cached.versions.createVersion(s.tenantId, {
      submissionId: s.submissionId,
      baseVersion: 0,
      tables: tables('پل'),
      plan,
      validation: { findings: [] },
      actorId: s.preparerId,
    });
    expect(result.kind).toBe('created');
    const cells = await cached.versions.getVersion(s.tenantId, s.submissionId, 1, { rows: true });
    expect(cells?.plan).toBeUndefined();
    const planned = await cached.versions.getVersion(s.tenantId, s.submissionId, 1, { plan: true });
    expect(planned?.plan).toEqual(plan.tables);
    expect(planned?.tables).toBeUndefined();
    // Both are cached now: each answer is the same frozen object as before, read once.
    const both = await cached.versions.getVersion(s.tenantId, s.submissionId, 1, {
      rows: true,
      plan: true,
    });
    expect(both?.tables).toBe(cells?.tables);
    expect(both?.plan).toBe(planned?.plan);
    expect(both).toEqual(
      await other.versions.getVersion(s.tenantId, s.submissionId, 1, { rows: true, plan: true }),
    );
  });

  it('reads many versions’ plans at once as getVersion reads each, from the cache or not', async () => {
    const s = await seedMunicipality(cached, 'yazd');
    // Three versions, each with plan rows in two tables (rows out of name order on purpose).
    const planOf = (v: number): { form: number; tables: Record<string, JsonObject[]> } => ({
      form: 1,
      tables: {
        tblProjects: [
          { ProjectId: `P-${v}`, Title: 'پل', '1405': `${v}000` },
          { ProjectId: 'P-2', Title: 'راه', '1406': '7' },
        ],
        tblActivities: [{ ActivityId: 'A-1', Title: 'نگهداری', '1405': String(v) }],
      },
    });
    for (let v = 1; v <= 3; v++) {
      const result = await other.versions.createVersion(s.tenantId, {
        submissionId: s.submissionId,
        baseVersion: v - 1,
        tables: tables(`v${v}`),
        plan: planOf(v),
        validation: { findings: [{ code: `F${v}` }] },
        actorId: s.preparerId,
      });
      expect(result.kind).toBe('created');
    }
    const wanted = [1, 3, 9].map((version) => ({ submissionId: s.submissionId, version }));
    const truth = async (version: number) =>
      other.versions.getVersion(s.tenantId, s.submissionId, version, { plan: true });
    // Uncached: two statements for all; version 9 does not exist and is left out.
    const uncached = await other.versions.getPlans(s.tenantId, wanted);
    expect([...uncached.keys()]).toEqual([`${s.submissionId}/1`, `${s.submissionId}/3`]);
    expect(uncached.get(`${s.submissionId}/1`)).toEqual(await truth(1));
    expect(uncached.get(`${s.submissionId}/3`)).toEqual(await truth(3));
    expect(uncached.get(`${s.submissionId}/3`)?.plan).toEqual(planOf(3).tables);
    // Cached: version 1 read before through getVersion, version 3 by getPlans, then both
    // served from the cache as the same frozen objects.
    const one = await cached.versions.getVersion(s.tenantId, s.submissionId, 1, { plan: true });
    const first = await cached.versions.getPlans(s.tenantId, wanted);
    expect(first.get(`${s.submissionId}/1`)).toBe(one);
    expect(first.get(`${s.submissionId}/3`)).toEqual(await truth(3));
    const again = await cached.versions.getPlans(s.tenantId, wanted);
    expect(again.get(`${s.submissionId}/3`)).toBe(first.get(`${s.submissionId}/3`));
    expect(await cached.versions.getVersion(s.tenantId, s.submissionId, 3, { plan: true })).toBe(
      first.get(`${s.submissionId}/3`),
    );
    // Another municipality's versions are not read under this one.
    expect((await other.versions.getPlans(m.tenantId, wanted)).size).toBe(0);
  });

  it('is what answers (a row changed behind its back is not seen), but never `xlsx` reads', async () => {
    // Versions are immutable in the service; a test may still write the table directly, as
    // a tamperer would, to show which reads the cache answers.
    await database().db.prisma.$executeRawUnsafe(
      `UPDATE version_row SET data = jsonb_set(data, '{Title}', '"tampered"')
        WHERE tenant_id = $1 AND submission_id = $2 AND version = 1 AND table_name = 'tblProjects'`,
      m.tenantId,
      m.submissionId,
    );
    const served = await cached.versions.getVersion(m.tenantId, m.submissionId, 1, { rows: true });
    expect(served?.tables?.tblProjects?.[0]?.Title).toBe('پل عابر پیاده');
    const fresh = await cached.versions.getVersion(m.tenantId, m.submissionId, 1, {
      rows: true,
      xlsx: true,
    });
    expect(fresh?.tables?.tblProjects?.[0]?.Title).toBe('tampered');
    expect(Buffer.from(fresh?.xlsx ?? []).toString()).toBe('bytes of version 1');
  });

  it('re-reads a version list when the submission names a newer version', async () => {
    const one = await cached.versions.listVersions(m.tenantId, m.submissionId, 1);
    expect(one.map((v) => v.version)).toEqual([1]);
    expect(await cached.versions.listVersions(m.tenantId, m.submissionId, 1)).toBe(one);
    // Another process pushes version 2.
    await pushBy(other, 1, 'پل دوم');
    const current = (await cached.submissions.getForRead(m.tenantId, m.submissionId))
      ?.currentVersion;
    expect(current).toBe(2);
    const two = await cached.versions.listVersions(m.tenantId, m.submissionId, current);
    expect(two.map((v) => v.version)).toEqual([1, 2]);
    expect(two).toEqual(await other.versions.listVersions(m.tenantId, m.submissionId));
    // Without `current`, the list is always read from the database.
    expect(await cached.versions.listVersions(m.tenantId, m.submissionId)).not.toBe(two);
  });
});

describe('the bound of the version cache', () => {
  const detail = (version: number, rows: number): VersionDetail => ({
    tenantId: 't',
    submissionId: 's',
    version,
    baseVersion: version - 1,
    tablesSha256: 'x'.repeat(64),
    xlsxSha256: null,
    planForm: null,
    planSha256: null,
    createdById: 'u',
    createdAt: new Date(0),
    totals: [],
    validation: { findings: [] },
    tables: {
      tblProjects: Array.from({ length: rows }, (_, i) => ({ ProjectId: `P-${i}`, Title: 'x' })),
    },
  });

  it('drops the least recently used version when the next one would pass the bound', () => {
    // Each detail of 100 rows is about 1 KiB of overhead + 2 × ~3.3 K characters ≈ 7.7 KB;
    // 90 % of 20,000 bytes holds two of them, not three.
    const cache = new VersionCache(20_000);
    cache.keepDetail('v1', detail(1, 100));
    cache.keepDetail('v2', detail(2, 100));
    expect(cache.detail('v1')).toBeDefined(); // v1 is now the most recently used
    cache.keepDetail('v3', detail(3, 100));
    expect(cache.detail('v1')).toBeDefined();
    expect(cache.detail('v2')).toBeUndefined();
    expect(cache.detail('v3')).toBeDefined();
  });

  it('keeps nothing larger than its bound', () => {
    const cache = new VersionCache(1_000);
    cache.keepDetail('big', detail(1, 100));
    expect(cache.detail('big')).toBeUndefined();
  });
});
