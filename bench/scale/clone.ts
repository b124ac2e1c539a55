/**
 * Many municipalities cheaply: every row of one seeded municipality copied, in one statement
 * per table, under new municipality ids (the tenant id is in every key, so the copies are
 * whole, independent municipalities with the same plans). Secrets are not copied (API tokens,
 * passwords, sessions, idempotency keys): a copy's people cannot sign in, and no token of the
 * original resolves to a copy. The audit chain's rows are copied as they are; a copy's chain
 * does not verify (its entries hash the original's id), which no figure of the bench reads.
 *
 * Foreign keys are not checked while copying (`session_replication_role = replica`, needs a
 * superuser, as the local test server's `postgres` is): the copied rows reference each other
 * exactly as the original's do.
 */
import { Client } from 'pg';

/** Tables whose rows are not copied. */
const SECRET_TABLES = new Set(['api_token', 'user_password', 'user_session', 'idempotency_key']);

/** Copies municipality `from` as each of `ids`, in one transaction. */
export async function cloneMunicipality(url: string, from: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables t
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          AND c.is_generated = 'NEVER'
        ORDER BY c.table_name, c.ordinal_position`,
    );
    const columns = new Map<string, string[]>();
    for (const r of rows)
      columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name]);
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    for (const [table, cols] of columns) {
      if (SECRET_TABLES.has(table)) continue;
      const key = table === 'municipality' ? 'id' : cols.includes('tenant_id') ? 'tenant_id' : null;
      if (key === null) continue;
      const q = (c: string) => `"${c}"`;
      const list = cols.map(q).join(', ');
      const select = cols.map((c) => (c === key ? 'n.id' : `s.${q(c)}`)).join(', ');
      await client.query(
        `INSERT INTO ${q(table)} (${list})
         SELECT ${select} FROM ${q(table)} s CROSS JOIN unnest($2::text[]) AS n(id)
          WHERE s.${q(key)} = $1`,
        [from, ids],
      );
    }
    await client.query('COMMIT');
    await client.query('ANALYZE');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
