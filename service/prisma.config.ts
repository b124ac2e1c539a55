/**
 * Prisma CLI configuration (Prisma 6.19 with its WASM schema engine: works offline,
 * toolchain.md). Used only by the CLI:
 * - `prisma generate --config service/prisma.config.ts` (the build writes the client to
 *   service/src/generated/prisma);
 * - `prisma migrate diff --config service/prisma.config.ts …` (writing a migration,
 *   docs/storage.md).
 *
 * The service never runs `prisma migrate`: it applies migrations itself on start
 * (service/src/db/migrator.ts), because `migrate deploy` through adapter-pg fails on
 * PostgreSQL (prisma/orm#27403). The CLI's adapter is an in-memory PGlite, so the shadow
 * database that `migrate diff --from-migrations` replays the history into lives in process:
 * no server, no download.
 */
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import path from 'node:path';
import type { PrismaConfig } from 'prisma/config';
import { defineConfig } from 'prisma/config';

// The schema's `url = env("DATABASE_URL")` must resolve for the CLI to read the schema offline:
// when it does not, Prisma 6.19 falls back to downloading a native query engine (blocked here).
// The CLI never connects through this URL (the adapter below does), so a placeholder is enough
// when the variable is unset (e.g. `npm run build` on a clean clone).
process.env.DATABASE_URL ??= 'postgresql://unused@localhost/unused';

/**
 * The adapter factory type the CLI expects. pglite-prisma-adapter's own types come from an
 * older @prisma/driver-adapter-utils (6.10) than the CLI's (6.19); the shapes agree at run
 * time, so the factory is cast to the CLI's type.
 */
type CliAdapterFactory = Awaited<ReturnType<Extract<PrismaConfig, { engine: 'js' }>['adapter']>>;

/** The part of a driver adapter this file touches (the adapter's own types are internal). */
interface RawRunner {
  executeRaw(query: { sql: string; args: unknown[] }): Promise<number>;
}

/**
 * The schema engine replays each migration into the shadow database as ONE `executeRaw`
 * without parameters. PGlite runs every `query` as a prepared statement, which holds a single
 * command ("cannot insert multiple commands into a prepared statement"), so such scripts go
 * through PGlite's `exec` (the simple protocol, as node-postgres does for a query without
 * parameters).
 */
function scriptsThroughExec<A extends RawRunner>(adapter: A, db: PGlite): A {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await db.exec(query.sql);
    return 0;
  };
  return adapter;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, 'prisma', 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'prisma', 'migrations') },
  adapter: async () => {
    // One in-memory database serves as both the CLI's "main" database (only asked which
    // schemas exist) and the shadow: starting PGlite costs seconds, and both are thrown away.
    let db: PGlite | undefined;
    const adapter = async () => {
      db ??= new PGlite();
      return scriptsThroughExec(await new PrismaPGlite(db).connect(), db);
    };
    const factory = {
      provider: 'postgres',
      adapterName: 'pglite-prisma-adapter',
      connect: adapter,
      connectToShadowDb: adapter,
    };
    return factory as unknown as CliAdapterFactory;
  },
});
