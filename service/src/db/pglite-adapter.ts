/**
 * The Prisma driver adapter for PGlite, brought in line with @prisma/adapter-pg 6.19 in the
 * two places where pglite-prisma-adapter 0.6.1 (built against Prisma 6.10) differs:
 * - errors: it reports every database error as `{ kind: 'postgres', code: SQLSTATE }`, and
 *   Prisma 6.19 maps only named kinds to its codes, so a duplicate key would surface as a bare
 *   `DriverAdapterError` instead of P2002 and code handling P2002/P2003 would behave
 *   differently on the two databases;
 * - bytes: Prisma 6.19 sends a `Bytes` argument as base64 text, which PGlite refuses for a
 *   `bytea` parameter ("Invalid input for bytea type"); adapter-pg decodes it first.
 */
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { AdapterFactory } from '../repositories/client';

/** SQLSTATE → the error kind Prisma 6.19 knows (same mapping as @prisma/adapter-pg 6.19). */
function namedKind(cause: PostgresCause): Record<string, unknown> | undefined {
  const fields = cause.detail
    ?.match(/Key \(([^)]+)\)/)
    ?.at(1)
    ?.split(', ');
  switch (cause.code) {
    case '22001':
      return { kind: 'LengthMismatch', column: cause.column };
    case '22003':
      return { kind: 'ValueOutOfRange', cause: cause.message };
    case '23502':
      return { kind: 'NullConstraintViolation', constraint: fields && { fields } };
    case '23503':
      return {
        kind: 'ForeignKeyConstraintViolation',
        constraint: cause.column !== undefined ? { fields: [cause.column] } : undefined,
      };
    case '23505':
      return { kind: 'UniqueConstraintViolation', constraint: fields && { fields } };
    case '40001':
      return { kind: 'TransactionWriteConflict' };
    default:
      return undefined;
  }
}

interface PostgresCause {
  kind: 'postgres';
  code: string;
  message?: string;
  detail?: string;
  column?: string;
}

function translated(error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== 'DriverAdapterError') return error;
  const cause = (error as { cause?: unknown }).cause as Partial<PostgresCause> | undefined;
  if (cause?.kind !== 'postgres' || typeof cause.code !== 'string') return error;
  const named = namedKind(cause as PostgresCause);
  if (named !== undefined)
    (error as { cause?: unknown }).cause = {
      originalCode: cause.code,
      originalMessage: cause.message,
      ...named,
    };
  return error;
}

const QUERY_METHODS = new Set<PropertyKey>(['queryRaw', 'executeRaw']);

/** A query as Prisma hands it to an adapter (the part used here). */
interface AdapterQuery {
  sql: string;
  args: unknown[];
  argTypes?: ({ scalarType?: string; arity?: string } | undefined)[];
}

/** Decodes `Bytes` arguments as adapter-pg 6.19 does (`mapArg`). */
function withBytes(query: AdapterQuery): AdapterQuery {
  const types = query.argTypes;
  if (types === undefined || !types.some((t) => t?.scalarType === 'bytes')) return query;
  const decode = (value: unknown): unknown => {
    if (typeof value === 'string') return Buffer.from(value, 'base64');
    if (Array.isArray(value) && value.every((v) => typeof v === 'number'))
      return Buffer.from(value);
    return value;
  };
  return {
    ...query,
    args: query.args.map((arg, i) => {
      const type = types[i];
      if (arg === null || type?.scalarType !== 'bytes') return arg;
      return type.arity === 'list' && Array.isArray(arg) ? arg.map(decode) : decode(arg);
    }),
  };
}

/** Wraps an adapter or transaction so that its query methods throw translated errors. */
function translating<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (QUERY_METHODS.has(property))
        return async (query: AdapterQuery) => {
          try {
            return await method.call(object, withBytes(query));
          } catch (error) {
            throw translated(error);
          }
        };
      if (property === 'executeScript')
        return async (script: string) => {
          try {
            return await method.call(object, script);
          } catch (error) {
            throw translated(error);
          }
        };
      if (property === 'startTransaction')
        return async (...args: unknown[]) => translating((await method.apply(object, args)) as T);
      return method.bind(object);
    },
  });
}

/** A Prisma driver adapter factory over an open PGlite database. */
export function pgliteAdapter(db: PGlite): AdapterFactory {
  const factory = new PrismaPGlite(db);
  const wrapped = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => translating(await factory.connect()),
  };
  return wrapped as unknown as AdapterFactory;
}
