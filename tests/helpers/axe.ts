/**
 * Accessibility checks in the browser tests: axe-core (Deque's rules for WCAG 2.x) injected into
 * a Playwright page and run on what the page shows. The add-in's pane and the web face use it.
 */
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { AxeResults, ImpactValue, Result, resultGroups, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** The impacts a test refuses: axe's two highest. */
export const BLOCKING: readonly ImpactValue[] = ['serious', 'critical'];

/** One finding: the rule, its impact, what it asks and the elements it found. */
export type AxeFinding = {
  rule: string;
  impact: ImpactValue;
  help: string;
  targets: string[];
  /** True for a result axe could not decide ("needs review"), false for a violation. */
  review: boolean;
};

let axeSource: string | undefined;

/**
 * Loads axe-core into the page once (a second call on the same document does nothing).
 *
 * Not with `page.addScriptTag`: it writes an inline `<script>`, which the register's
 * Content-Security-Policy (`script-src 'self'`, no 'unsafe-inline') refuses, and `bypassCSP`
 * would test the pages without the policy they run under. The script is evaluated through the
 * DevTools protocol instead, which the page's policy does not govern.
 */
export async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  if (!(await page.evaluate(() => 'axe' in window))) throw new Error('axe-core did not load');
}

/**
 * Fluent UI's focus manager (Tabster) puts `<i data-tabster-dummy tabindex="0" aria-hidden>`
 * around tab lists, trees and dialogs: focus guards that hand focus on the moment they get it,
 * hidden so that screen readers never announce them. axe's `aria-hidden-focus` reports each
 * one; Tabster's maintainers say they are focusable and hidden by design
 * (github.com/microsoft/tabster/issues/288) and Accessibility Insights drops these results
 * (microsoft/accessibility-insights-web#7605). So do we, for those elements only: the rule stays
 * on for every other element.
 */
function tabsterGuard(rule: string, html: string): boolean {
  return rule === 'aria-hidden-focus' && /^<i\b[^>]*\bdata-tabster-dummy\b/.test(html);
}

/**
 * Runs axe on the page and returns its violations of impact serious or critical, each with the
 * selectors of its elements.
 */
export async function axeViolations(
  page: Page,
  opts: {
    /** What to check, a selector; the whole document by default. */
    context?: string;
    /** Passed to `axe.run`. */
    run?: RunOptions;
    /** The impacts to return; serious and critical by default. */
    impacts?: readonly ImpactValue[];
    /**
     * Also the results axe could not decide, of these impacts, except the rules named in
     * `except` (a caller says why each cannot be decided on its pages).
     */
    review?: { except: readonly string[] };
  } = {},
): Promise<AxeFinding[]> {
  await injectAxe(page);
  const impacts = opts.impacts ?? BLOCKING;
  const resultTypes: resultGroups[] = opts.review ? ['violations', 'incomplete'] : ['violations'];
  const results = await page.evaluate(
    async ([ctx, run]) =>
      (await (
        window as unknown as { axe: { run(c: string, o: RunOptions): Promise<AxeResults> } }
      ).axe.run(ctx, run)) as AxeResults,
    [opts.context ?? 'html', { ...opts.run, resultTypes }] as const,
  );
  const found = (list: Result[], review: boolean): AxeFinding[] =>
    list
      .filter((v) => v.impact && impacts.includes(v.impact))
      .map((v) => ({
        rule: v.id,
        impact: v.impact!,
        help: v.help,
        review,
        targets: v.nodes
          .filter((n) => !tabsterGuard(v.id, n.html))
          .map((n) => n.target.map(String).join(' ')),
      }))
      .filter((f) => f.targets.length > 0);
  return [
    ...found(results.violations, false),
    ...(opts.review
      ? found(
          results.incomplete.filter((v) => !opts.review!.except.includes(v.id)),
          true,
        )
      : []),
  ];
}

/** The findings as lines for a failure message: `rule (impact): help — selector; selector`. */
export function formatFindings(findings: readonly AxeFinding[]): string {
  return findings
    .map(
      (f) =>
        `${f.rule} (${f.impact}${f.review ? ', needs review' : ''}): ${f.help} — ${f.targets.join('; ')}`,
    )
    .join('\n');
}
