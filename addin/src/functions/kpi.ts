/**
 * PLAN.KPI_PROGRESS and PLAN.KPI_STATUS over the core's `kpiProgress` and `kpiStatus`
 * (shared/src/kpi). Called once per cell on every recalculation: the common case (numbers
 * and an English direction) reads its arguments without allocating.
 */
import type { KpiDirection, Language } from '#core';
import { KPI_DIRECTIONS, KPI_STATUSES, kpiProgress, kpiStatus, matchKey } from '#core';
import type { Arg } from './args';
import { enumArg, isBlankArg, numberArg } from './args';
import type { Out } from './result';
import { isFnError, numError, valueError } from './result';

const NAMES = {
  baseline: { fa: 'مقدار پایه', en: 'baseline' },
  target: { fa: 'مقدار هدف', en: 'target' },
  actual: { fa: 'مقدار واقعی', en: 'actual' },
  direction: { fa: 'جهت مطلوب', en: 'direction' },
  progress: { fa: 'پیشرفت', en: 'progress' },
};

function num(v: Arg, name: { fa: string; en: string }): Out<number> {
  return typeof v === 'number' && Number.isFinite(v) ? v : numberArg(v, name);
}

function direction(v: Arg): Out<KpiDirection> {
  if (v === 'increase' || v === 'decrease' || v === 'maintain') return v;
  const d = enumArg(v, KPI_DIRECTIONS, NAMES.direction);
  if (isFnError(d)) return d;
  if (d === undefined)
    return valueError(
      'جهت مطلوب داده نشده است: \u2066increase\u2069، \u2066decrease\u2069 یا \u2066maintain\u2069',
      'the direction is missing: increase, decrease or maintain',
    );
  return d;
}

/**
 * `PLAN.KPI_PROGRESS`: progress toward the target (1 = reached), by the contract's formula.
 * The baseline is not used by `maintain` and may then be left empty.
 */
export function kpiProgressOf(baseline: Arg, target: Arg, actual: Arg, dir: Arg): Out<number> {
  const d = direction(dir);
  if (isFnError(d)) return d;
  const t = num(target, NAMES.target);
  if (isFnError(t)) return t;
  const a = num(actual, NAMES.actual);
  if (isFnError(a)) return a;
  let b: number | null = null;
  if (!(d === 'maintain' && isBlankArg(baseline))) {
    const bn = num(baseline, NAMES.baseline);
    if (isFnError(bn)) return bn;
    b = bn;
  }
  const p = kpiProgress({ baseline: b, target: t, actual: a, direction: d });
  // The inputs are checked above, so null means the numbers give no finite progress
  // (a target a hair's breadth from the baseline).
  return p ?? numError('پیشرفت عدد متناهی نمی‌شود', 'the progress is not a finite number');
}

/** Languages of `PLAN.KPI_STATUS`: Persian or English caption, or the stable code. */
const STATUS_LANGUAGES = ['fa', 'en', 'code'] as const;

/** `PLAN.KPI_STATUS`: on track (≥ 0.9), at risk (≥ 0.6) or off track, as a caption or code. */
export function kpiStatusOf(progress: Arg, language?: Arg): Out<string> {
  const lang = isBlankArg(language) ? 'fa' : matchKey(String(language));
  if (!(STATUS_LANGUAGES as readonly string[]).includes(lang))
    return valueError(
      `زبان «${String(language).slice(0, 20)}» شناخته نیست؛ \u2066fa\u2069، \u2066en\u2069 یا \u2066code\u2069`,
      `language "${String(language).slice(0, 20)}" is unknown; fa, en or code`,
    );
  let p: number | null = null;
  if (!isBlankArg(progress)) {
    const n = num(progress, NAMES.progress);
    if (isFnError(n)) return n;
    p = n;
  }
  const status = kpiStatus(p);
  if (lang === 'code') return status;
  const caption = KPI_STATUSES.find((s) => s.value === status);
  return caption ? caption[lang as Language] : status;
}
