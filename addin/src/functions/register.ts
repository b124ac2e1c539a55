/**
 * Registers the PLAN.* entry points with the Custom Functions runtime under their ids in
 * `functions.json`. Called when the shared runtime's page loads, before Office.onReady, as the
 * runtime looks the ids up as soon as the page has run.
 */
import { runtime } from './customFunctions';
import { ENTRY_POINTS } from './functions';

/** What registration needs of the runtime (the real `CustomFunctions`, or a fake in tests). */
export interface FunctionsHost {
  associate(id: string, fn: (...args: never[]) => unknown): void;
}

/** Associates every entry point; returns the ids registered (none outside Office). */
export function registerFunctions(host: FunctionsHost | undefined = runtime()): string[] {
  if (!host) return [];
  const ids: string[] = [];
  for (const [id, fn] of Object.entries(ENTRY_POINTS)) {
    host.associate(id, fn as (...args: never[]) => unknown);
    ids.push(id);
  }
  return ids;
}
