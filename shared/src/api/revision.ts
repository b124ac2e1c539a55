/**
 * A revision's impact (issue 14, "Revision"): what a later snapshot of a cycle's city plan
 * changes against an earlier one (the baseline, or the previous snapshot), read from the rows
 * themselves, not only from what `tblChanges` claims. Per project and activity: added,
 * dropped, rescoped (title, program or scheme changed), rescheduled (start or end year, or
 * cost moved between years with the same total), recosted (total over the plan years
 * changed). A change with no `tblChanges` row naming the item with that kind is a warning.
 * The effect on the fiscal gap and the three balances per scenario and year is the later
 * figure minus the earlier (exact Rials as strings). On KPI targets: per KPI, added, dropped or
 * changed (a target, its baseline value or its direction), each year's target on both sides
 * and the difference. On the portfolio (the one the core selects within the capital budget,
 * `measureCityPlan`'s): the projects entering and leaving it, each with why it is out on the
 * other side, and per year the capital budget, what the chosen projects spend of it and what
 * is left, on both sides and the difference. Pure: the register gives both sides.
 */
import { z } from 'zod';
import { CHANGE_KINDS } from '../contract/enums';
import type { CanonicalCell, CanonicalRow, CanonicalTable } from '../read/canonical';
import type { ExclusionReason } from '../portfolio/fromPlan';
import { PORTFOLIO_OUT_CAPTIONS } from '../portfolio/fromPlan';
import type { ApiFiscalScenario } from './schemas';
import { ApiBilingual, ApiMoney } from './schemas';

const CHANGE_VALUES = CHANGE_KINDS.map((k) => k.value) as [string, ...string[]];

/** One item's change. */
export const ApiItemChange = z.object({
  table: z.enum(['tblProjects', 'tblActivities']),
  id: z.string(),
  kinds: z.array(z.enum(CHANGE_VALUES)),
  before: ApiMoney.nullable().meta({ description: 'Σ of its plan-year costs before.' }),
  after: ApiMoney.nullable(),
  /** Kinds the revision's tblChanges does not name for the item. */
  undeclared: z.array(z.enum(CHANGE_VALUES)),
});
export type ApiItemChange = z.infer<typeof ApiItemChange>;

/** How a KPI changed: added, dropped, or a target, its baseline or its direction changed. */
export const KPI_CHANGE_KINDS = ['add', 'drop', 'change'] as const;

/** One KPI's targets on both sides. */
export const ApiKpiTargetChange = z.object({
  kpiId: z.string(),
  title: z.string().meta({ description: 'As the later side has it (the earlier, when dropped).' }),
  kind: z.enum(KPI_CHANGE_KINDS),
  /** What changed besides the targets (of a KPI on both sides). */
  changed: z.array(z.enum(['targets', 'baseline', 'direction'])),
  baseline: z.object({ before: z.number().nullable(), after: z.number().nullable() }),
  years: z
    .array(
      z.object({
        year: z.int(),
        before: z.number().nullable(),
        after: z.number().nullable(),
        delta: z.number().nullable().meta({ description: 'after − before; null when one is.' }),
      }),
    )
    .meta({ description: 'Every plan year either side has a target for.' }),
});
export type ApiKpiTargetChange = z.infer<typeof ApiKpiTargetChange>;

/** Why a project is out of a portfolio: the core's reasons, and not in the plan at all. */
export const PORTFOLIO_OUT_REASONS = [
  ...(Object.keys(PORTFOLIO_OUT_CAPTIONS) as (ExclusionReason | 'not-chosen')[]),
  'not-in-plan',
] as const;
export type PortfolioOutReason = (typeof PORTFOLIO_OUT_REASONS)[number];
const OUT_REASONS = PORTFOLIO_OUT_REASONS as unknown as [
  PortfolioOutReason,
  ...PortfolioOutReason[],
];

const capitalYear = z.object({ budget: ApiMoney, spent: ApiMoney, left: ApiMoney });

/** The effect on the selected portfolio. */
export const ApiPortfolioImpact = z.object({
  entering: z
    .array(z.object({ id: z.string(), reason: z.enum(OUT_REASONS) }))
    .meta({ description: 'Chosen now, out before (`reason`: why it was out).' }),
  leaving: z
    .array(z.object({ id: z.string(), reason: z.enum(OUT_REASONS) }))
    .meta({ description: 'Chosen before, out now (`reason`: why it is out).' }),
  years: z.array(
    z.object({
      year: z.int(),
      before: capitalYear.nullable(),
      after: capitalYear.nullable(),
      budget: ApiMoney.nullable().meta({ description: 'after − before; null when one is.' }),
      spent: ApiMoney.nullable(),
      left: ApiMoney.nullable(),
    }),
  ),
});
export type ApiPortfolioImpact = z.infer<typeof ApiPortfolioImpact>;

/** The impact of a snapshot against another. */
export const ApiRevisionImpact = z.object({
  from: z.object({ number: z.int(), sha256: z.string() }),
  to: z.object({ number: z.int(), sha256: z.string() }),
  items: z.array(ApiItemChange),
  warnings: z.array(z.object({ id: z.string(), kind: z.string(), message: ApiBilingual })),
  fiscal: z.array(
    z.object({
      scenario: z.string(),
      years: z.array(
        z.object({
          year: z.int(),
          gap: ApiMoney.nullable(),
          operating: ApiMoney.nullable(),
          capitalBalance: ApiMoney.nullable(),
          financialBalance: ApiMoney.nullable(),
        }),
      ),
    }),
  ),
  kpis: z.array(ApiKpiTargetChange).meta({ description: 'KPIs added, dropped or changed.' }),
  portfolio: ApiPortfolioImpact.nullable().meta({
    description: 'Null when either side has no capital budget to select a portfolio in.',
  }),
});
export type ApiRevisionImpact = z.infer<typeof ApiRevisionImpact>;

/** `GET /api/snapshots/{id}/impact`. */
export const ApiSnapshotImpact = z.object({
  baseline: ApiRevisionImpact.nullable().meta({
    description: 'Null when this is the baseline or none is adopted.',
  }),
  previous: ApiRevisionImpact.nullable().meta({
    description: 'Null for the cycle’s first snapshot.',
  }),
});
export type ApiSnapshotImpact = z.infer<typeof ApiSnapshotImpact>;

/** A side's selected portfolio, as `measureCityPlan` reports it (money as strings). */
export interface RevisionPortfolio {
  chosen: readonly string[];
  spending: readonly { year: number; budget: string; spent: string; left: string }[];
  excluded: readonly { id: string; reason: string }[];
}

/** One side of a comparison. */
export interface RevisionSide {
  number: number;
  sha256: string;
  tables: readonly CanonicalTable[];
  years: readonly number[];
  fiscal: readonly ApiFiscalScenario[];
  /** Null when the plan has no capital budget (no portfolio was selected). */
  portfolio: RevisionPortfolio | null;
}

const ITEM_TABLES = [
  {
    table: 'tblProjects',
    id: 'ProjectId',
    scope: ['Title', 'ProgramId', 'SchemeId'],
    time: ['StartYear', 'EndYear'],
  },
  { table: 'tblActivities', id: 'ActivityId', scope: ['Title', 'ProgramId'], time: [] },
] as const;

const str = (v: CanonicalCell | undefined) => (v === undefined ? '' : String(v));
const amount = (v: CanonicalCell | undefined): bigint =>
  typeof v === 'string' && /^-?\d+$/.test(v)
    ? BigInt(v)
    : typeof v === 'number'
      ? BigInt(Math.trunc(v))
      : 0n;
const rowsById = (tables: readonly CanonicalTable[], name: string, id: string) =>
  new Map((tables.find((t) => t.name === name)?.rows ?? []).map((r) => [str(r[id]), r] as const));
const minus = (a: string | null | undefined, b: string | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined
    ? null
    : (BigInt(a) - BigInt(b)).toString();

/** The impact of `to` against `from` (`to`'s tblChanges says what it declares). */
export function revisionImpact(from: RevisionSide, to: RevisionSide): ApiRevisionImpact {
  const years = [...new Set([...from.years, ...to.years])].sort((a, b) => a - b);
  const declared = new Set(
    (to.tables.find((t) => t.name === 'tblChanges')?.rows ?? []).map(
      (r) => `${str(r.LinkedId)}|${str(r.Change)}`,
    ),
  );
  const items: ApiItemChange[] = [];
  const total = (r: CanonicalRow) => years.reduce((s, y) => s + amount(r[String(y)]), 0n);
  for (const spec of ITEM_TABLES) {
    const before = rowsById(from.tables, spec.table, spec.id);
    const after = rowsById(to.tables, spec.table, spec.id);
    for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const b = before.get(id);
      const a = after.get(id);
      const kinds: string[] = [];
      if (b === undefined) kinds.push('add');
      else if (a === undefined) kinds.push('drop');
      else {
        if (spec.scope.some((c) => str(a[c]) !== str(b[c]))) kinds.push('rescope');
        const moved = years.some((y) => amount(a[String(y)]) !== amount(b[String(y)]));
        const recost = total(a) !== total(b);
        if (spec.time.some((c) => str(a[c]) !== str(b[c])) || (moved && !recost))
          kinds.push('reschedule');
        if (recost) kinds.push('recost');
      }
      if (kinds.length === 0) continue;
      items.push({
        table: spec.table,
        id,
        kinds,
        before: b === undefined ? null : total(b).toString(),
        after: a === undefined ? null : total(a).toString(),
        undeclared: kinds.filter((k) => !declared.has(`${id}|${k}`)),
      });
    }
  }
  const warnings = items.flatMap((i) =>
    i.undeclared.map((kind) => {
      const caption = CHANGE_KINDS.find((k) => k.value === kind);
      return {
        id: i.id,
        kind,
        message: {
          fa: `«${caption?.fa ?? kind}» قلم \u2066${i.id}\u2069 در جدول تغییرات درخواستی نیامده است`,
          en: `${i.id}: "${caption?.en ?? kind}" has no row in tblChanges`,
        },
      };
    }),
  );
  const fiscal = to.fiscal.flatMap((t) => {
    const f = from.fiscal.find((x) => x.scenario === t.scenario);
    if (f === undefined) return [];
    return [
      {
        scenario: t.scenario,
        years: t.years.map((y) => {
          const o = f.years.find((x) => x.year === y.year);
          return {
            year: y.year,
            gap: minus(y.gap, o?.gap),
            operating: minus(y.operating, o?.operating),
            capitalBalance: minus(y.capitalBalance, o?.capitalBalance),
            financialBalance: minus(y.financialBalance, o?.financialBalance),
          };
        }),
      },
    ];
  });
  return {
    from: { number: from.number, sha256: from.sha256 },
    to: { number: to.number, sha256: to.sha256 },
    items,
    warnings,
    fiscal,
    kpis: kpiTargetChanges(from.tables, to.tables, years),
    portfolio:
      from.portfolio === null || to.portfolio === null
        ? null
        : portfolioImpact(from.portfolio, to.portfolio, from.tables, to.tables),
  };
}

const num = (v: CanonicalCell | undefined): number | null => (typeof v === 'number' ? v : null);
/**
 * `a − b` without the binary noise of a decimal target (0.3 − 0.1 is 0.19999999999999998):
 * rounded to 12 significant digits, far beyond any KPI's precision and within a double's 15.
 */
const numMinus = (a: number | null, b: number | null) =>
  a === null || b === null ? null : Number((a - b).toPrecision(12)) + 0;

/**
 * KPI targets on both sides (`tblKpis`, the canonical form's year columns): per KPI added,
 * dropped or changed, with the target of every plan year either side has one for.
 */
export function kpiTargetChanges(
  from: readonly CanonicalTable[],
  to: readonly CanonicalTable[],
  years: readonly number[],
): ApiKpiTargetChange[] {
  const before = rowsById(from, 'tblKpis', 'KpiId');
  const after = rowsById(to, 'tblKpis', 'KpiId');
  const out: ApiKpiTargetChange[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    if (id === '') continue;
    const b = before.get(id);
    const a = after.get(id);
    const rows = years.flatMap((year) => {
      const x = num(b?.[String(year)]);
      const y = num(a?.[String(year)]);
      return x === null && y === null ? [] : [{ year, before: x, after: y, delta: numMinus(y, x) }];
    });
    const changed: ApiKpiTargetChange['changed'] = [];
    if (a !== undefined && b !== undefined) {
      if (rows.some((r) => r.before !== r.after)) changed.push('targets');
      if (num(a.Baseline) !== num(b.Baseline)) changed.push('baseline');
      if (str(a.Direction) !== str(b.Direction)) changed.push('direction');
      if (changed.length === 0) continue;
    }
    out.push({
      kpiId: id,
      title: str((a ?? b)?.Title),
      kind: b === undefined ? 'add' : a === undefined ? 'drop' : 'change',
      changed,
      baseline: { before: num(b?.Baseline), after: num(a?.Baseline) },
      years: rows,
    });
  }
  return out;
}

/**
 * The selected portfolio on both sides: projects entering and leaving it, each with why it is
 * out on the other side (the core's exclusion reason, `not-chosen` for a candidate the
 * selection left out, `not-in-plan` for a project the side does not have), and the capital
 * budget, spent and left per year.
 */
export function portfolioImpact(
  from: RevisionPortfolio,
  to: RevisionPortfolio,
  fromTables: readonly CanonicalTable[],
  toTables: readonly CanonicalTable[],
): ApiPortfolioImpact {
  const why = (side: RevisionPortfolio, tables: readonly CanonicalTable[], id: string) => {
    const excluded = side.excluded.find((e) => e.id === id)?.reason;
    if (excluded !== undefined && (OUT_REASONS as readonly string[]).includes(excluded))
      return excluded as PortfolioOutReason;
    return rowsById(tables, 'tblProjects', 'ProjectId').has(id) ? 'not-chosen' : 'not-in-plan';
  };
  const was = new Set(from.chosen);
  const is = new Set(to.chosen);
  const entering = [...is]
    .filter((id) => !was.has(id))
    .sort()
    .map((id) => ({ id, reason: why(from, fromTables, id) }));
  const leaving = [...was]
    .filter((id) => !is.has(id))
    .sort()
    .map((id) => ({ id, reason: why(to, toTables, id) }));
  const yearsOf = [...new Set([...from.spending, ...to.spending].map((s) => s.year))].sort(
    (a, b) => a - b,
  );
  const pick = (s: RevisionPortfolio['spending'][number] | undefined) =>
    s === undefined ? null : { budget: s.budget, spent: s.spent, left: s.left };
  return {
    entering,
    leaving,
    years: yearsOf.map((year) => {
      const b = pick(from.spending.find((s) => s.year === year));
      const a = pick(to.spending.find((s) => s.year === year));
      return {
        year,
        before: b,
        after: a,
        budget: minus(a?.budget, b?.budget),
        spent: minus(a?.spent, b?.spent),
        left: minus(a?.left, b?.left),
      };
    }),
  };
}
