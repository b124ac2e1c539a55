/** Mounts the pane into the page (loaded on demand, so the functions start without React). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Pane } from './Pane';

/** Renders the pane into `element`. */
export function mountPane(element: HTMLElement): void {
  createRoot(element).render(
    <StrictMode>
      <Pane />
    </StrictMode>,
  );
}
