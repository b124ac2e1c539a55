/**
 * The browser's address as the app's state: the page (`parseWebPath`), the language
 * (`?lang=`), and navigation by `history.pushState` so that every page keeps an address a
 * person can copy, bookmark and share (docs/web.md).
 */
import { useCallback, useEffect, useState } from 'react';

/** The address's path and query. */
export interface Address {
  pathname: string;
  search: string;
  hash: string;
}

const EVENT = 'plan-register:navigate';

const current = (): Address => ({
  pathname: window.location.pathname,
  search: window.location.search,
  hash: window.location.hash,
});

/** Goes to `href` (an address of this origin) without reloading the page. */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(EVENT));
}

/** The current address, updated on navigation and on the browser's back and forward. */
export function useAddress(): Address {
  const [address, setAddress] = useState(current);
  const update = useCallback(() => setAddress(current()), []);
  useEffect(() => {
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, [update]);
  return address;
}

/**
 * A link's click handler: an ordinary left click navigates inside the app; a click with a
 * modifier (new tab, new window, download) is left to the browser.
 */
export function onLinkClick(href: string) {
  return (e: {
    button: number;
    metaKey: boolean;
    ctrlKey: boolean;
    shiftKey: boolean;
    altKey: boolean;
    defaultPrevented: boolean;
    preventDefault(): void;
  }) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    e.preventDefault();
    navigate(href);
  };
}
