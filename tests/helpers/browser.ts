/**
 * What the browser tests and the pane benchmark share: where Chromium is, the launch flags
 * that work on these machines (toolchain.md, "Browser tests"), the CDN address of office.js
 * that they route to the fake Excel host, a page set up that way, and builds of the add-in
 * and of the web face into folders of their own.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RawTable } from '#core';
import { fakeOfficeJs } from './fakeExcelScript';

const REPO = path.join(__dirname, '..', '..');

/** Debian's Chromium, or `CHROMIUM_PATH`. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when Chromium is installed (the browser tests skip, saying why, when it is not). */
export const chromiumAvailable = existsSync(CHROMIUM);

/** Microsoft's CDN office.js, which the add-in's pages load and the tests route to a fake. */
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Chromium's launch flags. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Builds the add-in with Vite into `outDir`; throws with Vite's output when it fails. */
export function buildAddin(outDir: string, env: NodeJS.ProcessEnv = {}): void {
  viteBuild(path.join(REPO, 'addin', 'vite.config.ts'), outDir, env);
}

/** Builds the web face with Vite into `outDir` (the register's `PLAN_WEB_DIR`). */
export function buildWeb(outDir: string): void {
  viteBuild(path.join(REPO, 'web', 'vite.config.ts'), outDir, {});
}

/**
 * Builds with Vite into `outDir`. Within one jest run (tests/helpers/seeded.ts names its
 * folder) a build of the same configuration and environment is made once and copied: the
 * sources do not change during a run.
 */
function viteBuild(config: string, outDir: string, env: NodeJS.ProcessEnv): void {
  const runDir = process.env.PLAN_TEST_RUN_DIR;
  if (runDir === undefined) return viteBuildInto(config, outDir, env);
  const key = createHash('sha256')
    .update(JSON.stringify([config, env]))
    .digest('hex');
  const made = path.join(runDir, `vite-${key.slice(0, 16)}`);
  if (!existsSync(made)) {
    viteBuildInto(config, outDir, env);
    // Copied aside, then renamed: another worker sees the whole build or none.
    const aside = `${made}.${process.pid}.${randomBytes(3).toString('hex')}`;
    cpSync(outDir, aside, { recursive: true });
    try {
      renameSync(aside, made);
    } catch {
      rmSync(aside, { recursive: true, force: true });
    }
    return;
  }
  rmSync(outDir, { recursive: true, force: true });
  cpSync(made, outDir, { recursive: true });
}

function viteBuildInto(config: string, outDir: string, env: NodeJS.ProcessEnv): void {
  const build = spawnSync(
    process.execPath,
    [
      path.join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      config,
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env } },
  );
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
}

/**
 * Sets a page up as Excel's runtime would load the add-in, offline: office.js is the fake
 * Excel host over `tables` in `displayLanguage`, every other request outside `base` (the
 * add-in's origin) is refused, and page errors, console errors and refused requests go to
 * `problems`.
 */
export async function hostInFakeExcel(
  page: Page,
  options: {
    tables: readonly RawTable[];
    displayLanguage: string;
    base: string;
    problems: string[];
  },
): Promise<void> {
  const { problems, base } = options;
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: fakeOfficeJs(options.tables, options.displayLanguage),
    }),
  );
  await page.route(
    (url) => url.href !== OFFICE_JS && !url.href.startsWith(base),
    (route) => {
      problems.push(`request outside the add-in: ${route.request().url()}`);
      return route.abort();
    },
  );
}
