/**
 * A department's monitoring push, checked against the approved plan of its cycle (issue 14),
 * over real HTTP on both databases. The seeded sample files the city's 1405 H1 monitoring as
 * each department's `monitoring` submission (`splitMonitoring`): the civil-works deputy's
 * holds its own items' actuals and no revenue; realised revenue is the finance deputy's
 * (D-FIN files the cycle's revenue workbook). Each refusal is the core's finding, located; a
 * next period (Q3, cumulative) is a new version that is stored, approved and reported.
 */
import request from 'supertest';
import type { ApiMonitoring as Monitoring, RawCell, RawTable, RawWorkbook } from '#core';
import { ApiMonitoring, PERIODS, parseA1, readPlan, samplePlanWorkbook } from '#core';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from './api-harness';
import { bearer, openHarness, submissionOf } from './api-harness';

interface Finding {
  code: string;
  severity: string;
  table: string;
  row: number | null;
  column: string | null;
  cell: string | null;
  message: { fa: string; en: string };
}

/** H1 as the sample writes it (its Persian caption) or as its value. */
const H1 = new Set(['H1', PERIODS.find((p) => p.value === 'H1')?.fa]);

const sample = readPlan(samplePlanWorkbook()).plan;
/** A project of the traffic deputy: not the civil-works deputy's to report. */
const trafficProject = sample.tables.tblProjects?.rows.find((p) => p.Dept === 'D-TRF')?.ProjectId;

describe.each(DB_KINDS)('a monitoring push against the approved plan (%s)', (kind) => {
  let h: Harness;
  let id: string;
  beforeAll(async () => {
    h = await openHarness(kind, {}, {}, { monitoring: true });
    id = await submissionOf(h, 'D-CIV', 'monitoring');
    const reopened = await request(h.app)
      .post(`/api/submissions/${id}/transitions`)
      .set(bearer(h.tokens.approver))
      .send({ action: 'reopen' });
    expect(reopened.status).toBe(200);
  });
  afterAll(async () => {
    await h.close();
  });

  /** The civil-works deputy's monitoring as approved (column keys), and its version. */
  async function pulled(): Promise<{ version: number; raw: RawWorkbook }> {
    const res = await request(h.app)
      .get(`/api/submissions/${id}/versions/latest?lang=keys`)
      .set(bearer(h.tokens.preparer));
    expect(res.status).toBe(200);
    return { version: res.body.version as number, raw: res.body.workbook as RawWorkbook };
  }
  const push = (version: number, tables: RawTable[]) =>
    request(h.app)
      .post(`/api/submissions/${id}/versions`)
      .set(bearer(h.tokens.preparer))
      .set('If-Match', `"${version}"`)
      .send({ tables });
  const actualsOf = (raw: RawWorkbook) => {
    const t = raw.tables.find((x) => x.name === 'tblActuals');
    if (t === undefined) throw new Error('no tblActuals');
    const at = (key: string) => t.header.indexOf(key);
    // The sheet row of the header (the table's top-left cell), for the rows' sheet rows.
    const top = t.address === undefined ? 1 : (parseA1(t.address)?.row ?? 1);
    return { t, at, top };
  };
  /** A row of `tblActuals` in the pulled header's order. */
  const rowOf = (t: RawTable, values: Record<string, RawCell>): RawCell[] =>
    t.header.map((k) => values[String(k)] ?? null);
  const refused = (res: request.Response, code: string): Finding[] => {
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('WORKBOOK_INVALID');
    return (res.body.details.findings as Finding[]).filter((f) => f.code === code);
  };

  it('holds the civil-works items’ actuals and no revenue (the seed’s split)', async () => {
    const { raw } = await pulled();
    const { t, at } = actualsOf(raw);
    const own = new Set(
      (sample.tables.tblProjects?.rows ?? [])
        .filter((p) => p.Dept === 'D-CIV')
        .map((p) => p.ProjectId)
        .concat(
          (sample.tables.tblActivities?.rows ?? [])
            .filter((a) => a.Dept === 'D-CIV')
            .map((a) => a.ActivityId),
        ),
    );
    expect(t.rows.length).toBeGreaterThan(0);
    for (const r of t.rows) expect(own.has(String(r[at('LinkedId')]))).toBe(true);
    const revenue = raw.tables.find((x) => x.name === 'tblRevenueActuals');
    expect(revenue?.rows ?? []).toEqual([]);
  });

  it('refuses an actual for another department’s project, located at its ID', async () => {
    expect(trafficProject).toBeDefined();
    const { version, raw } = await pulled();
    const { t, top } = actualsOf(raw);
    const extra = rowOf(t, {
      LinkedId: trafficProject ?? '',
      Year: 1405,
      Period: 'Q3',
      Allocated: 1000,
      Committed: 1000,
      Paid: 1000,
      PhysicalProgress: 10,
    });
    const tables = raw.tables.map((x) => (x === t ? { ...t, rows: [...t.rows, extra] } : x));
    const found = refused(await push(version, tables), 'ACTUAL_NOT_IN_PLAN');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', table: 'tblActuals', column: 'LinkedId' });
    // The data row after the pulled ones.
    expect(found[0]?.row).toBe(top + t.rows.length + 1);
    expect(found[0]?.message.en).toContain(trafficProject);
    expect(found[0]?.message.en).toContain('D-CIV');
    expect(found[0]?.message.fa).toMatch(/[\u0600-\u06FF]/);
  });

  it('refuses realised revenue in a department other than finance', async () => {
    const { version, raw } = await pulled();
    const revenue: RawTable = {
      name: 'tblRevenueActuals',
      header: ['RevenueClass', 'Code', 'Year', 'Period', 'Amount'],
      rows: [['service-fees', null, 1405, 'Q3', 1000]],
    };
    const tables = [...raw.tables.filter((x) => x.name !== 'tblRevenueActuals'), revenue];
    const found = refused(await push(version, tables), 'REVENUE_ACTUAL_NOT_FINANCE');
    expect(found).toHaveLength(1);
    expect(found[0]?.message.en).toContain('D-FIN');
  });

  it('refuses a change to the approved H1 (a period is reported once)', async () => {
    const { version, raw } = await pulled();
    const { t, at, top } = actualsOf(raw);
    const i = t.rows.findIndex((r) => H1.has(String(r[at('Period')])));
    expect(i).toBeGreaterThanOrEqual(0);
    const rows = t.rows.map((r, j) =>
      j === i ? r.map((v, k) => (k === at('Paid') ? Number(v) - 1 : v)) : r,
    );
    const tables = raw.tables.map((x) => (x === t ? { ...t, rows } : x));
    const found = refused(await push(version, tables), 'MONITORING_PERIOD_CLOSED');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ table: 'tblActuals', column: 'Period', row: top + i + 1 });
  });

  it('stores the next period as a new version, and the city reports it once approved', async () => {
    const { version, raw } = await pulled();
    const { t, at } = actualsOf(raw);
    // Q3, cumulative: each item's H1 figures plus 10 % of its H1 paid (whole Rials).
    const h1 = t.rows.filter((r) => H1.has(String(r[at('Period')])));
    let added = 0n;
    const q3 = h1.map((r) => {
      const paid = BigInt(String(r[at('Paid')]));
      const more = paid / 10n;
      added += more;
      const values: Record<string, RawCell> = {
        LinkedId: r[at('LinkedId')] ?? null,
        Year: 1405,
        Period: 'Q3',
        Allocated: Number(BigInt(String(r[at('Allocated')])) + more),
        Committed: Number(BigInt(String(r[at('Committed')])) + more),
        Paid: Number(paid + more),
        PhysicalProgress: r[at('PhysicalProgress')] ?? null,
      };
      return rowOf(t, values);
    });
    const tables = raw.tables.map((x) => (x === t ? { ...t, rows: [...t.rows, ...q3] } : x));
    const res = await push(version, tables);
    expect(res.status).toBe(201);
    expect(res.body.version).toBe(version + 1);
    for (const [token, action] of [
      [h.tokens.preparer, 'submit'],
      [h.tokens.reviewer, 'review'],
      [h.tokens.approver, 'approve'],
    ] as const)
      expect(
        (
          await request(h.app)
            .post(`/api/submissions/${id}/transitions`)
            .set(bearer(token))
            .send({ action })
        ).status,
      ).toBe(200);
    // D-CIV's department paid what it paid at H1 plus the Q3 increments; no other department
    // reported Q3, so their paid at Q3 is their H1 paid (cumulative within the year).
    const report = async (period: string) =>
      ApiMonitoring.parse(
        (
          await request(h.app)
            .get(`/api/cycles/${h.cycleId}/monitoring?period=${period}`)
            .set(bearer(h.tokens.council))
        ).body,
      );
    const [atH1, atQ3] = [await report('1405-H1'), await report('1405-Q3')];
    const civ = (m: Monitoring) => m.departments.find((d) => d.key === 'D-CIV');
    expect(BigInt(civ(atQ3)?.paid ?? '0') - BigInt(civ(atH1)?.paid ?? '0')).toBe(added);
    expect(added).toBeGreaterThan(0n);
  });
});
