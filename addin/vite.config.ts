/**
 * Builds the add-in: one page (taskpane.html, the shared runtime) whose entry `functions.js`
 * registers the PLAN.* functions and loads the pane on demand; `functions.json` and
 * `functions.fa-IR.json` generated from the functions' JSDoc; `manifest.xml` for the origin
 * the service serves the add-in from (`ADDIN_BASE_URL`, default https://localhost:3000/addin/).
 * Why Vite: see docs/addin.md ("Build").
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import type { ManifestHistory } from './build/manifest';
import { DEFAULT_BASE_URL, currentRelease, metadataHash, renderManifest } from './build/manifest';
import { generateMetadata } from './build/metadata';

const root = fileURLToPath(new URL('.', import.meta.url));
const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Emits the functions metadata (both languages) and the manifest into the build. */
function planAddin(baseUrl: string): Plugin {
  return {
    name: 'plan-addin',
    async generateBundle() {
      const { en, fa } = await generateMetadata(at('./src/functions/functions.ts'));
      const history = JSON.parse(
        readFileSync(at('./manifest-versions.json'), 'utf8'),
      ) as ManifestHistory;
      const release = currentRelease(history);
      if (release.metadataSha256 !== metadataHash(en, fa))
        this.warn(
          'functions.json changed since manifest version ' +
            `${release.version}: add a release to addin/manifest-versions.json (Office caches the metadata until the version changes)`,
        );
      const template = readFileSync(at('./manifest.template.xml'), 'utf8');
      const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
      this.emitFile({ type: 'asset', fileName: 'functions.json', source: json(en) });
      this.emitFile({ type: 'asset', fileName: 'functions.fa-IR.json', source: json(fa) });
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.xml',
        source: renderManifest(template, baseUrl, release.version),
      });
    },
  };
}

export default defineConfig({
  root,
  // Relative URLs: the service may serve the add-in under any path.
  base: './',
  // The core's one entry (package.json "imports" names the compiled file for Node).
  resolve: { alias: { '#core': at('../shared/src/index.ts') } },
  plugins: [planAddin(process.env.ADDIN_BASE_URL ?? DEFAULT_BASE_URL)],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each entry loads (the benchmark sizes the functions bundle with it).
    manifest: true,
    // Maps for a local debugger only: no `sourceMappingURL` in the bundles, and the register
    // does not serve `*.map` (service/src/app.ts).
    sourcemap: 'hidden',
    rolldownOptions: {
      input: { taskpane: at('./taskpane.html') },
      // The core's modules have no side effects on import: a module none of whose exports a
      // function uses is left out whole (e.g. the reader and its zod schemas for PRIORITY_SCORE).
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]shared[\\/]src[\\/]/.test(id) },
      // Fluent UI marks its modules 'use client' (for React Server Components); meaningless here.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        // The manifest's Functions.Script.Url names this file, so it has no hash.
        entryFileNames: 'functions.js',
      },
    },
  },
});
