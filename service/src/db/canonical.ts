/**
 * Canonical JSON and SHA-256: the one serialisation that version hashes and the audit hash
 * chain are computed over, so that a hash computed today can be recomputed from the stored
 * rows tomorrow (PostgreSQL's `jsonb` reorders object keys; canonical JSON sorts them).
 */
import { createHash } from 'node:crypto';

export type { JsonObject, JsonValue } from '#core';
export { canonicalJson } from '#core';

/** Lower-case hex SHA-256 of a string (as UTF-8) or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
