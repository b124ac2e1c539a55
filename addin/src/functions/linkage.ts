/**
 * PLAN.BUDGET_LINK over the core's `resolveChain`, `formatChain` and `chainLevel`
 * (shared/src/linkage), on the plan of the open workbook: its own tables plus the
 * register's reference data cached in it (`ref_` tables), so it works offline.
 */
import type { LinkIndex, LinkLevel, Plan } from '#core';
import {
  LINK_LEVELS,
  chainLevelNodes,
  formatChain,
  indexPlanLinks,
  matchKey,
  resolveChain,
} from '#core';
import type { Arg } from './args';
import { isBlankArg } from './args';
import type { Out } from './result';
import { isFnError, notAvailable, valueError } from './result';
import { workbookUnreadable } from './revenue';
import type { PlanSource } from './workbook';
import { workbookPlan } from './workbook';

// One link index per plan read: a column of BUDGET_LINK formulas costs one lookup each.
const indexes = new WeakMap<Plan, LinkIndex>();

function indexOf(plan: Plan): LinkIndex {
  let index = indexes.get(plan);
  if (!index) {
    index = indexPlanLinks(plan);
    indexes.set(plan, index);
  }
  return index;
}

/** A level given as its value (`program`) or its Persian or English caption. */
export function levelArg(v: Arg): Out<LinkLevel | undefined> {
  if (isBlankArg(v)) return undefined;
  const key = matchKey(String(v));
  const found = LINK_LEVELS.find(
    (l) => matchKey(l.value) === key || matchKey(l.fa) === key || matchKey(l.en) === key,
  );
  if (found) return found.value;
  // People also write "project", "activity" or "budget line" for the item and budget levels.
  if (key === 'project' || key === 'activity') return 'item';
  if (key === 'budgetline' || key === 'budgetcode') return 'budget';
  return valueError(
    `سطح «${String(v).slice(0, 30)}» شناخته نیست؛ یکی از: ${LINK_LEVELS.map((l) => l.fa).join('، ')}`,
    `level "${String(v).slice(0, 30)}" is unknown; one of: ${LINK_LEVELS.map((l) => l.value).join(', ')}`,
  );
}

/** What BUDGET_LINK shows of a level: the ID (default), the title, or both. */
const PARTS = ['id', 'title', 'both'] as const;

/**
 * `PLAN.BUDGET_LINK`: the chain of an ID or budget code (goal › strategy › program › scheme ›
 * item),
 * or, with `level`, that level's ID (several joined by commas). Text in the workbook's
 * language (`tblPlanInfo` Language).
 */
export async function budgetLink(
  id: Arg,
  level: Arg,
  part: Arg,
  plan: PlanSource = workbookPlan,
): Promise<Out<string>> {
  if (isBlankArg(id)) return valueError('شناسه خالی است', 'the ID is empty');
  const lvl = levelArg(level);
  if (isFnError(lvl)) return lvl;
  const show = isBlankArg(part) ? 'id' : matchKey(String(part));
  if (!(PARTS as readonly string[]).includes(show))
    return valueError(
      `بخش «${String(part).slice(0, 20)}» شناخته نیست؛ \u2066id\u2069، \u2066title\u2069 یا \u2066both\u2069`,
      `part "${String(part).slice(0, 20)}" is unknown; id, title or both`,
    );
  let read;
  try {
    read = await plan();
  } catch (e) {
    return workbookUnreadable(e);
  }
  const text = String(id).trim();
  const chain = resolveChain(indexOf(read.plan), text);
  if (!chain)
    return notAvailable(
      `ردیف بودجه یا شناسه‌ای به نام «${text.slice(0, 40)}» در کارپوشه و داده‌های مرجع نیست`,
      `no such budget code or ID "${text.slice(0, 40)}" in the workbook or its reference data`,
    );
  const lang = read.plan.info.Language;
  if (lvl === undefined) return formatChain(chain, lang);
  const nodes = chainLevelNodes(chain, lvl);
  if (nodes.length === 0) {
    const caption = LINK_LEVELS.find((l) => l.value === lvl)!;
    return notAvailable(
      `«${text.slice(0, 40)}» در سطح ${caption.fa} پیوندی ندارد`,
      `"${text.slice(0, 40)}" has no ${caption.en.toLowerCase()} in its chain`,
    );
  }
  const sep = lang === 'fa' ? '، ' : ', ';
  const label = (n: { id: string; title: string }) =>
    show === 'id' ? n.id : show === 'title' ? n.title : `${n.id} ${n.title}`.trim();
  return nodes.map(label).join(sep);
}
