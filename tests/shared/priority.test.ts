import fc from 'fast-check';
import type { RawCell, RawTable, RawWorkbook } from '#core';
import { readPlan, scorePriority, scoreProjects } from '#core';
import { planInfo } from '../helpers/plan';

// The worked example used throughout (hand-worked):
//   need       benefit, scale 0–10,  weight 5 → w = 0.5
//   cost       cost,    scale 0–100, weight 3 → w = 0.3
//   readiness  benefit, scale 1–5,   weight 2 → w = 0.2
// A project scored (8, 40, 4): n = (0.8, 1 − 0.4, (4 − 1)/4) = (0.8, 0.6, 0.75)
//   score = 100 × (0.5·0.8 + 0.3·0.6 + 0.2·0.75) = 100 × 0.73 = 73.
const weights = [5, 3, 2];
const directions = ['benefit', 'cost', 'benefit'];
const mins = [0, 0, 1];
const maxs = [10, 100, 5];

describe('PLAN.PRIORITY_SCORE: the score of one project', () => {
  it('is 100 × Σ w_j · n_j with normalised weights and cost criteria reversed', () => {
    const r = scorePriority([8, 40, 4], weights, directions, mins, maxs);
    expect(r.ok && r.value).toBeCloseTo(73, 12);
  });

  it('accepts the Persian captions of the directions', () => {
    const r = scorePriority([8, 40, 4], weights, ['فایده', 'هزینه', 'فایده'], mins, maxs);
    expect(r.ok && r.value).toBeCloseTo(73, 12);
  });

  it('defaults to benefit criteria on a 0–10 scale', () => {
    // (5 − 0)/10 = 0.5 and (10 − 0)/10 = 1, equal weights: 100 × 0.75 = 75.
    const r = scorePriority([5, 10], [1, 1]);
    expect(r.ok && r.value).toBeCloseTo(75, 12);
  });

  it('takes one direction or one scale for every criterion', () => {
    // All cost on 0–10: n = (1 − 0.2, 1 − 0.6) = (0.8, 0.4); weights 1:3 → 100 × (0.2 + 0.3) = 50.
    const r = scorePriority([2, 6], [1, 3], 'cost', 0, 10);
    expect(r.ok && r.value).toBeCloseTo(50, 12);
  });

  it('lets a zero weight switch a criterion off', () => {
    const r = scorePriority([10, 0], [1, 0]);
    expect(r.ok && r.value).toBe(100);
  });

  it.each([
    ['PRIORITY_EMPTY', [], [], undefined, undefined, undefined, null],
    ['PRIORITY_LENGTH_MISMATCH', [1, 2], [1], undefined, undefined, undefined, null],
    ['PRIORITY_LENGTH_MISMATCH', [1, 2], [1, 1], ['cost'], undefined, undefined, null],
    ['PRIORITY_WEIGHT_INVALID', [1, 2], [1, -1], undefined, undefined, undefined, 1],
    ['PRIORITY_WEIGHT_INVALID', [1, 2], [NaN, 1], undefined, undefined, undefined, 0],
    ['PRIORITY_WEIGHTS_ZERO', [1, 2], [0, 0], undefined, undefined, undefined, null],
    ['PRIORITY_SCORE_MISSING', [1, null], [1, 1], undefined, undefined, undefined, 1],
    ['PRIORITY_SCORE_OUT_OF_SCALE', [1, 11], [1, 1], undefined, undefined, undefined, 1],
    ['PRIORITY_SCORE_OUT_OF_SCALE', [-0.5, 1], [1, 1], undefined, undefined, undefined, 0],
    ['PRIORITY_SCALE_INVALID', [1, 2], [1, 1], undefined, [0, 5], [10, 5], 1],
    ['PRIORITY_DIRECTION_INVALID', [1, 2], [1, 1], ['benefit', 'more'], undefined, undefined, 1],
    ['PRIORITY_DIRECTION_INVALID', [1, 2], [1, 1], 'up', undefined, undefined, null],
  ] as const)('refuses with %s', (code, xs, ws, ds, lo, hi, index) => {
    const r = scorePriority(
      xs as ArrayLike<number | null>,
      ws as ArrayLike<number>,
      ds as string | string[] | undefined,
      lo as number[] | undefined,
      hi as number[] | undefined,
    );
    expect(r).toMatchObject({ ok: false, code, index });
    if (!r.ok) {
      expect(r.message.fa.length).toBeGreaterThan(0);
      expect(r.message.en.length).toBeGreaterThan(0);
    }
  });

  it('keeps scores within 0–100, unchanged by scaling the weights, and mirrors cost and benefit', () => {
    const criterion = fc
      .record({
        lo: fc.integer({ min: -50, max: 50 }),
        span: fc.integer({ min: 1, max: 100 }),
        t: fc.double({ min: 0, max: 1, noNaN: true }),
        w: fc.double({ min: 0.01, max: 100, noNaN: true }),
        cost: fc.boolean(),
      })
      .map((c) => ({ ...c, hi: c.lo + c.span, x: c.lo + c.t * c.span }));
    fc.assert(
      fc.property(
        fc.array(criterion, { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        (cs, k) => {
          const xs = cs.map((c) => Math.min(c.hi, Math.max(c.lo, c.x)));
          const ws = cs.map((c) => c.w);
          const ds = cs.map((c) => (c.cost ? 'cost' : 'benefit'));
          const lo = cs.map((c) => c.lo);
          const hi = cs.map((c) => c.hi);
          const a = scorePriority(xs, ws, ds, lo, hi);
          if (!a.ok) throw new Error(a.message.en);
          expect(a.value).toBeGreaterThanOrEqual(-1e-9);
          expect(a.value).toBeLessThanOrEqual(100 + 1e-9);
          // Normalisation: only the ratios of the weights matter.
          const b = scorePriority(
            xs,
            ws.map((w) => w * k),
            ds,
            lo,
            hi,
          );
          expect(b.ok && b.value).toBeCloseTo(a.value, 9);
          // A cost criterion at x scores as a benefit criterion at (min + max − x).
          const mirrored = scorePriority(
            xs.map((x, j) => (cs[j]?.cost ? (lo[j] as number) + (hi[j] as number) - x : x)),
            ws,
            'benefit',
            lo,
            hi,
          );
          expect(mirrored.ok && mirrored.value).toBeCloseTo(a.value, 9);
        },
      ),
    );
  });
});

// A department workbook: criteria, projects with one score column per criterion.
function workbook(extra: RawTable[] = [], criteriaWeights = weights): RawWorkbook {
  return {
    tables: [
      planInfo({ StartYear: 1405 }),
      {
        name: 'tblCriteria',
        sheet: 'معیارها',
        header: ['CriterionId', 'Title', 'Weight', 'Direction', 'ScaleMin', 'ScaleMax'],
        rows: [
          ['NEED', 'نیاز', criteriaWeights[0] ?? null, 'benefit', 0, 10],
          ['COST', 'هزینه', criteriaWeights[1] ?? null, 'هزینه', 0, 100],
          ['READY', 'آمادگی', criteriaWeights[2] ?? null, 'فایده', 1, 5],
        ],
      },
      {
        name: 'tblProjects',
        sheet: 'پروژه‌ها',
        address: 'A1',
        // A ProjectId … I DependsOn, J 1405, K NEED, L COST, M READY
        header: [
          'ProjectId',
          'ProgramId',
          'Title',
          'StartYear',
          'EndYear',
          'SourceId',
          'Status',
          'Mandatory',
          'DependsOn',
          '1405',
          'NEED',
          'COST',
          'READY',
        ],
        rows: [
          project('P1', false, [8, 40, 4]), // 73 (worked above)
          project('P2', false, [10, 0, 5]), // 100: best on every criterion
          project('P3', true, [8, 40, 4]), // 73, mandatory: same score, flagged
          project('P4', false, [2, 100, 1]), // 100 × 0.5 × 0.2 = 10
          project('P5', false, [12, 40, 4]), // NEED 12 is off its 0–10 scale (cell K6)
          project('P6', false, [6, null, 3]), // COST missing (cell L7)
        ],
      },
      ...extra,
    ],
  };
}

function project(id: string, mandatory: boolean, scores: Array<number | null>): RawCell[] {
  return [id, 'PR1', `پروژه ${id}`, 1405, 1405, 'SRC1', 'approved', mandatory, '', 1000, ...scores];
}

describe('scoring the projects of a plan', () => {
  const { plan } = readPlan(workbook());
  const result = scoreProjects(plan);
  const byId = new Map(result.projects.map((p) => [p.id, p]));

  it('ranks projects by score; equal scores share a rank; mandatory ones keep theirs, flagged', () => {
    expect(result.weightsFrom).toBe('table');
    expect(result.projects.map((p) => [p.id, p.rank])).toEqual([
      ['P2', 1],
      ['P1', 2],
      ['P3', 2],
      ['P4', 4],
      ['P5', null],
      ['P6', null],
    ]);
    expect(byId.get('P2')?.score).toBeCloseTo(100, 12);
    expect(byId.get('P1')?.score).toBeCloseTo(73, 12);
    expect(byId.get('P3')).toMatchObject({ mandatory: true, rank: 2 });
    expect(byId.get('P3')?.score).toBeCloseTo(73, 12);
    expect(byId.get('P4')?.score).toBeCloseTo(10, 12);
    expect(result.criteria.map((c) => c.weight)).toEqual([0.5, 0.3, 0.2]);
  });

  it('points at the cell of a score off its scale, and of a missing score', () => {
    expect(result.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'PROJECT_SCORE_OUT_OF_SCALE',
        table: 'tblProjects',
        sheet: 'پروژه‌ها',
        row: 6,
        column: 'NEED',
        cell: 'K6',
      }),
      expect.objectContaining({
        severity: 'warning',
        code: 'PROJECT_SCORE_MISSING',
        row: 7,
        column: 'COST',
        cell: 'L7',
      }),
    ]);
    expect(byId.get('P6')?.missing).toEqual(['COST']);
  });

  it('can count a missing score as the worst value of its scale', () => {
    // P6 = (6, worst cost = 100, 3): n = (0.6, 0, 0.5) → 100 × (0.3 + 0 + 0.1) = 40.
    const worst = scoreProjects(plan, { missing: 'worst' });
    const p6 = worst.projects.find((p) => p.id === 'P6');
    expect(p6?.score).toBeCloseTo(40, 12);
    expect(p6?.rank).toBe(4);
  });

  it('takes the weights from the AHP matrix when the workbook has one', () => {
    // Equal table weights would give P1 100 × (0.8 + 0.6 + 0.75)/3 = 71.67; the
    // matrix a_ij = w_i/w_j for w = (0.5, 0.3, 0.2) is perfectly consistent, its
    // eigenvector is w, so P1 scores 73 again.
    const pairwise: RawTable = {
      name: 'tblCriteriaPairwise',
      sheet: 'AHP',
      address: 'B2',
      header: ['CriterionId', 'NEED', 'COST', 'READY'],
      rows: [
        ['NEED', 1, 5 / 3, 5 / 2],
        ['COST', 3 / 5, 1, 3 / 2],
        ['READY', 2 / 5, 2 / 3, 1],
      ],
    };
    const { plan: p } = readPlan(workbook([pairwise], [1, 1, 1]));
    const byTable = scoreProjects(p, { weights: 'table' });
    expect(byTable.projects.find((x) => x.id === 'P1')?.score).toBeCloseTo(215 / 3, 9);
    const r = scoreProjects(p);
    expect(r.weightsFrom).toBe('ahp');
    expect(r.ahp?.ok && r.ahp.cr).toBeCloseTo(0, 9);
    expect(r.criteria.map((c) => c.weight)).toEqual([
      expect.closeTo(0.5, 12),
      expect.closeTo(0.3, 12),
      expect.closeTo(0.2, 12),
    ]);
    expect(r.projects.find((x) => x.id === 'P1')?.score).toBeCloseTo(73, 9);
  });

  it('scores nothing when the AHP matrix is broken, and says which cell', () => {
    const pairwise: RawTable = {
      name: 'tblCriteriaPairwise',
      sheet: 'AHP',
      address: 'B2',
      // Header on row 2 from column B: B CriterionId, C NEED, D COST, E READY.
      header: ['CriterionId', 'NEED', 'COST', 'READY'],
      rows: [
        ['NEED', 1, 3, 5],
        ['COST', 2, 1, 2], // should be 1/3 against NEED: cell C4
        ['READY', 0.2, 0.5, 1],
      ],
    };
    const { plan: p } = readPlan(workbook([pairwise]));
    const r = scoreProjects(p);
    expect(r.weightsFrom).toBeNull();
    expect(r.projects.every((x) => x.score === null)).toBe(true);
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'AHP_NOT_RECIPROCAL',
        table: 'tblCriteriaPairwise',
        sheet: 'AHP',
        row: 4,
        column: 'NEED',
        cell: 'C4',
      }),
    );
  });

  it('reports an inconsistent AHP matrix as a warning and still scores', () => {
    // A perfect cycle of strong judgements: NEED ≫ COST ≫ READY ≫ NEED.
    const pairwise: RawTable = {
      name: 'tblCriteriaPairwise',
      header: ['CriterionId', 'NEED', 'COST', 'READY'],
      rows: [
        ['NEED', 1, 9, 1 / 9],
        ['COST', 1 / 9, 1, 9],
        ['READY', 9, 1 / 9, 1],
      ],
    };
    const { plan: p } = readPlan(workbook([pairwise]));
    const r = scoreProjects(p);
    expect(r.weightsFrom).toBe('ahp');
    // Every row sums to 1 + 9 + 1/9, so (1,1,1)/3 is the eigenvector and
    // λmax = 1 + 9 + 1/9 (hand-worked); CR = ((λmax − 3)/2)/0.58 ≈ 6.1, far above 0.10.
    expect(r.ahp?.ok && r.ahp.lambdaMax).toBeCloseTo(1 + 9 + 1 / 9, 9);
    expect(r.findings).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'AHP_INCONSISTENT' }),
    );
    expect(r.projects.find((x) => x.id === 'P2')?.score).toBeCloseTo(100, 9);
  });

  it('reports a criterion that has no score column in the projects table', () => {
    const wb = workbook();
    const criteria = wb.tables[1] as RawTable;
    criteria.rows.push(['SAFETY', 'ایمنی', 1, 'benefit', 0, 10]);
    const r = scoreProjects(readPlan(wb).plan);
    expect(r.findings).toContainEqual(
      expect.objectContaining({ code: 'PROJECT_SCORE_COLUMN_MISSING', severity: 'error' }),
    );
    expect(r.projects.every((x) => x.score === null)).toBe(true);
  });

  it('refuses criteria whose scale is empty, naming the row', () => {
    const wb = workbook();
    const criteria = wb.tables[1] as RawTable;
    (criteria.rows[2] as RawCell[])[5] = 1; // READY: ScaleMax 1 = ScaleMin 1
    const r = scoreProjects(readPlan(wb).plan);
    expect(r.weightsFrom).toBeNull();
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        code: 'CRITERION_SCALE_INVALID',
        table: 'tblCriteria',
        row: 4,
        column: 'ScaleMax',
        cell: 'F4',
      }),
    );
  });
});
