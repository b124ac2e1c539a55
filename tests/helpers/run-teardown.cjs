/**
 * jest's global teardown (run-setup.cjs): the run's folder removed and its template databases
 * (tests/helpers/seeded.ts) dropped from the test server.
 */
const { rmSync } = require('node:fs');

module.exports = async function teardown() {
  const dir = process.env.PLAN_TEST_RUN_DIR;
  const run = process.env.PLAN_TEST_RUN_ID;
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  if (run === undefined) return;
  const { Client } = require('pg');
  const admin = new Client({
    connectionString:
      process.env.PLAN_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  });
  try {
    await admin.connect();
  } catch {
    return; // no server: the run made no template
  }
  try {
    const { rows } = await admin.query(
      "SELECT datname FROM pg_database WHERE datname LIKE 'plan\\_seed\\_' || $1 || '\\_%'",
      [run],
    );
    for (const { datname } of rows)
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
};
