/**
 * A revision's impact on KPI targets and on the portfolio over real HTTP on both databases:
 * the planning deputy raises one KPI's first-year target in the framework (snapshot 2), then
 * civil works recosts one project (snapshot 3). Snapshot 3's impact
 * (`GET /api/snapshots/{id}/impact`) names the KPI against the baseline, with the difference
 * worked out here, and none against snapshot 2; its portfolio figures are the ones the
 * consolidation (`GET /api/cycles/{id}/consolidation`, the same core selection on the fly)
 * reported at each moment, the difference being after − before.
 */
import request from 'supertest';
import { ApiConsolidation, ApiMonitoring, ApiSnapshot, ApiSnapshotImpact } from '#core';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from './api-harness';
import { bearer, openHarness, submissionOf, TENANT } from './api-harness';
import { FRAMEWORK_DEPARTMENT } from '../../service/src/handlers/seed';

type Tables = { name: string; header: string[]; rows: (string | number | boolean | null)[][] }[];

describe.each(DB_KINDS)('a revision’s impact on KPIs and the portfolio (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  const portfolio = async () => {
    const res = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/consolidation`)
      .set(bearer(h.tokens.reviewer));
    expect(res.status).toBe(200);
    return ApiConsolidation.parse(res.body).portfolio;
  };

  const tokenOf = async (email: string) => {
    const user = await h.test.repos.users.getByEmail(TENANT, email);
    if (user === null) throw new Error(`no user ${email}`);
    const issued = await h.test.repos.tokens.issue(TENANT, { userId: user.id, name: 'test' }, null);
    if (!issued.ok) throw new Error(issued.reason);
    return issued.secret;
  };

  /** Reopens a submission, edits its latest version's tables, pushes and approves it. */
  async function revise(id: string, preparer: string, edit: (tables: Tables) => void) {
    const step = (token: string, action: string) =>
      request(h.app)
        .post(`/api/submissions/${id}/transitions`)
        .set(bearer(token))
        .send({ action, note: 'بازنگری' });
    expect((await step(h.tokens.approver, 'reopen')).status).toBe(200);
    const pulled = await request(h.app)
      .get(`/api/submissions/${id}/versions/latest`)
      .set(bearer(preparer));
    expect(pulled.status).toBe(200);
    const tables = pulled.body.workbook.tables as Tables;
    edit(tables);
    const pushed = await request(h.app)
      .post(`/api/submissions/${id}/versions`)
      .set(bearer(preparer))
      .set('If-Match', `"${pulled.body.version}"`)
      .send({ tables });
    if (pushed.status !== 201) throw new Error(JSON.stringify(pushed.body).slice(0, 1500));
    expect((await step(preparer, 'submit')).status).toBe(200);
    expect((await step(h.tokens.reviewer, 'review')).status).toBe(200);
    expect((await step(h.tokens.approver, 'approve')).status).toBe(200);
  }
  const tableIn = (tables: Tables, name: string) => {
    const t = tables.find((x) => x.name === name);
    if (t === undefined) throw new Error(`no ${name}`);
    return t;
  };
  const col = (t: Tables[number], c: string) => t.header.findIndex((x) => String(x) === c);

  const planned = async (id: string) => {
    const res = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/monitoring?period=1405-H1`)
      .set(bearer(h.tokens.council));
    expect(res.status).toBe(200);
    const body = ApiMonitoring.parse(res.body);
    return {
      snapshot: body.snapshot,
      planned: body.items.find((i) => i.id === id)?.planned,
      all: new Map(body.items.map((i) => [i.id, i.planned])),
    };
  };
  let recostedId = '';
  let plannedAtBaseline: ReadonlyMap<string, string> = new Map();

  it('against the baseline and the previous snapshot: the KPI retargeted, the portfolio’s capital per year', async () => {
    const atBaseline = await portfolio();
    // What monitoring plans for each item before any revision.
    plannedAtBaseline = (await planned('')).all;
    // Snapshot 2: the planning deputy raises the framework's first KPI's 1405 target by 1.5
    // (a KPI target is a plain number, no unit applied).
    let kpiId = '';
    let target = 0;
    await revise(
      await submissionOf(h, FRAMEWORK_DEPARTMENT, 'framework'),
      await tokenOf(`preparer.${FRAMEWORK_DEPARTMENT.toLowerCase()}@${TENANT}.example`),
      (tables) => {
        const kpis = tableIn(tables, 'tblKpis');
        const k = kpis.rows[0]!;
        kpiId = String(k[col(kpis, 'KpiId')]);
        target = Number(k[col(kpis, '1405')]);
        k[col(kpis, '1405')] = target + 1.5;
      },
    );
    const atSecond = await portfolio();
    // Snapshot 3: civil works raises its first project's 1405 cost by a
    // tenth (recosted).
    await revise(await submissionOf(h, 'D-CIV'), h.tokens.preparer, (tables) => {
      const projects = tableIn(tables, 'tblProjects');
      const p = projects.rows[0]!;
      recostedId = String(p[col(projects, 'ProjectId')]);
      const cost = Number(p[col(projects, '1405')] ?? 0);
      const more = Math.max(1, Math.floor(cost / 10));
      p[col(projects, '1405')] = cost + more;
      // Its whole-life cost grows with it (it may not fall below what is planned).
      const total = col(projects, 'TotalCost');
      if (total >= 0 && p[total] !== null) p[total] = Number(p[total]) + more;
    });
    const atThird = await portfolio();

    const list = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/snapshots`)
      .set(bearer(h.tokens.council));
    const snaps = (list.body as unknown[]).map((s) => ApiSnapshot.parse(s));
    expect(snaps.map((s) => [s.number, s.baseline])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    const res = await request(h.app)
      .get(`/api/snapshots/${snaps[2]!.id}/impact`)
      .set(bearer(h.tokens.council));
    expect(res.status).toBe(200);
    const impact = ApiSnapshotImpact.parse(res.body);
    expect([impact.baseline!.from.number, impact.previous!.from.number]).toEqual([1, 2]);

    // Against the baseline the KPI's 1405 target is up 1.5 and no other year moved; against
    // the previous snapshot (which has the new target already) no KPI changed.
    expect(impact.baseline!.kpis).toHaveLength(1);
    const change = impact.baseline!.kpis[0]!;
    expect(change).toMatchObject({ kpiId, kind: 'change', changed: ['targets'] });
    expect(change.years.find((y) => y.year === 1405)).toEqual({
      year: 1405,
      before: target,
      after: target + 1.5,
      delta: 1.5,
    });
    expect(change.years.filter((y) => y.delta !== 0).map((y) => y.year)).toEqual([1405]);
    expect(impact.previous!.kpis).toEqual([]);

    // The project recosted (P-016 in the sample: ongoing and mandatory, so chosen on every
    // side) spends more in 1405 than at the baseline and at snapshot 2.
    for (const against of [impact.baseline!, impact.previous!])
      expect(BigInt(against.portfolio!.years.find((y) => y.year === 1405)!.spent!)).toBeGreaterThan(
        0n,
      );
    // The portfolio on each side is the one the consolidation selected at that moment.
    for (const [against, before] of [
      [impact.baseline!, atBaseline],
      [impact.previous!, atSecond],
    ] as const) {
      const moved = against.portfolio!;
      const was = new Set(before!.chosen);
      const is = new Set(atThird!.chosen);
      expect(moved.entering.map((e) => e.id)).toEqual(
        atThird!.chosen.filter((x) => !was.has(x)).sort(),
      );
      expect(moved.leaving.map((e) => e.id)).toEqual(
        before!.chosen.filter((x) => !is.has(x)).sort(),
      );
      expect(moved.years.map((y) => y.year)).toEqual(before!.spending.map((s) => s.year));
      for (const y of moved.years) {
        const b = before!.spending.find((s) => s.year === y.year)!;
        const a = atThird!.spending.find((s) => s.year === y.year)!;
        expect(y.before).toEqual({ budget: b.budget, spent: b.spent, left: b.left });
        expect(y.after).toEqual({ budget: a.budget, spent: a.spent, left: a.left });
        expect(y.spent).toBe((BigInt(a.spent) - BigInt(b.spent)).toString());
        expect(y.budget).toBe((BigInt(a.budget) - BigInt(b.budget)).toString());
      }
    }
  }, 240_000);

  it('measures monitoring against the latest adopted snapshot, the plan at its versions', async () => {
    // Snapshots 2 and 3 are made, not adopted: the baseline (1) is still the council's plan,
    // so the recosted project's planned 1405 cost is still what monitoring planned before the
    // revision (its approval changed the approved versions, not the adopted plan).
    const before = await planned(recostedId);
    expect(before.snapshot).toMatchObject({ number: 1, status: 'adopted', baseline: true });
    expect(before.planned).toBeDefined();
    expect(before.planned).toBe(plannedAtBaseline.get(recostedId));
    // The council adopts snapshot 3 (resolution 1405-12 of 1405/06/30, 8 for, 2 against, 1
    // abstaining): monitoring is now measured against it, and the planned cost is the new one.
    const third = (
      (await request(h.app).get(`/api/cycles/${h.cycleId}/snapshots`).set(bearer(h.tokens.council)))
        .body as { id: string; number: number }[]
    ).find((x) => x.number === 3)!;
    const act = (token: string, body: Record<string, unknown>) =>
      request(h.app).post(`/api/snapshots/${third.id}/transitions`).set(bearer(token)).send(body);
    expect((await act(h.tokens.approver, { action: 'send-to-council' })).status).toBe(200);
    const adopted = await act(h.tokens.council, {
      action: 'adopt',
      resolution: {
        resolutionNumber: '1405-12',
        resolutionDate: '1405/06/30',
        votesFor: 8,
        votesAgainst: 2,
        votesAbstaining: 1,
      },
    });
    expect(adopted.status).toBe(200);
    const after = await planned(recostedId);
    expect(after.snapshot).toMatchObject({
      number: 3,
      status: 'adopted',
      baseline: false,
      label: { fa: 'نسخه ۳ برنامه دوره ۱۴۰۵–۱۴۰۹', en: 'Version 3 of the 1405–1409 plan' },
      resolutionNumber: '1405-12',
      resolutionDate: '1405/06/30',
    });
    expect(BigInt(after.planned!)).toBeGreaterThan(BigInt(before.planned!));
  }, 120_000);
});
