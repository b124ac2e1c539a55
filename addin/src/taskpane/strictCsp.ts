/**
 * Imported first by the runtime's entry, before any module builds a schema. The register serves
 * the add-in under a Content-Security-Policy without `'unsafe-eval'`; zod 4 compiles fast object
 * parsers with `new Function` and, to find out whether it may, tries one when a schema is built.
 * The attempt fails quietly, but the browser still reports it as a CSP violation. In jitless mode
 * zod neither tries nor compiles: every parse takes the interpreted path, the same results.
 */
import { config } from 'zod';

config({ jitless: true });
