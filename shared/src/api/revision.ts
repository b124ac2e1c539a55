/**
 * A revision's impact (issue 14, "Revision"): what a later snapshot of a cycle's city plan
 * changes against an earlier one (the baseline, or the previous snapshot), read from the rows
 * themselves, not only from what `tblChanges` claims. Per project and activity: added,
 * dropped, rescoped (title, program or scheme changed), rescheduled (start or end year, or
 * cost moved between years with the same total), recosted (total over the plan years
 * changed). A change with no `tblChanges` row naming the item with that kind is a warning.
 * The effect on the fiscal gap and the three balances per scenario and year is the later
 * figure minus the earlier (exact Rials as strings). Pure: the register gives both sides.
 */
import { z } from 'zod';
import { CHANGE_KINDS } from '../contract/enums';
import type { CanonicalCell, CanonicalRow, CanonicalTable } from '../read/canonical';
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

/** One side of a comparison. */
export interface RevisionSide {
  number: number;
  sha256: string;
  tables: readonly CanonicalTable[];
  years: readonly number[];
  fiscal: readonly ApiFiscalScenario[];
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
  };
}
