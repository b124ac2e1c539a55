/**
 * The council's city plan from the register, over HTTP on both databases.
 *
 * Issue 10, bug 1: a department that keeps its workbook in Million Rials. The civil-works
 * deputy rewrites its approved plan in `Million Rials` (every amount divided by 10^6, written
 * exactly as a decimal), pushes it over HTTP and has it approved. Nothing about the plan
 * changed, so the push reply and every figure of the city plan (totals, the split by
 * department, the fiscal balance, the portfolio, the council's `.xlsx`) must be what they
 * were with the plan in Rials; before the fix the consolidation added the Million-Rial
 * cells as Rials and the civil-works figures fell by a factor of 10^6.
 *
 * Issue 10, bug 4: the export's project and activity sheets keep the contract's column
 * order (they put the year columns 1405–1409 before ID and title: JavaScript objects list
 * integer-like keys first, and the export rebuilt its columns from objects).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import request from 'supertest';
import type { RawWorkbook } from '#core';
import { SAMPLE_CRITERIA, findTableSpec, getTableSpec, headerOf } from '#core';
import pino from 'pino';
import { createApp } from '../../service/src/app';
import { testConfig } from '../../service/src/config';
import { createRepositories } from '../../service/src/repositories';
import { readXlsx } from '../../io';
import { DB_KINDS } from '../helpers/db';
import {
  amountInUnit,
  PLAN_YEARS,
  projectColumn,
  UNIT_NAMES,
  writtenInUnit,
} from '../helpers/workbook';
import { editable, push } from '../reliability/helpers';
import type { Harness } from './api-harness';
import { bearer, binary, openHarness, TENANT } from './api-harness';

/** The figures of a consolidation that must not depend on the unit a workbook was written in. */
function figures(body: {
  totals: unknown;
  fiscal: unknown;
  portfolio: unknown;
}): Pick<typeof body, 'totals' | 'fiscal' | 'portfolio'> {
  return { totals: body.totals, fiscal: body.fiscal, portfolio: body.portfolio };
}

/** The header cells of each Excel table of a file, read with exceljs, by table name. */
async function tableHeaders(bytes: Uint8Array): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const out = new Map<string, string[]>();
  for (const ws of wb.worksheets)
    for (const entry of ws.getTables() as unknown as {
      table: { name: string; tableRef: string };
    }[]) {
      const [from, to] = entry.table.tableRef.split(':');
      const first = ws.getCell(from ?? 'A1');
      const last = ws.getCell(to ?? 'A1');
      const header: string[] = [];
      for (let c = Number(first.col); c <= Number(last.col); c++)
        header.push(String(ws.getCell(Number(first.row), c).value ?? ''));
      out.set(entry.table.name, header);
    }
  return out;
}

const consolidationOf = (h: Harness) =>
  request(h.app).get(`/api/cycles/${h.cycleId}/consolidation`).set(bearer(h.tokens.council));

/** Submit, review and approve a submission's current version, each by its own person. */
async function approve(h: Harness, id: string): Promise<void> {
  for (const [token, action] of [
    [h.tokens.preparer, 'submit'],
    [h.tokens.reviewer, 'review'],
    [h.tokens.approver, 'approve'],
  ] as const) {
    const step = await request(h.app)
      .post(`/api/submissions/${id}/transitions`)
      .set(bearer(token))
      .send({ action });
    expect(step.status).toBe(200);
  }
}

const exportOf = (h: Harness) =>
  request(h.app)
    .get(`/api/cycles/${h.cycleId}/consolidation?format=xlsx`)
    .set(bearer(h.tokens.council))
    .buffer(true)
    .parse(binary);

describe.each(DB_KINDS)('the city plan of the sample cycle (%s)', (kind) => {
  let h: Harness;
  /** The seeded city's figures, every plan in Rials. */
  let rialFigures: ReturnType<typeof figures>;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  it('exports project and activity sheets in the contract column order', async () => {
    const exported = await exportOf(h);
    expect(exported.status).toBe(200);
    const headers = await tableHeaders(new Uint8Array(exported.body as Buffer));
    const projects = headers.get('tblProjects') ?? [];
    // The contract's tblProjects (plan-workbook.md): ID, program, title first; the per-year
    // costs after the end year; one score column per criterion last.
    expect(projects.slice(0, 3)).toEqual(['شناسه پروژه', 'شناسه برنامه', 'عنوان']);
    expect(projects.indexOf('1405')).toBe(projects.indexOf('سال پایان') + 1);
    const criteria = SAMPLE_CRITERIA.map(([id]) => id);
    // The sample gives no start window and no location: those v2 columns, which no row
    // fills, are left out of the printed plan; every other column keeps its place.
    const unfilled = new Set(
      getTableSpec('tblProjects')
        .columns.filter((c) => ['EarliestStart', 'LatestStart', 'Location'].includes(c.key))
        .map((c) => c.fa),
    );
    expect(projects).toEqual(
      headerOf(getTableSpec('tblProjects'), 'fa', [...PLAN_YEARS.map(Number)], criteria).filter(
        (h) => !unfilled.has(String(h)),
      ),
    );
    const activities = headers.get('tblActivities') ?? [];
    expect(activities.slice(0, 3)).toEqual(['شناسه فعالیت', 'شناسه برنامه', 'عنوان']);
    expect(activities).toEqual(
      headerOf(getTableSpec('tblActivities'), 'fa', PLAN_YEARS.map(Number)),
    );
    const kpis = headers.get('tblKpis') ?? [];
    expect(kpis).toEqual(headerOf(getTableSpec('tblKpis'), 'fa', PLAN_YEARS.map(Number)));
  });

  it('consolidates a plan written in Million Rials to the same city figures as in Rials', async () => {
    const before = await consolidationOf(h);
    expect(before.status).toBe(200);
    rialFigures = figures(before.body);
    // The seeded civil-works plan is in the city totals, so a 10^6 error cannot hide.
    expect(BigInt(before.body.totals.byDepartment['D-CIV']['1405'])).toBeGreaterThan(10n ** 9n);

    const plan = await editable(h, 'D-CIV');
    const versions = await request(h.app)
      .get(`/api/submissions/${plan.id}/versions`)
      .set(bearer(h.tokens.admin));
    const rialTotals = (versions.body as { totals: unknown }[]).at(-1)?.totals;
    const inMillions: RawWorkbook = writtenInUnit(plan.workbook, 'Million Rials');
    // The rewrite really changed the cells: the first project's 1405 cost is now in millions.
    const projects = inMillions.tables.find((t) => t.name === 'tblProjects');
    const rialProjects = plan.workbook.tables.find((t) => t.name === 'tblProjects');
    const rialCost = rialProjects?.rows[0]?.[rialProjects.header.indexOf('1405')];
    expect(BigInt(String(rialCost))).toBeGreaterThan(10n ** 6n);
    expect(projects?.rows[0]?.[projects.header.indexOf('1405')]).toBe(
      amountInUnit(BigInt(String(rialCost)), 'Million Rials'),
    );

    const pushed = await push(h, plan.id, h.tokens.preparer, inMillions, plan.version);
    expect(pushed.status).toBe(201);
    // The push reply was already right before the fix: the core reads the workbook's own Unit.
    expect(pushed.body.totals).toEqual(rialTotals);
    await approve(h, plan.id);

    const after = await consolidationOf(h);
    expect(after.status).toBe(200);
    expect(after.body.sources).toEqual(
      expect.arrayContaining([expect.objectContaining({ departmentCode: 'D-CIV', version: 2 })]),
    );
    expect(figures(after.body)).toEqual(figures(before.body));

    // The council's export: the totals sheet and the civil-works projects' costs in Rials.
    const exported = await exportOf(h);
    expect(exported.status).toBe(200);
    const file = await readXlsx(new Uint8Array(exported.body as Buffer));
    if (!file.ok) throw new Error(file.error.message.en);
    // The summary in billion Rials (the document's unit), beside the department's name: each
    // year the JSON's exact Rials divided by 10^9, and the period's sum.
    const byDept = file.workbook.tables.find((t) => t.name === 'tblCityByDept');
    const civ = byDept?.rows.find((r) => r[0] === 'D-CIV');
    const rials: string[] = PLAN_YEARS.map((y) => before.body.totals.byDepartment['D-CIV'][y]);
    const billions = rials.map((r) => Number(r) / 1e9);
    expect(civ?.[1]).toBe('معاونت فنی و عمرانی');
    for (const [i, b] of billions.entries()) expect(civ?.[2 + i]).toBeCloseTo(b, 6);
    expect(civ?.[2 + billions.length]).toBeCloseTo(
      billions.reduce((a, b) => a + b, 0),
      6,
    );
    const sheet = file.workbook.tables.find((t) => t.name === 'tblProjects');
    if (sheet === undefined || rialProjects === undefined) throw new Error('no tblProjects');
    const id = rialProjects.rows[0]?.[rialProjects.header.indexOf('ProjectId')];
    const row = sheet.rows.find((r) => r[projectColumn(sheet, 'ProjectId')] === id);
    expect(String(row?.[sheet.header.indexOf('1405')])).toBe(String(rialCost));
  });

  it('consolidates versions stored before plan rows existed from their own cells and Unit', async () => {
    // A register upgraded from before plan rows: the migration leaves every stored version
    // without them (plan_form NULL), the civil-works one with its Million-Rial cells.
    const db = h.test.db.prisma;
    await db.$executeRawUnsafe(`DELETE FROM version_plan_row WHERE tenant_id = $1`, TENANT);
    const stripped = await db.$executeRawUnsafe(
      `UPDATE submission_version SET plan_form = NULL, plan_sha256 = NULL WHERE tenant_id = $1`,
      TENANT,
    );
    expect(stripped).toBeGreaterThan(2);
    // A register process started afresh (no version cached from before the change).
    const repos = createRepositories(db, { versionCacheBytes: 0, reader: h.test.db.reader });
    const app = createApp({
      repos,
      config: testConfig(),
      databaseKind: kind,
      logger: pino({ level: 'silent' }),
    });
    const res = await request(app)
      .get(`/api/cycles/${h.cycleId}/consolidation`)
      .set(bearer(h.tokens.council));
    expect(res.status).toBe(200);
    expect(figures(res.body)).toEqual(rialFigures);
  });
});

/**
 * The workbook (headers are column keys, amounts in Rials) with its amounts replaced: every
 * amount that is not zero takes the next of `amounts`, in turn, so the plan's shape (which
 * years a project spends in) stays and its money is new.
 */
function withAmounts(raw: RawWorkbook, amounts: readonly bigint[]): RawWorkbook {
  let next = 0;
  return {
    tables: raw.tables.map((t) => {
      const spec = findTableSpec(t.name);
      if (spec === undefined || t.name === 'tblPlanInfo') return t;
      const money = t.header.map(
        (h) =>
          (spec.yearColumns === 'money' && /^\d{4}$/.test(String(h))) ||
          spec.columns.some((c) => c.key === String(h) && c.type === 'money'),
      );
      // A project's whole-life cost must cover its other costs (TOTAL_COST_BELOW): with new
      // amounts it is left empty (not given) rather than made up.
      const total = t.header.findIndex((h) => String(h) === 'TotalCost');
      return {
        ...t,
        rows: t.rows.map((r) =>
          r.map((cell, i) =>
            i === total
              ? null
              : money[i] && cell !== null && String(cell) !== '0'
                ? (amounts[next++ % amounts.length] ?? 0n).toString()
                : cell,
          ),
        ),
      };
    }),
  };
}

describe('one department plan in Rial, Thousand Rials and Million Rials (pglite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('pglite');
  });
  afterAll(async () => {
    await h.close();
  });

  it('gives an identical consolidation: totals, by department, fiscal, portfolio (property)', async () => {
    const start = await editable(h, 'D-CIV');
    let version = start.version;
    let open = true;
    // Amounts up to 10^13 Rials each (a large project's year), so the city's budget can bind.
    const amounts = fc.array(fc.bigInt({ min: 1n, max: 10n ** 13n }), {
      minLength: 1,
      maxLength: 12,
    });
    const spelling = fc.record({ persianDigits: fc.boolean(), persianUnit: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(amounts, spelling, async (list, s) => {
        const plan = withAmounts(start.workbook, list);
        const seen: ReturnType<typeof figures>[] = [];
        for (const unit of UNIT_NAMES) {
          if (!open) {
            const reopened = await request(h.app)
              .post(`/api/submissions/${start.id}/transitions`)
              .set(bearer(h.tokens.approver))
              .send({ action: 'reopen' });
            expect(reopened.status).toBe(200);
          }
          const pushed = await push(
            h,
            start.id,
            h.tokens.preparer,
            writtenInUnit(plan, unit, s),
            version,
          );
          expect(pushed.status).toBe(201);
          version = pushed.body.version as number;
          await approve(h, start.id);
          open = false;
          const res = await consolidationOf(h);
          expect(res.status).toBe(200);
          // The consolidated plan holds the amounts in Rials, as generated.
          const projects = (res.body.workbook as RawWorkbook).tables.find(
            (t) => t.name === 'tblProjects',
          );
          const costs = projects?.rows.map((r) => r[projects.header.indexOf('1405')]);
          const mine = withAmounts(start.workbook, list).tables.find(
            (t) => t.name === 'tblProjects',
          );
          const mineCost = mine?.rows[0]?.[mine.header.indexOf('1405')];
          if (mineCost !== null && mineCost !== undefined)
            expect(costs).toContain(String(mineCost));
          seen.push(figures(res.body));
        }
        expect(seen[1]).toEqual(seen[0]);
        expect(seen[2]).toEqual(seen[0]);
      }),
      { numRuns: 5 },
    );
  }, 600_000);
});
