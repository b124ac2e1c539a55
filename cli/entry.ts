/**
 * Runs the CLI from source (`node --import tsx cli/entry.ts …`),
 * as `bin/plan.js` runs the compiled one.
 */
import { main } from './main';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
