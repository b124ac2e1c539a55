/**
 * One workbook, one capital budget: the pane's Priorities view, `plan portfolio` and the
 * register's consolidation set the same budget in every plan year and choose the same
 * projects, on the sample plan and on a plan whose budget binds. The binding plan is the sample
 * balanced against its pessimistic scenario (`Scenario` in tblPlanInfo): that revenue leaves
 * less for capital projects than they cost from 1406 on, so some are left out.
 *
 * Each side is run the way its user runs it: the pane's module functions on the plan the pane
 * reads, the real `plan` command with `--json` on an `.xlsx` file, and the consolidation over
 * HTTP after the planning deputy pushes the framework and the approver approves it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Plan, PortfolioInput, PortfolioResult, RawWorkbook } from '#core';
import {
  forecastRevenueScenarios,
  readPlan,
  rowsOf,
  samplePlanWorkbook,
  spendingByYear,
} from '#core';
import { splitSamplePlan } from '../../service/src/handlers/seed';
import { writeRawWorkbook } from '../../io';
import { plan as runPlan, scratch } from '../cli/helpers';
import type { Harness } from './api-harness';
import { bearer, openHarness, submissionOf, TENANT } from './api-harness';

// Loaded untyped, as tests/addin/taskpane-logic.test.ts loads it: its on-demand import() of
// the solver has no file extension, which the Node projects' resolution refuses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pane = require('../../addin/src/taskpane/priorities') as {
  prioritiesView(
    plan: Plan,
    mode: 'ahp' | 'table',
  ): { budget: Map<number, bigint>; portfolio: { input: PortfolioInput } };
  optimalPortfolio(view: unknown, wasmUrl?: string): Promise<PortfolioResult>;
};

/** What each side says: the budget per year (whole Rials, as text) and the chosen projects. */
interface Answer {
  budget: Record<string, string>;
  chosen: string[];
}

/** The sample plan with a `Scenario` row in its plan information. */
function withScenario(workbook: RawWorkbook, scenario: string): RawWorkbook {
  return {
    tables: workbook.tables.map((t) =>
      t.name === 'tblPlanInfo' ? { ...t, rows: [...t.rows, ['Scenario', scenario]] } : t,
    ),
  };
}

async function paneAnswer(workbook: RawWorkbook): Promise<Answer> {
  // The pane reads the workbook with the core and shows the view of its default weights (AHP).
  const view = pane.prioritiesView(readPlan(workbook).plan, 'ahp');
  const result = await pane.optimalPortfolio(view);
  expect(result.status).toBe('optimal');
  return {
    budget: Object.fromEntries([...view.budget].map(([y, b]) => [String(y), b.toString()])),
    chosen: [...result.chosen].sort(),
  };
}

interface PortfolioJson {
  status: string;
  scenario: string | null;
  chosen: string[];
  spending: { year: number; budget: string }[];
}

function answerOf(json: PortfolioJson): Answer {
  expect(json.status).toBe('optimal');
  return {
    budget: Object.fromEntries(json.spending.map((s) => [String(s.year), String(s.budget)])),
    chosen: [...json.chosen].sort(),
  };
}

/**
 * The contract's figures by hand: the scenario's revenue − activities − opex of every
 * non-dropped project finished before the year − the financial head (v2: loan principal due,
 * the `financial` lines of the current budget, summed here from the rows).
 */
function budgetByDefinition(workbook: RawWorkbook, scenario: string): Record<string, string> {
  const { plan } = readPlan(workbook);
  const forecast = forecastRevenueScenarios(plan, { scenario });
  if (!forecast.ok) throw new Error(forecast.message.en);
  const revenue = forecast.scenarios[0]?.totals;
  if (!revenue) throw new Error(`no scenario ${scenario}`);
  return Object.fromEntries(
    [...spendingByYear(plan).values()].map((s) => [
      String(s.year),
      (
        (revenue.get(s.year) ?? 0n) -
        s.activities -
        s.opex -
        rowsOf(plan, 'tblBudgetLines')
          .filter(
            (b) =>
              b.Kind === 'financial' &&
              b.Year === s.year &&
              ['approved', 'amended', 'supplement'].includes(b.Stage ?? 'approved'),
          )
          .reduce((t, b) => t + b.Amount, 0n)
      ).toString(),
    ]),
  );
}

describe('the capital budget of one workbook, in the pane, the CLI and the register', () => {
  const dir = scratch();
  let h: Harness;
  const sample = samplePlanWorkbook();
  const binding = withScenario(sample, 'pessimistic');

  beforeAll(async () => {
    h = await openHarness('pglite');
  });
  afterAll(async () => {
    await h.close();
  });

  async function cliAnswer(file: string, ...args: string[]): Promise<PortfolioJson> {
    const run = await runPlan(dir.dir(), 'portfolio', file, '--json', ...args);
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as PortfolioJson;
  }

  async function registerAnswer(): Promise<PortfolioJson> {
    const res = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/consolidation`)
      .set(bearer(h.tokens.council));
    expect(res.status).toBe(200);
    return res.body.portfolio as PortfolioJson;
  }

  it('agrees on the sample plan (base scenario, budget not binding)', async () => {
    const cli = await runPlan(dir.dir(), 'sample', '--out', 'sample.xlsx');
    expect(cli.code).toBe(0);
    const fromCli = await cliAnswer('sample.xlsx');
    const fromRegister = await registerAnswer();
    expect(fromCli.scenario).toBe('base');
    expect(fromRegister.scenario).toBe('base');

    const expected = await paneAnswer(sample);
    expect(expected.budget).toEqual(budgetByDefinition(sample, 'base'));
    expect(answerOf(fromCli)).toEqual(expected);
    expect(answerOf(fromRegister)).toEqual(expected);
  });

  it('agrees on a plan whose budget binds (the plan names its pessimistic scenario)', async () => {
    writeFileSync(join(dir.dir(), 'binding.xlsx'), await writeRawWorkbook(binding, { lang: 'fa' }));
    const fromCli = await cliAnswer('binding.xlsx');
    expect(fromCli.scenario).toBe('pessimistic');

    // The planning deputy pushes the framework that names the scenario; the approver approves.
    const id = await submissionOf(h, 'D-PLN', 'framework');
    const user = await h.test.repos.users.getByEmail(TENANT, `preparer.d-pln@${TENANT}.example`);
    if (user === null) throw new Error('no planning preparer');
    const issued = await h.test.repos.tokens.issue(TENANT, { userId: user.id, name: 't' }, null);
    if (!issued.ok) throw new Error(issued.reason);
    const act = (token: string, action: string) =>
      request(h.app)
        .post(`/api/submissions/${id}/transitions`)
        .set(bearer(token))
        .send({ action, note: 'pessimistic scenario' });
    expect((await act(h.tokens.approver, 'reopen')).status).toBe(200);
    const pushed = await request(h.app)
      .post(`/api/submissions/${id}/versions`)
      .set(bearer(issued.secret))
      .set('If-Match', '"1"')
      .send(splitSamplePlan(binding).framework);
    expect(pushed.status).toBe(201);
    expect((await act(issued.secret, 'submit')).status).toBe(200);
    expect((await act(h.tokens.reviewer, 'review')).status).toBe(200);
    expect((await act(h.tokens.approver, 'approve')).status).toBe(200);
    const fromRegister = await registerAnswer();
    expect(fromRegister.scenario).toBe('pessimistic');

    const expected = await paneAnswer(binding);
    expect(expected.budget).toEqual(budgetByDefinition(binding, 'pessimistic'));
    expect(answerOf(fromCli)).toEqual(expected);
    expect(answerOf(fromRegister)).toEqual(expected);

    // The budget binds: candidates are left out, and the pessimistic budget is below the base one.
    const { plan } = readPlan(binding);
    const candidates = (plan.tables.tblProjects?.rows ?? []).filter(
      (r) => r.Status !== 'done' && r.Status !== 'dropped',
    );
    expect(expected.chosen.length).toBeLessThan(candidates.length);
    const base = budgetByDefinition(sample, 'base');
    for (const y of plan.years.slice(1))
      expect(BigInt(expected.budget[y] ?? 0) < BigInt(base[y] ?? 0)).toBe(true);

    // `plan fiscal` balances the same scenario: its gap is the budget less the projects' cost.
    const fiscal = await runPlan(dir.dir(), 'fiscal', 'binding.xlsx', '--json');
    expect(fiscal.code).toBe(0);
    const balance = JSON.parse(fiscal.stdout) as {
      scenario: string;
      years: { year: number; projects: string; gap: string }[];
    };
    expect(balance.scenario).toBe('pessimistic');
    for (const y of balance.years)
      expect(BigInt(y.gap)).toBe(BigInt(expected.budget[y.year] ?? 0) - BigInt(y.projects));

    // An explicit --scenario overrides the workbook's; one the workbook lacks stops the command.
    const missing = await runPlan(dir.dir(), 'portfolio', 'binding.xlsx', '--scenario', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope');
    const asked = await cliAnswer('binding.xlsx', '--scenario', 'base');
    expect(asked.scenario).toBe('base');
    expect(answerOf(asked).budget).toEqual(base);
  });
});
