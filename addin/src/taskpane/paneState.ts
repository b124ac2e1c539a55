/**
 * Which view the pane shows. Kept outside React so that ribbon actions, which run in the same
 * shared runtime before the pane may have mounted, can choose the view.
 */
import type { PaneView } from './views';

let current: PaneView = 'home';
const listeners = new Set<() => void>();

/** The view the pane shows. */
export function getView(): PaneView {
  return current;
}

/** Shows `view` (and tells the pane, if it is mounted). */
export function setView(view: PaneView): void {
  if (view === current) return;
  current = view;
  for (const l of listeners) l();
}

/** Calls `listener` when the view changes; returns the unsubscribe function. */
export function subscribeView(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
