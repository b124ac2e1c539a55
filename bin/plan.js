#!/usr/bin/env node
// The `plan` command: runs the compiled CLI (built by `npm run build`, which `npm ci` runs through `prepare`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('plan: the project is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
