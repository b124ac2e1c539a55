/**
 * What the browser tests and the pane benchmark share: where Chromium is, the launch flags
 * that work on these machines (toolchain.md, "Browser tests"), the CDN address of office.js
 * that they route to a fake host, and a build of the add-in into a folder of their own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

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
  const build = spawnSync(
    process.execPath,
    [
      path.join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      path.join(REPO, 'addin', 'vite.config.ts'),
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
