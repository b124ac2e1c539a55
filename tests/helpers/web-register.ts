/**
 * The register with its web face, for browser tests of a person's own pages: the web app built
 * into a temporary folder, the register over PGlite seeded with the sample city (the seed writes
 * each role's local account to `local-accounts`), listening on 127.0.0.1, and Chromium. A role
 * signs in at an address of the app in a browser of its own (`signedIn`); a page is judged as a
 * person sees it (`checkWebPage`: screenshot, no sideways scrolling, axe, the language's own
 * letters and digits outside isolates).
 */
/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { Harness } from '../service/api-harness';
import { openHarness } from '../service/api-harness';
import { axeViolations, formatFindings } from './axe';
import { buildWeb, CHROMIUM, CHROMIUM_FLAGS } from './browser';

/** Where the web's screenshots go (not committed), for a person to look at. */
export const WEB_SHOTS = path.join(__dirname, '..', 'e2e', 'screenshots', 'web');
/** The widths people use: a desk and a phone. */
export const WIDTHS = {
  desk: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** A running register with its web face, and a browser. */
export interface WebRegister {
  h: Harness;
  base: string;
  browser: Browser;
  /** The seed's local account of a role. */
  account(role: string): { email: string; password: string };
  /** A browser of its own for `role`, signed in at `address` (`/me/…`), the page loaded. */
  signedIn(
    role: string,
    address: string,
    lang: 'fa' | 'en',
    width: keyof typeof WIDTHS,
    problems: string[],
  ): Promise<Page>;
  close(): Promise<void>;
}

export async function openWebRegister(): Promise<WebRegister> {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'plan-web-'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plan-data-'));
  buildWeb(dist);
  const h = await openHarness('pglite', { webDir: dist }, {}, { tokenDir: dataDir });
  const server = await new Promise<Server>((resolve) => {
    const s = h.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = readFileSync(path.join(dataDir, 'local-accounts'), 'utf8').split('\n');
  const account = (role: string) => {
    const [, email, password] = (accounts.find((l) => l.startsWith(`${role}\t`)) ?? '').split('\t');
    if (email === undefined || password === undefined) throw new Error(`no ${role} account`);
    return { email, password };
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  mkdirSync(WEB_SHOTS, { recursive: true });
  return {
    h,
    base,
    browser,
    account,
    async signedIn(role, address, lang, width, problems) {
      const context = await browser.newContext({ viewport: WIDTHS[width] });
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().includes('401'))
          problems.push(`console: ${m.text()}`);
      });
      const q = lang === 'en' ? '?lang=en' : '';
      await page.goto(`${base}${address}${q}`);
      await page.waitForURL(/\/signin\?next=/);
      const { email, password } = account(role);
      await page.fill('input[name="email"]', email);
      await page.fill('input[name="password"]', password);
      await page.click('main button[type="submit"]');
      await page.waitForURL(`${base}${address}${q}`);
      await page.waitForSelector('main h1');
      await page.waitForFunction(
        () => document.querySelector('main [role="progressbar"]') === null,
      );
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      await h.close();
      rmSync(dist, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The screenshot, no sideways scrolling, axe clean, and the language's own digits. */
export async function checkWebPage(page: Page, lang: 'fa' | 'en', shot: string): Promise<void> {
  // A dialog that has just closed leaves the page hidden from assistive technology until its
  // exit animation ends (Fluent sets aria-hidden on the rest): judge the page after that.
  await page.waitForFunction(
    () =>
      document.querySelector('[role="dialog"]') === null &&
      !document.getElementById('root')?.hasAttribute('aria-hidden'),
  );
  await page.screenshot({ path: path.join(WEB_SHOTS, `${shot}.png`), fullPage: true });
  expect(await page.getAttribute('html', 'dir')).toBe(lang === 'fa' ? 'rtl' : 'ltr');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect({ shot, overflow }).toEqual({ shot, overflow: 0 });
  const found = await axeViolations(page);
  expect({ shot, axe: formatFindings(found) }).toEqual({ shot, axe: '' });
  const own = await page.evaluate(() => {
    const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
    if (!main) return '';
    main.querySelectorAll('[data-iso], [data-stored], code, option').forEach((e) => e.remove());
    return main.innerText;
  });
  if (lang === 'fa')
    expect({ shot, latin: own.match(/[A-Za-z0-9]+/g) }).toEqual({ shot, latin: null });
  else expect({ shot, persian: own.match(/[۰-۹]+/g) }).toEqual({ shot, persian: null });
}
