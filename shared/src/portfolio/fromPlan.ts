/**
 * The portfolio problem of a plan: capital projects of `tblProjects` with
 * their yearly costs, `Mandatory` flag, `DependsOn` list and priority score,
 * against a capital budget per year given by the caller (e.g. the capital
 * share of forecast revenue).
 */
import type { Bilingual, Finding } from '../findings';
import { a1, makeFinding } from '../findings';
import type { Rials } from '../money';
import type { Plan, Row, Table } from '../read/plan';
import { rowsOf } from '../read/plan';
import type { ScoreProjectsOptions, ScoreProjectsResult } from '../priority/projects';
import { scoreProjects } from '../priority/projects';
import { idKey } from '../util/ids';
import type { DepartmentCapacity, PortfolioInput, PortfolioProject } from './types';

/** How projects already under way are treated. */
export type OngoingPolicy =
  /** Forced in: stopping a project halfway wastes what was spent (default). */
  | 'mandatory'
  /** Compete like any proposed project. */
  | 'candidate';

/** Options of {@link portfolioFromPlan}. */
export interface PortfolioFromPlanOptions {
  /** How scores are computed (weights from the table or AHP, missing scores). */
  readonly scoring?: ScoreProjectsOptions;
  /** Default `mandatory`. */
  readonly ongoing?: OngoingPolicy;
}

/** Why a project of the plan is not a candidate. */
export type ExclusionReason =
  | 'done'
  | 'dropped'
  | 'duplicate'
  /** A prerequisite is dropped, unknown or itself excluded, so it can never be started. */
  | 'prerequisite-unavailable';

/**
 * Why a project is out of the chosen portfolio, as a report or document says it: each
 * exclusion reason, and `not-chosen` for a candidate the selection left out (the capital
 * budget did not reach it, or a project it depends on was left out).
 */
export const PORTFOLIO_OUT_CAPTIONS: Readonly<Record<ExclusionReason | 'not-chosen', Bilingual>> = {
  done: { fa: 'خاتمه یافته', en: 'Done' },
  dropped: { fa: 'متوقف شده', en: 'Dropped' },
  duplicate: { fa: 'شناسه تکراری', en: 'Duplicate ID' },
  'prerequisite-unavailable': {
    fa: 'پیش‌نیاز آن در دسترس نیست',
    en: 'A prerequisite is unavailable',
  },
  'not-chosen': {
    fa: 'در سقف بودجه سرمایه‌ای نگنجید',
    en: 'Not within the capital budget',
  },
};

/**
 * The columns the optimal portfolio writes back beside `tblProjects` (the pane, the register):
 * `Selected` (in the chosen plan) and `PlannedStart` (the start year the plan gives it, the
 * scheduling model's `schedule[].start`; the workbook's own `StartYear` is never overwritten).
 */
export const PORTFOLIO_WRITEBACK_COLUMNS = {
  Selected: { fa: 'انتخاب‌شده در سبد', en: 'Selected' },
  PlannedStart: { fa: 'سال شروع در سبد', en: 'Planned start' },
} as const satisfies Readonly<Record<string, Bilingual>>;

/** A project left out of the problem, and why. */
export interface ExcludedProject {
  readonly id: string;
  readonly reason: ExclusionReason;
  readonly message: Bilingual;
}

/** The problem built from a plan. */
export interface PlanPortfolio {
  /** Ready for `selectPortfolio`. */
  readonly input: PortfolioInput;
  /** The priority scores used (ranked), with their findings. */
  readonly scoring: ScoreProjectsResult;
  readonly excluded: ExcludedProject[];
  /** Findings of building the problem (the scoring findings are in `scoring.findings`). */
  readonly findings: Finding[];
}

/**
 * Builds the portfolio problem of a plan.
 *
 * - `done` and `dropped` projects are left out; a prerequisite that is `done`
 *   counts as met.
 * - `ongoing` projects are mandatory unless `ongoing: 'candidate'`.
 * - A project whose prerequisite is dropped, unknown or left out cannot be
 *   chosen and is left out too (transitively); a mandatory one stays, and
 *   the broken prerequisite is reported as an error.
 * - Costs are `row.costs` restricted to the budget years; a cost in another
 *   year is reported (warning) and not constrained.
 * - An unscored project (see `scoreProjects`) counts 0: it is chosen only when
 *   mandatory or needed as a prerequisite (warning `PORTFOLIO_UNSCORED`).
 */
export function portfolioFromPlan(
  plan: Plan,
  budgetByYear: ReadonlyMap<number, Rials>,
  options: PortfolioFromPlanOptions = {},
): PlanPortfolio {
  const ongoing = options.ongoing ?? 'mandatory';
  const scoring = scoreProjects(plan, options.scoring);
  const scoreById = new Map(scoring.projects.map((p) => [p.id, p.score]));
  const table = (plan.tables.tblProjects ?? plan.reference.tblProjects) as
    Table<'tblProjects'> | undefined;
  const findings: Finding[] = [];
  const where = (r: Row<'tblProjects'>, column: string) => {
    const c = table?.columns.get(column);
    return {
      table: 'tblProjects',
      sheet: table?.sheet ?? null,
      row: r.row,
      column,
      cell: c === undefined ? null : a1(r.row, c),
    };
  };

  const excluded: ExcludedProject[] = [];
  const byId = new Map<string, Row<'tblProjects'>>();
  for (const r of rowsOf(plan, 'tblProjects')) {
    if (r.ProjectId === '') continue;
    if (byId.has(r.ProjectId)) {
      excluded.push({
        id: r.ProjectId,
        reason: 'duplicate',
        message: {
          fa: `شناسه «${r.ProjectId}» تکراری است؛ فقط سطر نخست در نظر گرفته شد`,
          en: `project ID "${r.ProjectId}" appears twice; only the first row is used`,
        },
      });
      continue;
    }
    byId.set(r.ProjectId, r);
  }
  const status = (id: string) => byId.get(id)?.Status ?? null;
  const isMandatory = (r: Row<'tblProjects'>) =>
    r.Mandatory || (ongoing === 'mandatory' && r.Status === 'ongoing');

  const candidates = new Map<string, Row<'tblProjects'>>();
  for (const [id, r] of byId) {
    if (r.Status === 'done' || r.Status === 'dropped')
      excluded.push({
        id,
        reason: r.Status,
        message:
          r.Status === 'done'
            ? { fa: `پروژه «${id}» خاتمه یافته است`, en: `project "${id}" is done` }
            : { fa: `پروژه «${id}» متوقف شده است`, en: `project "${id}" is dropped` },
      });
    else candidates.set(id, r);
  }

  // Prerequisites still to be met: done ones are met; keep the rest.
  const deps = new Map<string, string[]>();
  for (const [id, r] of candidates)
    deps.set(
      id,
      r.DependsOn.filter((d) => d !== id && status(d) !== 'done'),
    );
  // Leave out, to a fixed point, projects with a prerequisite that is not a candidate.
  let changed = true;
  while (changed) {
    changed = false;
    for (const [id, r] of candidates) {
      const broken = (deps.get(id) ?? []).filter((d) => !candidates.has(d));
      if (broken.length === 0) continue;
      const list = broken.join('، ');
      if (isMandatory(r)) {
        findings.push(
          makeFinding('error', 'PORTFOLIO_PREREQUISITE_UNAVAILABLE', where(r, 'DependsOn'), {
            fa: `پروژه الزامی «${id}» به «${list}» وابسته است که متوقف، ناموجود یا کنار گذاشته است؛ این وابستگی نادیده گرفته شد`,
            en: `mandatory project "${id}" depends on ${broken.join(', ')}, which is dropped, unknown or left out; that dependency was ignored`,
          }),
        );
        deps.set(
          id,
          (deps.get(id) ?? []).filter((d) => candidates.has(d)),
        );
      } else {
        candidates.delete(id);
        excluded.push({
          id,
          reason: 'prerequisite-unavailable',
          message: {
            fa: `پیش‌نیاز «${list}» پروژه «${id}» متوقف، ناموجود یا کنار گذاشته است؛ این پروژه انتخاب‌شدنی نیست`,
            en: `project "${id}" cannot be chosen: its prerequisite ${broken.join(', ')} is dropped, unknown or left out`,
          },
        });
        findings.push(
          makeFinding('warning', 'PORTFOLIO_PREREQUISITE_UNAVAILABLE', where(r, 'DependsOn'), {
            fa: `پروژه «${id}» کنار گذاشته شد: پیش‌نیاز «${list}» آن در دسترس نیست`,
            en: `project "${id}" was left out: its prerequisite ${broken.join(', ')} is not available`,
          }),
        );
      }
      changed = true;
    }
  }

  const projects: PortfolioProject[] = [];
  for (const [id, r] of candidates) {
    const costs = new Map<number, Rials>();
    for (const [year, c] of r.costs) {
      if (budgetByYear.has(year)) costs.set(year, c);
      else if (c !== 0n)
        findings.push(
          makeFinding('warning', 'PORTFOLIO_YEAR_NO_BUDGET', where(r, String(year)), {
            fa: `بودجه سال ${year} داده نشده؛ هزینه پروژه «${id}» در آن سال محدود نشد`,
            en: `no budget is given for ${year}; the cost of project "${id}" in that year is not constrained`,
          }),
        );
    }
    const score = scoreById.get(id) ?? null;
    if (score === null)
      findings.push(
        makeFinding('warning', 'PORTFOLIO_UNSCORED', where(r, 'ProjectId'), {
          fa: `پروژه «${id}» امتیاز اولویت ندارد و با امتیاز صفر در نظر گرفته شد`,
          en: `project "${id}" has no priority score and counts 0`,
        }),
      );
    projects.push({
      id,
      score: score ?? 0,
      costs,
      mandatory: isMandatory(r),
      dependsOn: deps.get(id) ?? [],
      startYear: r.StartYear,
      endYear: r.EndYear,
      earliestStart: r.EarliestStart,
      latestStart: r.LatestStart,
      dept: idKey(r.Dept),
      readiness: r.Readiness,
      fixedStart: r.Status === 'ongoing',
      totalCost: r.TotalCost,
    });
  }
  // The departments' capacities (contract v2), matched by ID as the reader matches IDs; an
  // empty MaxCapital reads as 0 and means no limit, as in validation's CAPACITY_EXCEEDED.
  const departments = new Map<string, DepartmentCapacity>();
  for (const d of rowsOf(plan, 'tblDepartments')) {
    if (d.DeptId === '' || (d.MaxProjects === null && d.MaxCapital === 0n)) continue;
    departments.set(idKey(d.DeptId), {
      maxProjects: d.MaxProjects,
      maxCapital: d.MaxCapital === 0n ? null : d.MaxCapital,
    });
  }
  const input: PortfolioInput = {
    budget: budgetByYear,
    projects,
    ...(plan.info.CostEscalation !== null ? { costEscalation: plan.info.CostEscalation } : {}),
    ...(departments.size > 0 ? { departments } : {}),
  };
  return { input, scoring, excluded, findings };
}
