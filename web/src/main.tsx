/** @jsxRuntime automatic */
/** The page's entry: the app over the browser's `fetch`, for the municipality the page names. */
// First: it configures zod before the core's schemas are built.
import './strictCsp';
import 'vazirmatn/Vazirmatn-Variable-font-face.css';
import { DEFAULT_MUNICIPALITY_META, OIDC_META } from '#core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
const municipality =
  document.querySelector<HTMLMetaElement>(`meta[name="${DEFAULT_MUNICIPALITY_META}"]`)?.content ||
  'sample';
// The register says so when people may sign in with OpenID Connect.
const oidc = document.querySelector<HTMLMetaElement>(`meta[name="${OIDC_META}"]`)?.content === 'on';
if (root !== null)
  createRoot(root).render(
    <StrictMode>
      <App services={{ fetch: (url, init) => window.fetch(url, init), municipality, oidc }} />
    </StrictMode>,
  );
