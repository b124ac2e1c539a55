/** The pane's tabs, and which tab each ribbon button opens. */
import type { StringKey } from './i18n';
import type { PaneView } from './views';

/** The tabs, in order. */
export const TABS = [
  { id: 'start', label: 'tabStart' },
  { id: 'check', label: 'tabCheck' },
  { id: 'chain', label: 'tabChain' },
  { id: 'kpis', label: 'tabKpis' },
  { id: 'monitor', label: 'tabMonitor' },
  { id: 'revenue', label: 'tabRevenue' },
  { id: 'budget', label: 'tabBudget' },
  { id: 'priorities', label: 'tabPriorities' },
  { id: 'sync', label: 'tabSync' },
] as const satisfies ReadonlyArray<{ id: string; label: StringKey }>;

/** One tab. */
export type TabId = (typeof TABS)[number]['id'];

/** The tab a ribbon button opens (`home` → Start, `register` → Sync). */
export function tabOfView(view: PaneView): TabId {
  switch (view) {
    case 'home':
      return 'start';
    case 'register':
      return 'sync';
    default:
      return view;
  }
}
