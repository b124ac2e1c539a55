/**
 * The Prisma client of the register. Repositories are the only modules that import the
 * generated client; everything else sees the `Db` type or a repository.
 */
import { Prisma, PrismaClient } from '../generated/prisma/client';

/** The register's Prisma client. */
export type Db = PrismaClient;
/** The client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient;
/** A driver adapter factory (@prisma/adapter-pg or pglite-prisma-adapter). */
export type AdapterFactory = NonNullable<Prisma.PrismaClientOptions['adapter']>;

/** Creates the Prisma client over a driver adapter (no native engine: `engineType = "client"`). */
export function createPrismaClient(adapter: AdapterFactory): Db {
  return new PrismaClient({ adapter });
}

/**
 * Options of every interactive transaction of the repositories. Prisma's defaults (wait 2 s
 * for a connection, 5 s for the whole transaction) are too short here: PGlite runs one
 * transaction at a time, so a second writer waits while the first stores a large workbook
 * (10,000 rows take ≈0.7 s, toolchain.md).
 */
export const TX_OPTIONS = { maxWait: 30_000, timeout: 120_000 } as const;

/** True when a Prisma error is a unique-key violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** True when a Prisma error is a foreign-key violation (P2003). */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003';
}

export { Prisma };
