/**
 * Opening the register's database (PGlite or PostgreSQL) and applying its migrations.
 */
export type { Database, DatabaseKind, DatabaseTarget, OpenDatabaseOptions } from './open';
export {
  DatabaseOpenError,
  DEFAULT_DATA_DIR,
  MEMORY_DATA_DIR,
  openDatabase,
  resolveDatabaseTarget,
} from './open';
export type {
  Migration,
  MigrationRefusal,
  MigrationReport,
  SqlConnection,
  SqlSession,
} from './migrator';
export {
  applyMigrations,
  defaultMigrationsDir,
  LEDGER_TABLE,
  migrationChecksum,
  pgConnection,
  pgliteConnection,
  readMigrations,
} from './migrator';
export type { JsonObject, JsonValue } from './canonical';
export { canonicalJson, sha256Hex } from './canonical';
