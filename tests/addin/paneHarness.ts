/**
 * What every jsdom test of the pane sets up, once: the pane's root component (its modules are
 * .tsx and the Node projects have no JSX, so it is loaded with `require` and typed here; see
 * docs/addin.md, "Tests"), jsdom's missing `ResizeObserver`, the clean-up after each test, and
 * the pane rendered over the fake Excel host, opened on a tab.
 *
 * Importing this module registers the `afterEach` clean-up in the importing test file.
 */
/// <reference lib="dom" />
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import { createElement } from 'react';
import type { ComponentType } from 'react';
import type { Fetch, Language, RawWorkbook } from '#core';
import type { PaneServices } from '../../addin/src/taskpane/services';
import { setView } from '../../addin/src/taskpane/paneState';
import type { FakeOffice } from './taskpaneFakes';
import { fakeOffice, memoryStore } from './taskpaneFakes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Pane } = require('../../addin/src/taskpane/Pane') as {
  Pane: ComponentType<{ services: PaneServices; initialLang?: Language }>;
};

// jsdom has no ResizeObserver; Fluent's tab list measures itself with one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

afterEach(() => {
  cleanup();
  setView('home');
});

/** Renders the pane over `services`, in `initialLang` when given (else its own choice). */
export function renderPane(services: PaneServices, initialLang?: Language): RenderResult {
  return render(createElement(Pane, { services, ...(initialLang ? { initialLang } : {}) }));
}

/** The store of a planner who signed in to `server` before (the connection Sync keeps). */
export function signedInStore(server = 'https://plan.example', token = 'plan_sample_secret') {
  const store = memoryStore();
  store.setItem('plan-register.connection', JSON.stringify({ server, token }));
  return store;
}

/** What `openPane` rendered: the fake adapter and host, the store, Testing Library's result. */
export interface OpenPane {
  office: FakeOffice;
  store: ReturnType<typeof memoryStore>;
  view: RenderResult;
}

/**
 * The pane over a fake Excel holding `workbook`, in `lang` (default English), after its first
 * read of the workbook, on `tab` (a tab's name in that language) when given.
 */
export async function openPane(
  workbook: RawWorkbook,
  options: {
    lang?: Language;
    tab?: string;
    store?: ReturnType<typeof memoryStore>;
    fetch?: Fetch;
    defaultServer?: string;
  } = {},
): Promise<OpenPane> {
  const office = fakeOffice(workbook);
  const store = options.store ?? memoryStore();
  const services: PaneServices = {
    office,
    store,
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.defaultServer !== undefined && { defaultServer: options.defaultServer }),
  };
  const view = renderPane(services, options.lang ?? 'en');
  await waitFor(() => expect(office.reads).toBe(1));
  if (options.tab !== undefined) fireEvent.click(screen.getByRole('tab', { name: options.tab }));
  return { office, store, view };
}
