/**
 * jest's global setup: a folder and an id for this run, in the environment, which the test
 * workers inherit. In them the run keeps what it makes once and copies for each test: the
 * seeded databases (tests/helpers/seeded.ts) and the Vite builds (tests/helpers/browser.ts).
 * run-teardown.cjs removes them.
 */
const { randomBytes } = require('node:crypto');
const { mkdtempSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function setup() {
  process.env.PLAN_TEST_RUN_DIR = mkdtempSync(path.join(os.tmpdir(), 'plan-seed-'));
  process.env.PLAN_TEST_RUN_ID = randomBytes(4).toString('hex');
};
