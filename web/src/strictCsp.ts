/**
 * Imported first by the page's entry, before any module builds a schema. The register serves
 * the pages under a Content-Security-Policy without `'unsafe-eval'`; zod 4 compiles fast
 * object parsers with `new Function` and tries one when a schema is built, which the browser
 * reports as a CSP violation. In jitless mode zod neither tries nor compiles (the add-in's
 * pane does the same, addin/src/taskpane/strictCsp.ts: a side effect, so it cannot live in the
 * core, whose modules are bundled as free of side effects).
 */
import { config } from 'zod';

config({ jitless: true });
