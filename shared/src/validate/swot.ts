/**
 * SWOT factors as the IFE/EFE matrices need them (David, Strategic
 * Management): internal weights (S+W) sum to 1 and external weights (O+T)
 * sum to 1, within ±0.01 (the contract's tolerance, for weights typed with
 * two decimals); strengths rated 3 or 4 and weaknesses 1 or 2.
 */
import type { Checker } from './context';
import { shown } from './context';

/** Allowed distance of a group's weight sum from 1 (contract: ±0.01). */
export const SWOT_WEIGHT_TOLERANCE = 0.01;

/** SWOT_WEIGHTS_SUM, SWOT_GROUP_EMPTY, SWOT_RATING_SIDE. */
export function checkSwot(c: Checker): void {
  const table = c.own('tblSwot');
  if (!table || table.rows.length === 0) return;
  const sums = { internal: 0, external: 0 };
  const counts = { internal: 0, external: 0 };
  for (const f of table.rows) {
    if (f.Kind === null) continue;
    const group = f.Kind === 'S' || f.Kind === 'W' ? 'internal' : 'external';
    counts[group]++;
    if (f.Weight !== null) sums[group] += f.Weight;
    const id = shown(f.FactorId);
    if (f.Rating !== null && f.Kind === 'S' && f.Rating < 3)
      c.add(
        'SWOT_RATING_SIDE',
        c.at(table, f.row, 'Rating'),
        `قوت «${id}» رتبه ${f.Rating} دارد؛ در ماتریس \u2066IFE\u2069 رتبه قوت ۳ (قوت جزئی) یا ۴ (قوت اصلی) است. رتبه را اصلاح کنید یا آن را ضعف بشمارید`,
        `strength "${id}" is rated ${f.Rating}; in the IFE matrix a strength is rated 3 (minor) or 4 (major). Correct the rating or list it as a weakness`,
      );
    if (f.Rating !== null && f.Kind === 'W' && f.Rating > 2)
      c.add(
        'SWOT_RATING_SIDE',
        c.at(table, f.row, 'Rating'),
        `ضعف «${id}» رتبه ${f.Rating} دارد؛ در ماتریس \u2066IFE\u2069 رتبه ضعف ۱ (ضعف اصلی) یا ۲ (ضعف جزئی) است. رتبه را اصلاح کنید یا آن را قوت بشمارید`,
        `weakness "${id}" is rated ${f.Rating}; in the IFE matrix a weakness is rated 1 (major) or 2 (minor). Correct the rating or list it as a strength`,
      );
  }
  const groups = [
    { key: 'internal', fa: 'داخلی (قوت و ضعف)', en: 'internal (S+W)', matrix: 'IFE' },
    { key: 'external', fa: 'خارجی (فرصت و تهدید)', en: 'external (O+T)', matrix: 'EFE' },
  ] as const;
  for (const g of groups) {
    if (counts[g.key] === 0) {
      c.add(
        'SWOT_GROUP_EMPTY',
        c.at(table, null, 'Kind'),
        `هیچ عامل ${g.fa} نیامده است؛ بدون آن ماتریس ${g.matrix} و جایگاه در ماتریس داخلی-خارجی محاسبه نمی‌شود`,
        `there are no ${g.en} factors; without them the ${g.matrix} matrix and the internal–external position cannot be computed`,
      );
      continue;
    }
    const sum = Math.round(sums[g.key] * 1e6) / 1e6;
    if (Math.abs(sum - 1) > SWOT_WEIGHT_TOLERANCE + 1e-9)
      c.add(
        'SWOT_WEIGHTS_SUM',
        c.at(table, null, 'Weight'),
        `جمع وزن عوامل ${g.fa} ${sum} است؛ باید ۱ باشد (±۰٫۰۱). وزن‌ها را چنان تنظیم کنید که جمعشان ۱ شود`,
        `the weights of the ${g.en} factors sum to ${sum}; they must sum to 1 (±0.01). Adjust the weights so they add up to 1`,
      );
  }
}
