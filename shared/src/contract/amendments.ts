/**
 * The council's amendments (docs/api.md, "Amendments"): when the council returns a snapshot of
 * the city plan it may propose, per row, to change a project's cost of a plan year
 * (`change-cost`, the new amount in whole Rials), to drop a project or an activity (`drop`), or
 * to attach a condition to an item (`condition`, a text). The planning office applies them as a
 * revision (new versions, whose approval makes a new snapshot) and links each amendment to the
 * snapshot where it landed. The vocabulary, the check of a proposal against the snapshot's rows
 * and the check that a later snapshot carries an amendment live here, once.
 */
import type { Bilingual } from '../findings';
import type { CanonicalCell, CanonicalTable } from '../read/canonical';
import { fsi, toPersianDigits } from '../util/text';

/** Every kind of amendment. */
export const AMENDMENT_KINDS = ['change-cost', 'drop', 'condition'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

/** Captions of the kinds. */
export const AMENDMENT_KIND_CAPTIONS: Readonly<Record<AmendmentKind, Bilingual>> = {
  'change-cost': { fa: 'تغییر هزینه', en: 'Change the cost' },
  drop: { fa: 'حذف', en: 'Drop' },
  condition: { fa: 'شرط', en: 'Condition' },
};

/** An amendment is open until the planning office links it to the snapshot it landed in. */
export const AMENDMENT_STATUSES = ['open', 'applied'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

/** Captions of the statuses. */
export const AMENDMENT_STATUS_CAPTIONS: Readonly<Record<AmendmentStatus, Bilingual>> = {
  open: { fa: 'باز', en: 'Open' },
  applied: { fa: 'اعمال‌شده', en: 'Applied' },
};

/** The tables an amendment may name an item of, with their id column, per kind. */
export const AMENDABLE_TABLES = {
  tblProjects: 'ProjectId',
  tblActivities: 'ActivityId',
  tblPrograms: 'ProgramId',
  tblStrategies: 'StrategyId',
  tblGoals: 'GoalId',
  tblKpis: 'KpiId',
} as const;
export type AmendableTable = keyof typeof AMENDABLE_TABLES;

/** Which tables each kind may name: a cost is a project's, a drop a project's or an activity's. */
export const AMENDMENT_TABLES: Readonly<Record<AmendmentKind, readonly AmendableTable[]>> = {
  'change-cost': ['tblProjects'],
  drop: ['tblProjects', 'tblActivities'],
  condition: Object.keys(AMENDABLE_TABLES) as AmendableTable[],
};

/** The longest text of a condition (or of a change's reason). */
export const AMENDMENT_TEXT_MAX = 2000;

/** One amendment as the council proposes it. Amounts are whole Rials as decimal text. */
export interface AmendmentProposal {
  readonly kind: AmendmentKind;
  readonly itemId: string;
  readonly year?: number | null;
  readonly amount?: string | null;
  readonly text?: string | null;
}

/** The rows an amendment is checked against: a snapshot's plan tables and its plan years. */
export interface AmendmentPlan {
  readonly tables: readonly CanonicalTable[];
  readonly years: readonly number[];
}

/** What is wrong with one proposal: its index, the field, and why. */
export interface AmendmentProblem {
  readonly index: number;
  readonly field: 'kind' | 'itemId' | 'year' | 'amount' | 'text';
  readonly message: Bilingual;
}

const str = (v: CanonicalCell | undefined) => (v === undefined ? '' : String(v));

/** The table of the plan holding `itemId` among `tables` (the first that has it), or null. */
export function amendableTableOf(
  plan: Pick<AmendmentPlan, 'tables'>,
  itemId: string,
  tables: readonly AmendableTable[] = Object.keys(AMENDABLE_TABLES) as AmendableTable[],
): AmendableTable | null {
  for (const name of tables) {
    const key = AMENDABLE_TABLES[name];
    const rows = plan.tables.find((t) => t.name === name)?.rows ?? [];
    if (rows.some((r) => str(r[key]) === itemId)) return name;
  }
  return null;
}

/** A project's cost of a year in the plan (whole Rials), null when the project is not there. */
export function projectCostOf(
  plan: Pick<AmendmentPlan, 'tables'>,
  projectId: string,
  year: number,
): bigint | null {
  const row = (plan.tables.find((t) => t.name === 'tblProjects')?.rows ?? []).find(
    (r) => str(r.ProjectId) === projectId,
  );
  if (row === undefined) return null;
  const v = row[String(year)];
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isFinite(v)) return BigInt(Math.trunc(v));
  return 0n;
}

const WHOLE_RIALS = /^\d+$/;

/**
 * Checks the council's proposals against the snapshot they amend: the kind's item exists in
 * it (a project for a cost; a project or an activity for a drop; any goal, strategy, program,
 * project, activity or KPI for a condition), a cost names a plan year and a new amount in
 * whole Rials ≥ 0, a drop carries neither, a condition has its text (and a year, if any, of
 * the plan); and no two proposals contradict (the same cost twice, a cost of a dropped item,
 * one item dropped twice). Every problem, by index and field; empty when all are sound.
 */
export function validateAmendments(
  proposals: readonly AmendmentProposal[],
  plan: AmendmentPlan,
): AmendmentProblem[] {
  const out: AmendmentProblem[] = [];
  const years = new Set(plan.years);
  const yearsText = `${plan.years[0] ?? ''}–${plan.years.at(-1) ?? ''}`;
  const costs = new Map<string, number>();
  const drops = new Map<string, number>();
  proposals.forEach((p, index) => {
    const problem = (field: AmendmentProblem['field'], fa: string, en: string) =>
      out.push({ index, field, message: { fa, en } });
    const item = fsi(p.itemId);
    if (amendableTableOf(plan, p.itemId, AMENDMENT_TABLES[p.kind]) === null)
      problem(
        'itemId',
        p.kind === 'change-cost'
          ? `پروژه ${item} در این نسخه برنامه نیست.`
          : p.kind === 'drop'
            ? `پروژه یا فعالیت ${item} در این نسخه برنامه نیست.`
            : `قلم ${item} در این نسخه برنامه نیست.`,
        p.kind === 'change-cost'
          ? `There is no project ${p.itemId} in this snapshot.`
          : p.kind === 'drop'
            ? `There is no project or activity ${p.itemId} in this snapshot.`
            : `There is no item ${p.itemId} in this snapshot.`,
      );
    const year = p.year ?? null;
    const amount = p.amount ?? null;
    const text = (p.text ?? '').trim();
    if (year !== null && !years.has(year))
      problem(
        'year',
        `سال ${fsi(year)} از سال‌های برنامه (${fsi(yearsText)}) نیست.`,
        `${year} is not a plan year (${yearsText}).`,
      );
    if (p.kind === 'change-cost') {
      if (year === null)
        problem('year', 'سال هزینه را بگویید.', 'Say which plan year’s cost changes.');
      if (amount === null)
        problem('amount', 'مبلغ تازه را به ریال بنویسید.', 'Give the new amount in Rials.');
      else if (!WHOLE_RIALS.test(amount))
        problem(
          'amount',
          'مبلغ باید ریال درست و نامنفی باشد.',
          'The amount must be whole Rials, zero or more.',
        );
      if (year !== null) {
        const key = `${p.itemId}|${year}`;
        if (costs.has(key))
          problem(
            'year',
            `هزینه ${item} در سال ${fsi(year)} دو بار پیشنهاد شده است.`,
            `The cost of ${p.itemId} in ${year} is proposed twice.`,
          );
        costs.set(key, index);
      }
    }
    if (p.kind === 'drop') {
      if (year !== null) problem('year', 'حذف سال ندارد.', 'A drop has no year.');
      if (amount !== null) problem('amount', 'حذف مبلغ ندارد.', 'A drop has no amount.');
      if (drops.has(p.itemId))
        problem(
          'itemId',
          `حذف ${item} دو بار پیشنهاد شده است.`,
          `Dropping ${p.itemId} is proposed twice.`,
        );
      drops.set(p.itemId, index);
    }
    if (p.kind === 'condition') {
      if (text === '') problem('text', 'متن شرط را بنویسید.', 'Write the condition.');
      if (amount !== null) problem('amount', 'شرط مبلغ ندارد.', 'A condition has no amount.');
    }
    if (text.length > AMENDMENT_TEXT_MAX)
      problem(
        'text',
        `متن بلندتر از ${toPersianDigits(String(AMENDMENT_TEXT_MAX))} نویسه است.`,
        `The text is longer than ${AMENDMENT_TEXT_MAX} characters.`,
      );
  });
  proposals.forEach((p, index) => {
    if (p.kind === 'change-cost' && drops.has(p.itemId))
      out.push({
        index,
        field: 'itemId',
        message: {
          fa: `${fsi(p.itemId)} هم حذف و هم تغییر هزینه پیشنهاد شده است.`,
          en: `${p.itemId} is both dropped and recosted.`,
        },
      });
  });
  return out.sort((a, b) => a.index - b.index);
}

/** An amendment as stored, for the check that a snapshot carries it. */
export interface AmendmentRecordLike {
  readonly kind: AmendmentKind;
  readonly itemId: string;
  readonly year: number | null;
  readonly amount: string | null;
}

/**
 * Whether a later snapshot's plan carries an amendment: a changed cost is the project's cost of
 * that year there, a dropped item is in neither its projects nor its activities; a condition is
 * a text the plan cannot show, so it is carried wherever the planning office says. Null when
 * carried, else why not.
 */
export function judgeAmendmentCarried(
  amendment: AmendmentRecordLike,
  plan: Pick<AmendmentPlan, 'tables'>,
): Bilingual | null {
  const item = fsi(amendment.itemId);
  if (amendment.kind === 'drop') {
    return amendableTableOf(plan, amendment.itemId, AMENDMENT_TABLES.drop) === null
      ? null
      : {
          fa: `${item} هنوز در این نسخه برنامه هست؛ حذف آن اعمال نشده است.`,
          en: `${amendment.itemId} is still in this snapshot; its drop has not landed.`,
        };
  }
  if (amendment.kind === 'change-cost') {
    const year = amendment.year ?? 0;
    const cost = projectCostOf(plan, amendment.itemId, year);
    if (cost === null)
      return {
        fa: `پروژه ${item} در این نسخه برنامه نیست.`,
        en: `There is no project ${amendment.itemId} in this snapshot.`,
      };
    if (cost.toString() !== amendment.amount)
      return {
        fa: `هزینه ${item} در سال ${fsi(year)} در این نسخه ${fsi(cost.toString())} ریال است، نه ${fsi(amendment.amount ?? '')} ریال.`,
        en: `${amendment.itemId}’s cost of ${year} in this snapshot is ${cost.toString()} Rials, not ${amendment.amount ?? ''}.`,
      };
    return null;
  }
  return null;
}
