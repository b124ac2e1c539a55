/** Conversions between our JSON type and Prisma's `Json` column values. */
import type { JsonValue } from '../db/canonical';
import { Prisma } from './client';

/** A value for a `Json` column: Prisma wants `JsonNull` for a JSON `null`. */
export function toDbJson(value: JsonValue): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
}

/** A value read from a `Json` column, typed as ours (Prisma's JsonValue has the same shape). */
export function fromDbJson(value: Prisma.JsonValue): JsonValue {
  return value as JsonValue;
}
