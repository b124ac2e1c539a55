/**
 * Builds the register's web face (docs/web.md): one page, `index.html`, whose script renders
 * every address of the app (`shared/src/web/routes.ts`); the register serves it at `/`.
 * Absolute asset URLs (`/assets/…`): the page is served at nested addresses
 * (`/plan/latest/projects`), where relative ones would not resolve.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root,
  base: '/',
  resolve: {
    alias: {
      // The core's one entry (package.json "imports" names the compiled file for Node).
      '#core': at('../shared/src/index.ts'),
      // No solver in the pages (src/noSolver.ts says why).
      highs: at('./src/noSolver.ts'),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    // One bundle for the published plan (React, Fluent UI, the pages, the core they use); a
    // person's own pages load when opened (App.tsx). Fluent's form controls they use stay in
    // the bundle: split into a group, rolldown still imported the group from the entry.
    chunkSizeWarningLimit: 800,
    // Maps for a local debugger only; the register does not serve `*.map` (service/src/app.ts).
    sourcemap: 'hidden',
    rolldownOptions: {
      // The core's modules have no side effects on import: what the pages do not use is left out.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]shared[\\/]src[\\/]/.test(id) },
      // Fluent UI marks its modules 'use client' (for React Server Components); meaningless here.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
