/**
 * Starts the register: opens the database (PGlite by default, PostgreSQL with
 * `DATABASE_URL`), applies migrations, seeds the sample city into an empty database, and
 * listens over HTTP, or HTTPS when `PLAN_TLS_CERT` and `PLAN_TLS_KEY` are set.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import pino from 'pino';
import { createApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db';
import { seedSample } from './handlers/seed';
import { createRepositories, fileAuditHeadStore } from './repositories';

/** Starts the service; resolves with a function that stops it. */
export async function start(env: NodeJS.ProcessEnv = process.env): Promise<() => Promise<void>> {
  const config = loadConfig(env);
  const logger = pino({ level: config.logLevel });
  const db = await openDatabase(
    env.DATABASE_URL || env.PLAN_DATA_DIR ? {} : { dataDir: path.join(config.dataRoot, 'pglite') },
  );
  const repos = createRepositories(db.prisma, {
    versionCacheBytes: config.versionCacheBytes,
    reader: db.reader,
    // Each committed head of an audit chain, signed, beside the database (plan admin verify).
    auditHead: fileAuditHeadStore(config.dataRoot, {
      ...(config.auditHeadKey !== null && { key: config.auditHeadKey }),
      // The change is committed and answered; the anchored head lags behind (still one the
      // chain must hold) until a later append anchors again.
      onError: (err) => logger.error({ err }, 'audit chain head not anchored'),
    }),
  });
  logger.info({ database: db.kind, migrations: db.migrations }, 'database open');
  if (config.seedSample) {
    const seeded = await seedSample(
      { repos, config, logger, databaseKind: db.kind },
      { tenantId: config.defaultTenant, tokenDir: config.dataRoot, logger },
    );
    if (seeded !== null)
      logger.info({ tenant: seeded.tenantId, tokenFile: seeded.tokenFile }, 'seeded');
  }
  const app = createApp({ repos, config, databaseKind: db.kind, logger });
  const server =
    config.tls === null
      ? http.createServer(app)
      : https.createServer(
          { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) },
          app,
        );
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  logger.info(`plan register listening on ${config.publicOrigin} (${config.host}:${config.port})`);
  return async () => {
    // Idle keep-alive connections would hold close() open: end them first.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    server.closeAllConnections();
    await closed;
    await db.close();
  };
}

if (require.main === module) {
  start().then(
    (stop) => {
      const shutdown = () => {
        stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
