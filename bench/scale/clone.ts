/**
 * Many municipalities cheaply: every row of one seeded municipality copied, in one statement
 * per table, under new municipality ids (the tenant id is in every key, so the copies are
 * whole, independent municipalities with the same plans). Secrets are not copied (API tokens,
 * passwords, sessions, idempotency keys): a copy's people cannot sign in, and no token of the
 * original resolves to a copy. The audit chain's rows are copied as they are (whether a copy's
 * chain verifies is not checked: no figure of the bench reads it). `keepOnly` deletes the
 * municipalities again, for the read curve measured on the way down.
 *
 * Foreign keys are not checked while copying (`session_replication_role = replica`, needs a
 * superuser, as the local test server's `postgres` is): the copied rows reference each other
 * exactly as the original's do.
 */
import { Client } from 'pg';

/** Tables whose rows are not copied. */
const SECRET_TABLES = new Set(['api_token', 'user_password', 'user_session', 'idempotency_key']);

/** The tables of the schema with their columns, in order. */
async function tablesOf(client: Client): Promise<Map<string, string[]>> {
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
  return columns;
}

/** The column that names a table's municipality, or null for tables of no municipality. */
function tenantColumn(table: string, cols: readonly string[]): string | null {
  return table === 'municipality' ? 'id' : cols.includes('tenant_id') ? 'tenant_id' : null;
}

const q = (c: string) => `"${c}"`;

/** Runs `fn` in one transaction without foreign-key checks, then analyses the tables. */
async function unchecked(
  url: string,
  fn: (client: Client, tables: Map<string, string[]>) => Promise<void>,
) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await tablesOf(client);
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await fn(client, tables);
    await client.query('COMMIT');
    await client.query('ANALYZE');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Copies municipality `from` as each of `ids`, in one transaction. */
export async function cloneMunicipality(url: string, from: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  await unchecked(url, async (client, tables) => {
    for (const [table, cols] of tables) {
      if (SECRET_TABLES.has(table)) continue;
      const key = tenantColumn(table, cols);
      if (key === null) continue;
      const list = cols.map(q).join(', ');
      const select = cols.map((c) => (c === key ? 'n.id' : `s.${q(c)}`)).join(', ');
      await client.query(
        `INSERT INTO ${q(table)} (${list})
         SELECT ${select} FROM ${q(table)} s CROSS JOIN unnest($2::text[]) AS n(id)
          WHERE s.${q(key)} = $1`,
        [from, ids],
      );
    }
  });
}

/** Deletes every municipality but `keep`, with all their rows, in one transaction. */
export async function keepOnly(url: string, keep: readonly string[]) {
  await unchecked(url, async (client, tables) => {
    for (const [table, cols] of tables) {
      const key = tenantColumn(table, cols);
      if (key === null) continue;
      await client.query(`DELETE FROM ${q(table)} WHERE NOT (${q(key)} = ANY($1::text[]))`, [keep]);
    }
  });
}
