/** @jsxRuntime automatic */
/** Mounts the pane into the page (loaded on demand, so the functions start without React). */
import { languageOfLocale } from '#core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The URL of HiGHS's WebAssembly in the build (Vite copies it into assets/ with a hash).
import solverWasmUrl from 'highs/runtime?url';
import { paneOffice } from '../office/pane';
import { Pane } from './Pane';

/** Renders the pane into `element`; `displayLanguage` is Office's (`fa-IR`, `en-US`). */
export function mountPane(element: HTMLElement, displayLanguage?: string): void {
  const initialLang = languageOfLocale(displayLanguage);
  createRoot(element).render(
    <StrictMode>
      <Pane
        services={{
          office: paneOffice(),
          store: window.localStorage,
          defaultServer: window.location.origin,
          solverWasmUrl,
        }}
        initialLang={initialLang}
      />
    </StrictMode>,
  );
}
