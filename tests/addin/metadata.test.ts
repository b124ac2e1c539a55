/**
 * The custom functions metadata: functions.json is generated from the JSDoc of the entry
 * points (never written by hand), every function in it is registered with the runtime under
 * its id and every registered function is in it, the Persian file mirrors the English one,
 * and the signatures are the ones the issue promised finance staff.
 */
import path from 'node:path';
import type { GeneratedMetadata } from '../../addin/build/metadata';
import { generateMetadata, translateMetadata } from '../../addin/build/metadata';
import { ENTRY_POINTS } from '../../addin/src/functions/functions';
import { FUNCTION_TEXT_FA } from '../../addin/src/functions/metadata.fa';
import { registerFunctions } from '../../addin/src/functions/register';

const source = path.join(__dirname, '..', '..', 'addin', 'src', 'functions', 'functions.ts');
let meta: GeneratedMetadata;

beforeAll(async () => {
  meta = await generateMetadata(source);
});

describe('functions.json', () => {
  it('registers every function of functions.json under its id, and nothing else', () => {
    const registered = new Map<string, unknown>();
    const ids = registerFunctions({ associate: (id, fn) => registered.set(id, fn) });
    const json = meta.en.functions.map((f) => f.id).sort();
    expect([...registered.keys()].sort()).toEqual(json);
    expect([...ids].sort()).toEqual(json);
  });

  it('binds each id to the JavaScript function whose JSDoc declared it', () => {
    for (const { functionName, id } of meta.associate) {
      const fn = ENTRY_POINTS[id as keyof typeof ENTRY_POINTS];
      expect(fn).toBeDefined();
      expect(fn.name).toBe(functionName);
    }
  });

  it('keeps the signatures the issue names', () => {
    const signature = (id: string) =>
      meta.en.functions
        .find((f) => f.id === id)
        ?.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))
        .join(', ');
    expect(signature('SCENARIO_REVENUE')).toBe('history, horizon, [scenario_or_growth], [method]');
    expect(signature('REVENUE_RANGE')).toBe(
      'history, horizon, [probability], [simulations], [seed]',
    );
    expect(signature('PRIORITY_SCORE')).toBe(
      'scores, weights, [directions], [scale_min], [scale_max]',
    );
    expect(signature('AHP_WEIGHTS')).toBe('matrix, [as_row]');
    expect(signature('AHP_CR')).toBe('matrix');
    expect(signature('BUDGET_LINK')).toBe('id_or_budget_code, [level], [part]');
    expect(signature('FISCAL_GAP')).toBe('year, [scenario]');
    expect(signature('KPI_PROGRESS')).toBe('baseline, target, actual, direction');
    expect(signature('JALALI_YEAR')).toBe('date');
    expect(signature('TO_JALALI')).toBe('date, [format]');
  });

  it('marks the Monte Carlo cancelable and the workbook readers volatile', () => {
    const options = (id: string) => meta.en.functions.find((f) => f.id === id)?.options ?? {};
    expect(options('REVENUE_RANGE')).toEqual({ cancelable: true });
    for (const id of ['BUDGET_LINK', 'FISCAL_GAP', 'SPENDING', 'PLAN_REVENUE'])
      expect(options(id)).toEqual({ volatile: true });
    expect(options('PRIORITY_SCORE')).toEqual({});
  });

  it('spills ranges where a function returns several values', () => {
    const spills = meta.en.functions
      .filter((f) => f.result?.dimensionality === 'matrix')
      .map((f) => f.id)
      .sort();
    expect(spills).toEqual(['AHP_WEIGHTS', 'REVENUE_RANGE', 'SCENARIO_REVENUE']);
  });

  it('describes every function and parameter in English', () => {
    for (const f of meta.en.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_]{2,}$/);
      expect(f.description?.length).toBeGreaterThan(10);
      for (const p of f.parameters) expect(p.description?.length).toBeGreaterThan(3);
    }
  });
});

describe('functions.fa-IR.json', () => {
  it('is functions.json with Persian descriptions, nothing else changed', () => {
    expect(meta.fa.functions.map((f) => f.id)).toEqual(meta.en.functions.map((f) => f.id));
    meta.fa.functions.forEach((fa, i) => {
      const en = meta.en.functions[i]!;
      const strip = (f: typeof en) => ({
        ...f,
        description: '',
        parameters: f.parameters.map((p) => ({ ...p, description: '' })),
      });
      expect(strip(fa)).toEqual(strip(en));
      expect(fa.description).toMatch(/[\u0600-\u06ff]/);
      for (const p of fa.parameters) expect(p.description).toMatch(/[\u0600-\u06ff]/);
    });
  });

  it('fails the build when a translation is missing or names nothing', () => {
    const { PRIORITY_SCORE: _dropped, ...missing } = FUNCTION_TEXT_FA;
    expect(() => translateMetadata(meta.en, missing)).toThrow(/no Persian text for PRIORITY_SCORE/);
    const extra = {
      ...FUNCTION_TEXT_FA,
      AHP_CR: { description: 'x', parameters: { matrix: 'x', order: 'x' } },
    };
    expect(() => translateMetadata(meta.en, extra)).toThrow(/unknown parameter AHP_CR\(order\)/);
  });
});
