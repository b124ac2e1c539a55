/**
 * The views of the Plan pane. The ribbon's buttons open the pane on one of them (each button
 * runs the action `open<View>` in the shared runtime, see `commands/commands.ts`).
 */
import type { Bilingual } from '#core';

/** The pane's views, in ribbon order. */
export const PANE_VIEWS = [
  { id: 'home', title: { fa: 'ثبت برنامه', en: 'Plan Register' } },
  { id: 'check', title: { fa: 'بررسی کارپوشه', en: 'Check the workbook' } },
  { id: 'revenue', title: { fa: 'پیش‌بینی درآمد', en: 'Revenue forecast' } },
  { id: 'priorities', title: { fa: 'اولویت‌بندی پروژه‌ها', en: 'Project priorities' } },
  { id: 'register', title: { fa: 'سامانه ثبت برنامه', en: 'The register' } },
] as const satisfies ReadonlyArray<{ id: string; title: Bilingual }>;

/** One view of the pane. */
export type PaneView = (typeof PANE_VIEWS)[number]['id'];

/** The ribbon action that opens a view: `openHome`, `openCheck`, … (the manifest's `FunctionName`). */
export function actionName(view: PaneView): string {
  return `open${view[0]!.toUpperCase()}${view.slice(1)}`;
}
