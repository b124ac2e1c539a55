/**
 * The register's web face (issue 15) as a citizen or a council member sees it, signed out, in
 * headless Chromium against the real register (createApp over a PGlite database seeded with
 * the sample city, whose plan the seed adopts and publishes), the web app built by Vite and
 * served by the register at `/`. At a desk (1280 px) and on a phone (390 px), in Persian and
 * in English: every section of the published plan, with a screenshot of each written to
 * tests/e2e/screenshots/web/ (not committed) for a person to look at; Persian right to left
 * with Persian digits, nothing wider than the phone, reachable by keyboard, stored text shown
 * as text.
 */
/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import request from 'supertest';
import type { ApiPublicPlan } from '#core';
import { PLAN_SECTIONS } from '#core';
import type { Harness } from '../service/api-harness';
import { openHarness } from '../service/api-harness';
import { buildWeb, CHROMIUM, CHROMIUM_FLAGS, chromiumAvailable } from '../helpers/browser';

const SHOTS = path.join(__dirname, 'screenshots', 'web');
const WIDTHS = { desk: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const LANGS = ['fa', 'en'] as const;
const PUBLIC_PLAN = '/api/public/sample/plan';

if (!chromiumAvailable)
  console.warn(`tests/e2e/web.browser.test.ts skipped: no Chromium at ${CHROMIUM}`);
const describeInBrowser = chromiumAvailable ? describe : describe.skip;

describeInBrowser('the published plan on the web, signed out', () => {
  let dist: string;
  let h: Harness;
  let server: Server;
  let base: string;
  let browser: Browser;
  /** The register's published plan, as its public API answers it. */
  let plan: ApiPublicPlan;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'plan-web-'));
    buildWeb(dist);
    h = await openHarness('pglite', { webDir: dist });
    server = await new Promise<Server>((resolve) => {
      const s = h.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The seed adopted and published the sample city's plan.
    const res = await request(h.app).get(PUBLIC_PLAN);
    expect(res.status).toBe(200);
    plan = res.body as ApiPublicPlan;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await h?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  /** A page at a width whose errors, failed requests and refused policies go to `problems`. */
  async function open(width: keyof typeof WIDTHS, problems: string[]): Promise<Page> {
    const page = await browser.newPage({ viewport: WIDTHS[width] });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    return page;
  }

  /** The text of `main` outside isolates (IDs, numbers) and stored text (titles). */
  const ownText = (page: Page) =>
    page.evaluate(() => {
      const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
      if (!main) return '';
      main.querySelectorAll('[data-iso], [data-stored], svg').forEach((e) => e.remove());
      return main.innerText;
    });

  for (const lang of LANGS)
    for (const width of ['desk', 'phone'] as const)
      it(`shows every section in ${lang} at the ${width}'s width`, async () => {
        const problems: string[] = [];
        const page = await open(width, problems);
        await page.goto(`${base}/${lang === 'en' ? '?lang=en' : ''}`);
        await page.waitForSelector('main h1');
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'fa' ? 'rtl' : 'ltr');
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        for (const section of PLAN_SECTIONS) {
          if (section === 'search') continue;
          await page.locator(`nav a[href*="/${section}"]`).first().click();
          await page.waitForFunction(
            (s) => document.querySelector('[data-section]')?.getAttribute('data-section') === s,
            section,
          );
          await page.waitForSelector('main h1');
          // The address is the page's: stable, shareable, in the language shown.
          expect(page.url()).toBe(
            `${base}/plan/sample/latest/${section}${lang === 'en' ? '?lang=en' : ''}`,
          );
          await page.screenshot({
            path: path.join(SHOTS, `${section}-${lang}-${width}.png`),
            fullPage: true,
          });
          // Nothing wider than the screen: wide tables scroll inside their own box.
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect({ section, overflow }).toEqual({ section, overflow: 0 });
          const text = await ownText(page);
          if (lang === 'fa') {
            // Persian digits only: a Latin digit outside an isolate is a bug.
            expect({ section, latin: text.match(/[0-9]+/g) }).toEqual({ section, latin: null });
          } else {
            expect({ section, persian: text.match(/[۰-۹]+/g) }).toEqual({ section, persian: null });
          }
        }
        expect(problems).toEqual([]);
        await page.close();
      }, 120_000);

  it('searches, and a result leads to its row at a stable address', async () => {
    const problems: string[] = [];
    const page = await open('desk', problems);
    const project = plan.projects[0];
    if (project === undefined) throw new Error('the sample has no project');
    await page.goto(`${base}/plan/sample/latest/overview`);
    await page.fill('input[type="search"]', project.id);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="search-results"]');
    expect(page.url()).toBe(
      `${base}/plan/sample/latest/search?q=${encodeURIComponent(project.id)}`,
    );
    const link = page.locator('[data-testid="search-results"] a', { hasText: project.id });
    await link.first().click();
    await page.waitForFunction(() => location.hash !== '');
    expect(page.url()).toBe(`${base}/plan/sample/latest/projects#project-${project.id}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`project-${project.id}`);
    await page.screenshot({ path: path.join(SHOTS, 'search-fa-desk.png'), fullPage: true });
    // The same address opened afresh shows the same page (a shared link).
    await page.goto(
      `${base}/plan/sample/latest/search?q=${encodeURIComponent(project.id)}&lang=en`,
    );
    await page.waitForSelector('[data-testid="search-results"]');
    expect(await page.textContent('main')).toContain(project.title);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('gives each published snapshot a permanent address, and says so when there is none', async () => {
    const problems: string[] = [];
    const page = await open('desk', problems);
    const { cycleStart, number } = plan.snapshot;
    await page.goto(`${base}/`);
    await page.waitForSelector('main h1');
    const permanent = page.locator('footer a', { hasText: 'نشانی پایدار این نسخه' });
    expect(await permanent.getAttribute('href')).toBe(
      `/plan/sample/${cycleStart}/${number}/overview`,
    );
    await permanent.click();
    await page.waitForURL(`${base}/plan/sample/${cycleStart}/${number}/overview`);
    await page.waitForSelector('main h1');
    expect(await page.textContent('header')).toContain(plan.title);
    // The resolution, its Jalali date and the vote, in Persian digits.
    const adoption = await page.textContent('[data-testid="adoption"]');
    expect(adoption).toContain('۲۰ اسفند');
    expect(adoption).not.toMatch(/[0-9]/);
    // A snapshot that was never published: the register's 404, said in words.
    await page.goto(`${base}/plan/sample/${cycleStart}/${number + 50}/overview`);
    await page.waitForSelector('main .fui-MessageBar');
    expect(await page.textContent('main')).toContain('هنوز برنامه‌ای منتشر نشده است.');
    // An address that names no page.
    await page.goto(`${base}/plan/sample/latest/nothing`);
    await page.waitForSelector('main .fui-MessageBar');
    expect(await page.textContent('main')).toContain('این نشانی صفحه‌ای ندارد.');
    // The 404 of the unpublished snapshot is the only console line (Chromium's own).
    expect(problems.filter((p) => !/404/.test(p))).toEqual([]);
    await page.close();
  }, 60_000);

  it('is usable by keyboard: Tab reaches the language switch, the search and the downloads', async () => {
    const problems: string[] = [];
    const page = await open('desk', problems);
    await page.goto(`${base}/plan/sample/latest/data`);
    await page.waitForSelector('[data-testid="data-table"]');
    const reached: string[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const e = document.activeElement as HTMLElement | null;
          if (!e) return '';
          if (e.matches('input[type="search"]')) return 'search';
          if (e.closest('[role="group"]') && e.getAttribute('lang'))
            return `lang-${e.getAttribute('lang')}`;
          if (e.dataset.format) return `download-${e.dataset.format}`;
          if (e.getAttribute('href') === '#content') return 'skip';
          return e.tagName.toLowerCase();
        }),
      );
    }
    // First the skip link, then the header's tools, before the sections and the content.
    expect(reached[0]).toBe('skip');
    expect(reached.indexOf('search')).toBeLessThan(reached.indexOf('download-csv'));
    expect(reached).toEqual(expect.arrayContaining(['search', 'lang-fa', 'lang-en']));
    expect(reached).toEqual(
      expect.arrayContaining(['download-csv', 'download-xlsx', 'download-json']),
    );
    // The switch works from the keyboard, and keeps the page.
    await page.focus('[role="group"] button[lang="en"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(page.url()).toBe(`${base}/plan/sample/latest/data?lang=en`);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('links every published table to its open data, which the register serves', async () => {
    const problems: string[] = [];
    const page = await open('desk', problems);
    await page.goto(`${base}/plan/sample/latest/data`);
    await page.waitForSelector('[data-testid="data-table"]');
    const links = await page.$$eval('[data-testid="data-table"] a[data-format]', (as) =>
      as.map((a) => ({
        href: a.getAttribute('href') ?? '',
        format: a.getAttribute('data-format'),
      })),
    );
    // Every published table, in three formats.
    expect(links).toHaveLength(plan.tables.length * 3);
    expect(plan.tables.length).toBeGreaterThan(0);
    const types = { csv: /text\/csv/, xlsx: /spreadsheetml/, json: /application\/json/ };
    for (const { href, format } of links) {
      const res = await page.request.get(new URL(href, base).href);
      expect({ href, status: res.status() }).toEqual({ href, status: 200 });
      expect(res.headers()['content-type']).toMatch(types[format as keyof typeof types]);
      const body = await res.body();
      // An .xlsx file is a zip (PK\x03\x04); CSV and JSON are text.
      if (format === 'xlsx') expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
      if (format === 'json') expect(() => JSON.parse(body.toString('utf8'))).not.toThrow();
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('links each figure that needs explaining to its help page, which the register serves', async () => {
    const problems: string[] = [];
    const page = await open('desk', problems);
    const seen = new Map<string, string>();
    for (const lang of ['fa', 'en'] as const)
      for (const section of ['strategy', 'programs', 'fiscal', 'kpis', 'projects']) {
        await page.goto(`${base}/plan/sample/latest/${section}${lang === 'en' ? '?lang=en' : ''}`);
        await page.waitForSelector('main h1');
        const links = await page.$$eval('main a[data-help]', (as) =>
          as.map((a) => ({
            topic: a.getAttribute('data-help') ?? '',
            href: a.getAttribute('href') ?? '',
          })),
        );
        expect({ section, n: links.length > 0 }).toEqual({ section, n: true });
        for (const { topic, href } of links) {
          // The page of the topic, in the page's language.
          expect(new URL(href).searchParams.get('lang')).toBe(lang);
          seen.set(`${topic}-${lang}`, href);
        }
      }
    expect([...seen.keys()].sort()).toEqual(
      ['capital-portfolio', 'fiscal-gap', 'kpi-progress', 'plan-chain', 'revenue-forecast']
        .flatMap((t) => [`${t}-en`, `${t}-fa`])
        .sort(),
    );
    for (const href of seen.values()) {
      const res = await page.request.get(href);
      expect({ href, status: res.status() }).toEqual({ href, status: 200 });
      expect(res.headers()['content-type']).toMatch(/text\/html/);
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows stored text as text, never as HTML', async () => {
    const problems: string[] = [];
    const page = await open('desk', problems);
    const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    const first = plan.goals[0];
    const project = plan.projects[0];
    if (first === undefined || project === undefined) throw new Error('the sample is empty');
    const poisoned: ApiPublicPlan = {
      ...plan,
      title: `${plan.title} ${hostile}`,
      goals: [{ ...first, title: hostile, description: hostile }, ...plan.goals.slice(1)],
      projects: [{ ...project, title: hostile }, ...plan.projects.slice(1)],
    };
    await page.route(`${base}${PUBLIC_PLAN}`, (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(poisoned) }),
    );
    for (const section of ['strategy', 'projects']) {
      await page.goto(`${base}/plan/sample/latest/${section}`);
      await page.waitForSelector('main h1');
      expect(await page.locator('main img, main script').count()).toBe(0);
      expect(await page.textContent('main')).toContain(hostile);
    }
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
