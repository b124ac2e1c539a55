/**
 * The Article 71 report (`article71Tables`, shared/src/monitor/article71.ts) as a print-ready
 * `.xlsx`: one sheet per table of the report, in the language asked for (right to left in
 * Persian), with the report's titles and column formats. The one writer of that workbook:
 * `plan report71` and the register's `GET /api/cycles/{cycleId}/monitoring?format=xlsx` both
 * call it.
 */
import type {
  Article71Basis,
  Language,
  MonitoringReport,
  Plan,
  ReportTable,
  TablePresentation,
} from '#core';
import { article71Tables } from '#core';
import { writeRawWorkbook } from './write';

/** The workbook's bytes and the tables it holds (their sheets, in order). */
export interface Article71Workbook {
  readonly bytes: Uint8Array;
  readonly parts: readonly ReportTable[];
}

/**
 * Writes the Article 71 report of `report` (made from `plan`) in `lang`; with `basis`, its
 * first sheet names the snapshot measured against.
 */
export async function writeArticle71Workbook(
  plan: Plan,
  report: MonitoringReport,
  lang: Language,
  basis?: Article71Basis | null,
  /** A practice municipality's report: every printed page's header says so. */
  practice = false,
): Promise<Article71Workbook> {
  const parts = article71Tables(plan, report, lang, basis);
  const presentation: Record<string, TablePresentation> = Object.fromEntries(
    parts.map((p) => [p.table.name, p.presentation]),
  );
  const bytes = await writeRawWorkbook(
    { tables: parts.map((p) => p.table) },
    { lang, guide: false, presentation, city: plan.info.City || undefined, practice },
  );
  return { bytes, parts };
}
