/**
 * Priority scores of a plan's projects: criteria from `tblCriteria` (the
 * workbook's own or reference data), weights from its `Weight` column or,
 * when `tblCriteriaPairwise` is present, from the AHP of that matrix; the
 * scores themselves from the criterion columns of `tblProjects`. Bad data
 * becomes located findings; a project that cannot be scored has score null.
 */
import type { CriterionDirection, ProjectStatus } from '../contract/enums';
import type { TableName } from '../contract/tables';
import type { Finding, Severity } from '../findings';
import { a1, makeFinding } from '../findings';
import type { Plan, Row, Table } from '../read/plan';
import { rowsOf } from '../read/plan';
import type { AhpProblem, AhpResult, PairwiseCell } from './ahp';
import { CONSISTENCY_LIMIT, computeAhp } from './ahp';
import { scorePriority } from './score';

/** Where the criteria weights come from. */
export type WeightSource =
  /** AHP when `tblCriteriaPairwise` has rows, else the `Weight` column. */
  | 'auto'
  /** The `Weight` column of `tblCriteria`. */
  | 'table'
  /** The AHP of `tblCriteriaPairwise` (an error when it is absent). */
  | 'ahp';

/** What a missing criterion score means. */
export type MissingScorePolicy =
  /** The project gets no score (null) and ranks after every scored one. */
  | 'unscored'
  /** The missing score counts as the worst value of its scale (n_j = 0). */
  | 'worst';

/** Options of {@link scoreProjects}. */
export interface ScoreProjectsOptions {
  /** Default `auto`. */
  readonly weights?: WeightSource;
  /** Default `unscored`. */
  readonly missing?: MissingScorePolicy;
}

/** A criterion as used for scoring. */
export interface ScoredCriterion {
  readonly id: string;
  readonly title: string;
  /** Normalised weight (the weights sum to 1). */
  readonly weight: number;
  readonly direction: CriterionDirection;
  readonly scaleMin: number;
  readonly scaleMax: number;
}

/** One project's priority. */
export interface ProjectScore {
  readonly id: string;
  readonly title: string;
  /** Sheet row of the project, for locating it. */
  readonly row: number;
  /** Priority score 0–100, or null when it cannot be computed. */
  readonly score: number | null;
  /** 1 for the highest score; equal scores share a rank (1, 2, 2, 4). Null when unscored. */
  readonly rank: number | null;
  /** Mandatory projects keep their score and are flagged (contract). */
  readonly mandatory: boolean;
  readonly status: ProjectStatus | null;
  /** Criteria with no score for this project. */
  readonly missing: string[];
}

/** Result of {@link scoreProjects}. */
export interface ScoreProjectsResult {
  /** Where the weights came from; null when no usable weights were found (nothing is scored). */
  readonly weightsFrom: 'table' | 'ahp' | null;
  readonly criteria: ScoredCriterion[];
  /** The AHP of `tblCriteriaPairwise` when it was computed. */
  readonly ahp: AhpResult | null;
  /** Every project, highest score first; unscored ones last in sheet order. */
  readonly projects: ProjectScore[];
  readonly findings: Finding[];
}

/** The table `rowsOf` reads from: the workbook's own, else the reference copy. */
function tableOf<N extends TableName>(plan: Plan, name: N): Table<N> | undefined {
  return (plan.tables[name] ?? plan.reference[name]) as Table<N> | undefined;
}

/** What locating a finding needs of a table (any `Table<N>` fits). */
type TablePlace = Pick<Table, 'name' | 'sheet' | 'headerRow' | 'columns'>;

class Located {
  readonly list: Finding[] = [];
  constructor(private readonly table: TablePlace | undefined) {}
  add(
    severity: Severity,
    code: string,
    row: number | null,
    column: string | null,
    fa: string,
    en: string,
  ): void {
    const t = this.table;
    const at = t && column !== null ? t.columns.get(column) : undefined;
    // A cell of a data row, or the header cell when the finding is about a whole column.
    const cell = t && at !== undefined ? a1(row ?? t.headerRow, at) : null;
    this.list.push(
      makeFinding(
        severity,
        code,
        { table: t?.name ?? null, sheet: t?.sheet ?? null, row, column, cell },
        { fa, en },
      ),
    );
  }
}

/** The pairwise matrix of a plan in criterion order, with where each cell is. */
export interface PairwiseAnalysis {
  /** Criterion IDs in matrix order (the order of `tblCriteria`, else of the matrix rows). */
  readonly ids: string[];
  /** The AHP, or null when the matrix could not be assembled (see findings). */
  readonly ahp: AhpResult | null;
  /**
   * Located findings: criteria missing from or unknown to the matrix, every
   * structural problem (`AHP_*`, errors), values off Saaty's scale
   * (`AHP_OFF_SCALE`, warning) and `AHP_INCONSISTENT` (warning, CR > 0.10).
   */
  readonly findings: Finding[];
}

/**
 * Reads and checks `tblCriteriaPairwise` (the validator's and
 * `scoreProjects`' entry to AHP). Returns null when the plan has no such
 * table (own or reference) or it has no rows.
 */
export function analysePairwiseTable(plan: Plan): PairwiseAnalysis | null {
  const table = tableOf(plan, 'tblCriteriaPairwise');
  if (!table || table.rows.length === 0) return null;
  const f = new Located(table);
  const criteria = rowsOf(plan, 'tblCriteria');
  const known = criteria.map((c) => c.CriterionId).filter((id) => id !== '');
  const ids = known.length > 0 ? unique(known) : unique(table.rows.map((r) => r.CriterionId));
  const knownSet = new Set(ids);
  const byId = new Map<string, Row<'tblCriteriaPairwise'>>();
  for (const r of table.rows) {
    if (r.CriterionId === '') continue;
    if (!knownSet.has(r.CriterionId))
      f.add(
        'error',
        'AHP_CRITERION_UNKNOWN',
        r.row,
        'CriterionId',
        `معیار «${r.CriterionId}» در ماتریس مقایسه زوجی در جدول معیارها نیست`,
        `criterion "${r.CriterionId}" of the pairwise matrix is not in tblCriteria`,
      );
    else if (byId.has(r.CriterionId))
      f.add(
        'error',
        'AHP_CRITERION_DUPLICATE',
        r.row,
        'CriterionId',
        `معیار «${r.CriterionId}» دو بار در ماتریس آمده است`,
        `criterion "${r.CriterionId}" has two rows in the pairwise matrix`,
      );
    else byId.set(r.CriterionId, r);
  }
  const columns = new Set(table.criteria);
  for (const id of ids) {
    if (!byId.has(id))
      f.add(
        'error',
        'AHP_CRITERION_MISSING',
        null,
        'CriterionId',
        `معیار «${id}» سطری در ماتریس مقایسه زوجی ندارد`,
        `criterion "${id}" has no row in the pairwise matrix`,
      );
    if (!columns.has(id))
      f.add(
        'error',
        'AHP_CRITERION_MISSING',
        null,
        null,
        `معیار «${id}» ستونی در ماتریس مقایسه زوجی ندارد`,
        `criterion "${id}" has no column in the pairwise matrix`,
      );
  }
  if (f.list.some((x) => x.severity === 'error')) return { ids, ahp: null, findings: f.list };

  const matrix: PairwiseCell[][] = ids.map((rowId) => {
    const r = byId.get(rowId);
    return ids.map((colId) => r?.comparisons.get(colId) ?? null);
  });
  const ahp = computeAhp(matrix);
  const problems: readonly AhpProblem[] = ahp.problems;
  for (const p of problems) {
    const rowId = p.row === null ? undefined : ids[p.row];
    const colId = p.column === null ? null : (ids[p.column] ?? null);
    const sheetRow = rowId === undefined ? null : (byId.get(rowId)?.row ?? null);
    f.add(p.severity, p.code, sheetRow, colId, p.message.fa, p.message.en);
  }
  if (ahp.ok && !ahp.consistent) {
    const cr = ahp.cr.toFixed(3);
    const bound = ahp.riExtrapolated
      ? {
          fa: ` (برای بیش از ۱۰ معیار با \u2066RI(10)\u2069 حساب شده و کران بالای \u2066CR\u2069 است)`,
          en: ` (computed with RI(10) for more than 10 criteria: an upper bound on CR)`,
        }
      : { fa: '', en: '' };
    f.add(
      'warning',
      'AHP_INCONSISTENT',
      null,
      null,
      `نسبت سازگاری ماتریس مقایسه زوجی ${cr} است و از ${CONSISTENCY_LIMIT} بیشتر است؛ قضاوت‌ها را بازبینی کنید${bound.fa}`,
      `the consistency ratio of the pairwise matrix is ${cr}, above ${CONSISTENCY_LIMIT}; review the judgements${bound.en}`,
    );
  }
  return { ids, ahp, findings: f.list };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids.filter((id) => id !== ''))];
}

interface CriterionRead {
  id: string;
  title: string;
  weight: number | null;
  direction: CriterionDirection;
  scaleMin: number;
  scaleMax: number;
}

/** Reads tblCriteria; returns null when any criterion is unusable (findings say why). */
function readCriteria(plan: Plan, f: Located, needWeights: boolean): CriterionRead[] | null {
  const rows = rowsOf(plan, 'tblCriteria');
  const out: CriterionRead[] = [];
  const seen = new Set<string>();
  let ok = true;
  for (const r of rows) {
    if (r.CriterionId === '') continue;
    if (seen.has(r.CriterionId)) {
      f.add(
        'error',
        'CRITERION_DUPLICATE',
        r.row,
        'CriterionId',
        `معیار «${r.CriterionId}» دو بار تعریف شده است`,
        `criterion "${r.CriterionId}" is defined twice`,
      );
      ok = false;
      continue;
    }
    seen.add(r.CriterionId);
    if (needWeights && (r.Weight === null || !(r.Weight >= 0) || !Number.isFinite(r.Weight))) {
      f.add(
        'error',
        'CRITERION_WEIGHT_INVALID',
        r.row,
        'Weight',
        `وزن معیار «${r.CriterionId}» باید عددی نامنفی باشد`,
        `the weight of criterion "${r.CriterionId}" must be a non-negative number`,
      );
      ok = false;
    }
    if (r.ScaleMin === null || r.ScaleMax === null || !(r.ScaleMax > r.ScaleMin)) {
      f.add(
        'error',
        'CRITERION_SCALE_INVALID',
        r.row,
        'ScaleMax',
        `بیشینه مقیاس معیار «${r.CriterionId}» باید بزرگ‌تر از کمینه آن باشد`,
        `ScaleMax of criterion "${r.CriterionId}" must be greater than its ScaleMin`,
      );
      ok = false;
    }
    if (r.Direction === null)
      f.add(
        'warning',
        'CRITERION_DIRECTION_ASSUMED',
        r.row,
        'Direction',
        `جهت معیار «${r.CriterionId}» خالی است و «فایده» در نظر گرفته شد`,
        `the direction of criterion "${r.CriterionId}" is empty and taken as benefit`,
      );
    out.push({
      id: r.CriterionId,
      title: r.Title,
      weight: r.Weight,
      direction: r.Direction ?? 'benefit',
      scaleMin: r.ScaleMin ?? 0,
      scaleMax: r.ScaleMax ?? 0,
    });
  }
  if (out.length === 0) {
    f.add(
      'error',
      'CRITERIA_NONE',
      null,
      null,
      'هیچ معیار اولویت‌بندی تعریف نشده است',
      'no prioritisation criteria are defined',
    );
    return null;
  }
  if (needWeights && ok && !(out.reduce((s, c) => s + (c.weight ?? 0), 0) > 0)) {
    f.add(
      'error',
      'CRITERIA_WEIGHTS_ZERO',
      null,
      'Weight',
      'مجموع وزن معیارها صفر است',
      'the criteria weights add up to zero',
    );
    ok = false;
  }
  return ok ? out : null;
}

/**
 * Priority scores of every project of a plan, ranked.
 *
 * Weights: with `weights: 'auto'` (default) the AHP of `tblCriteriaPairwise`
 * supplies them when that table has rows, otherwise `tblCriteria.Weight`. When
 * the matrix is structurally broken the scores are not computed (findings
 * say why) rather than silently falling back to other weights.
 *
 * Findings (located on their table, row, column and cell): criteria problems
 * (`CRITERIA_NONE`, `CRITERION_DUPLICATE`, `CRITERION_WEIGHT_INVALID`,
 * `CRITERIA_WEIGHTS_ZERO`, `CRITERION_SCALE_INVALID`: errors, nothing scored;
 * `CRITERION_DIRECTION_ASSUMED`: warning), the AHP findings of
 * {@link analysePairwiseTable}, `PROJECT_SCORE_COLUMN_MISSING` (error),
 * `PROJECT_SCORE_OUT_OF_SCALE` (error, that project unscored) and
 * `PROJECT_SCORE_MISSING` (warning).
 */
export function scoreProjects(plan: Plan, options: ScoreProjectsOptions = {}): ScoreProjectsResult {
  const source = options.weights ?? 'auto';
  const missingPolicy = options.missing ?? 'unscored';
  const findings: Finding[] = [];
  const projectTable = tableOf(plan, 'tblProjects');
  const projectRows = rowsOf(plan, 'tblProjects').filter((r) => r.ProjectId !== '');

  const unscored = (): ScoreProjectsResult['projects'] =>
    projectRows.map((r) => ({
      id: r.ProjectId,
      title: r.Title,
      row: r.row,
      score: null,
      rank: null,
      mandatory: r.Mandatory,
      status: r.Status,
      missing: [],
    }));

  const pairwise = source === 'table' ? null : analysePairwiseTable(plan);
  const useAhp = source === 'ahp' || (source === 'auto' && pairwise !== null);
  const criteriaFindings = new Located(tableOf(plan, 'tblCriteria'));
  const criteria = readCriteria(plan, criteriaFindings, !useAhp);
  findings.push(...criteriaFindings.list);
  if (pairwise) findings.push(...pairwise.findings);

  let weights: number[] | null = null;
  if (criteria && useAhp) {
    if (pairwise === null)
      findings.push(
        makeFinding(
          'error',
          'AHP_TABLE_MISSING',
          { table: 'tblCriteriaPairwise' },
          {
            fa: 'وزن‌دهی \u2066AHP\u2069 خواسته شده اما ماتریس مقایسه زوجی در کارپوشه نیست',
            en: 'AHP weights were asked for but the workbook has no pairwise matrix',
          },
        ),
      );
    else if (pairwise.ahp?.ok) {
      const ahp = pairwise.ahp;
      const byId = new Map(pairwise.ids.map((id, i) => [id, ahp.weights[i] ?? 0]));
      weights = criteria.map((c) => byId.get(c.id) ?? 0);
    }
  } else if (criteria) {
    const sum = criteria.reduce((s, c) => s + (c.weight ?? 0), 0);
    weights = criteria.map((c) => (c.weight ?? 0) / sum);
  }
  if (!criteria || !weights)
    return {
      weightsFrom: null,
      criteria: [],
      ahp: pairwise?.ahp ?? null,
      projects: unscored(),
      findings,
    };

  const used: ScoredCriterion[] = criteria.map((c, j) => ({
    id: c.id,
    title: c.title,
    weight: weights[j] ?? 0,
    direction: c.direction,
    scaleMin: c.scaleMin,
    scaleMax: c.scaleMax,
  }));

  const pf = new Located(projectTable);
  const present = new Set(projectTable?.criteria ?? []);
  for (const c of used)
    if (!present.has(c.id))
      pf.add(
        'error',
        'PROJECT_SCORE_COLUMN_MISSING',
        null,
        null,
        `جدول پروژه‌ها ستون امتیاز معیار «${c.id}» را ندارد`,
        `tblProjects has no score column for criterion "${c.id}"`,
      );

  const ws = used.map((c) => c.weight);
  const dirs = used.map((c) => c.direction);
  const mins = used.map((c) => c.scaleMin);
  const maxs = used.map((c) => c.scaleMax);
  const xs = new Array<number>(used.length).fill(0);
  const scored: ProjectScore[] = projectRows.map((r) => {
    const missing: string[] = [];
    let bad = false;
    used.forEach((c, j) => {
      const x = r.scores.get(c.id) ?? null;
      if (x === null) {
        missing.push(c.id);
        // The worst value of the scale: n_j = 0 either way.
        xs[j] = c.direction === 'cost' ? c.scaleMax : c.scaleMin;
        if (present.has(c.id))
          pf.add(
            'warning',
            'PROJECT_SCORE_MISSING',
            r.row,
            c.id,
            missingPolicy === 'worst'
              ? `امتیاز معیار «${c.id}» پروژه «${r.ProjectId}» خالی است و بدترین مقدار مقیاس در نظر گرفته شد`
              : `امتیاز معیار «${c.id}» پروژه «${r.ProjectId}» خالی است؛ امتیاز اولویت محاسبه نشد`,
            missingPolicy === 'worst'
              ? `project "${r.ProjectId}" has no score for criterion "${c.id}"; the worst value of the scale was used`
              : `project "${r.ProjectId}" has no score for criterion "${c.id}"; its priority score was not computed`,
          );
      } else if (x < c.scaleMin || x > c.scaleMax) {
        bad = true;
        pf.add(
          'error',
          'PROJECT_SCORE_OUT_OF_SCALE',
          r.row,
          c.id,
          `امتیاز ${x} معیار «${c.id}» پروژه «${r.ProjectId}» بیرون از مقیاس ${c.scaleMin} تا ${c.scaleMax} است`,
          `project "${r.ProjectId}": the score ${x} for criterion "${c.id}" is outside its scale ${c.scaleMin}..${c.scaleMax}`,
        );
      } else xs[j] = x;
    });
    let score: number | null = null;
    if (!bad && (missing.length === 0 || missingPolicy === 'worst')) {
      const s = scorePriority(xs, ws, dirs, mins, maxs);
      // Inputs were checked above; a failure here would be a bug, so it stays unscored.
      score = s.ok ? s.value : null;
    }
    return {
      id: r.ProjectId,
      title: r.Title,
      row: r.row,
      score,
      rank: null,
      mandatory: r.Mandatory,
      status: r.Status,
      missing,
    };
  });
  findings.push(...pf.list);

  return {
    weightsFrom: useAhp ? 'ahp' : 'table',
    criteria: used,
    ahp: pairwise?.ahp ?? null,
    projects: rankScores(scored),
    findings,
  };
}

/** Sorts by descending score (stable, unscored last) and assigns competition ranks. */
function rankScores(projects: ProjectScore[]): ProjectScore[] {
  const order = projects
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const sa = a.p.score;
      const sb = b.p.score;
      if (sa === null || sb === null) return sa === sb ? a.i - b.i : sa === null ? 1 : -1;
      return sb - sa || a.i - b.i;
    });
  let rank = 0;
  let prev: number | null = null;
  return order.map(({ p }, k) => {
    if (p.score === null) return p;
    if (prev === null || p.score !== prev) rank = k + 1;
    prev = p.score;
    return { ...p, rank };
  });
}
