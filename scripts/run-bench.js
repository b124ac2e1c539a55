#!/usr/bin/env node
// Runs every bench/*.bench.ts (or those named on the command line) in its own process, one after another.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', 'bench');
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  // The 60-second load run (`npm run bench:load`) and the national-scale run (`npm run bench
  // scale`, minutes) run only when named.
  .filter((f) =>
    wanted.length === 0
      ? !f.startsWith('load.') && !f.startsWith('scale.')
      : wanted.some((w) => f.includes(w)),
  )
  .sort();
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, f)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
