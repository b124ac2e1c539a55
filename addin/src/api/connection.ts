/**
 * The pane's side of talking to the register: the browser's `fetch` for the core's
 * `RegisterClient` (shared/src/api/client.ts, the one client of the API), Idempotency-Keys
 * for pushes, and where the sign-in and each submission's base version are kept.
 */
import type { Connection, Fetch } from '#core';
import { newIdempotencyKey as keyOf } from '#core';

/** The browser's `fetch`, as the register's client takes it. */
export const browserFetch: Fetch = (url, init) => globalThis.fetch(url, init);

/** A random Idempotency-Key of the add-in (the core's `newIdempotencyKey`). */
export function newIdempotencyKey(): string {
  return keyOf('addin');
}

/** Where the pane keeps the sign-in: the add-in's own storage, never the document. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const CONNECTION_KEY = 'plan-register.connection';

/**
 * Reads the saved connection. The add-in's `localStorage` is partitioned by Office per add-in
 * (and, in Office on the web, per top-level origin), so the token stays with this add-in on this
 * machine and is never written into the workbook that people share.
 */
export function loadConnection(store: KeyValueStore): Connection | null {
  try {
    const raw = store.getItem(CONNECTION_KEY);
    if (raw === null) return null;
    const parsed = JSON.parse(raw) as Partial<Connection>;
    return typeof parsed.server === 'string' && typeof parsed.token === 'string'
      ? { server: parsed.server, token: parsed.token }
      : null;
  } catch {
    return null;
  }
}

/** Saves the connection (sign-in). */
export function saveConnection(store: KeyValueStore, connection: Connection): void {
  store.setItem(CONNECTION_KEY, JSON.stringify(connection));
}

/** Forgets the connection (sign-out). */
export function clearConnection(store: KeyValueStore): void {
  store.removeItem(CONNECTION_KEY);
}

/** The version this workbook was last pulled or pushed as, per submission (If-Match). */
export function baseVersionOf(store: KeyValueStore, submissionId: string): number | null {
  const raw = store.getItem(`plan-register.base.${submissionId}`);
  return raw === null || !/^\d+$/.test(raw) ? null : Number(raw);
}

/** Records the version this workbook now is. */
export function setBaseVersion(store: KeyValueStore, submissionId: string, version: number): void {
  store.setItem(`plan-register.base.${submissionId}`, String(version));
}
