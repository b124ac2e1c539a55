/**
 * Writes the add-in's XML manifest for a given base URL from `addin/manifest.template.xml`,
 * and keeps the manifest `<Version>` tied to the custom functions metadata: Office caches
 * `functions.json` for about a day and only refetches it when the manifest version changes,
 * so every change of the metadata needs a new version (see `manifest-versions.json`).
 * Build-time code (Node): used by `addin/vite.config.ts`, `scripts/addin-manifest.ts` and tests.
 */
import { createHash } from 'node:crypto';

/** Where the service serves the built add-in by default (the dev service on port 3000). */
export const DEFAULT_BASE_URL = 'https://localhost:3000/addin/';

/** One released manifest version and the metadata it was released with. */
export interface ManifestRelease {
  /** Manifest `<Version>`: four dot-separated numbers, e.g. `1.0.0.0`. */
  version: string;
  /** `metadataHash` of `functions.json` and `functions.fa-IR.json` at that version. */
  metadataSha256: string;
  /** Why the version moved (what changed in the functions). */
  note: string;
}

/** The history kept in `addin/manifest-versions.json`, oldest first. */
export interface ManifestHistory {
  releases: ManifestRelease[];
}

/** A base URL checked and normalised: https (Office loads add-ins over TLS only), ends with `/`. */
export function normaliseBaseUrl(input: string): URL {
  const url = new URL(input);
  if (url.protocol !== 'https:') throw new Error(`add-in base URL must be https: ${input}`);
  if (url.search || url.hash) throw new Error(`add-in base URL takes no query or hash: ${input}`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** Manifest `<Version>` format (the XML schema's `VersionType`: up to four numbers). */
const VERSION_PATTERN = /^\d{1,5}(\.\d{1,5}){0,3}$/;

/** Compares two manifest versions numerically; negative when `a` is older. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The current (last) release of a history; throws when the history is malformed. */
export function currentRelease(history: ManifestHistory): ManifestRelease {
  const last = history.releases.at(-1);
  if (!last) throw new Error('manifest-versions.json has no releases');
  for (const r of history.releases)
    if (!VERSION_PATTERN.test(r.version)) throw new Error(`bad manifest version ${r.version}`);
  return last;
}

/**
 * SHA-256 of the custom functions metadata in both languages, over canonical JSON (parsed and
 * re-serialised), so formatting does not count as a change but any field does.
 */
export function metadataHash(en: unknown, fa: unknown): string {
  const canonical = (v: unknown) => JSON.stringify(v);
  return createHash('sha256')
    .update(canonical(en))
    .update('\n')
    .update(canonical(fa))
    .digest('hex');
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Fills the manifest template for a base URL and version. */
export function renderManifest(template: string, baseUrl: string, version: string): string {
  const base = normaliseBaseUrl(baseUrl);
  if (!VERSION_PATTERN.test(version)) throw new Error(`bad manifest version ${version}`);
  const values: Record<string, string> = {
    BASE_URL: base.href,
    ORIGIN: base.origin,
    VERSION: version,
  };
  const note =
    '<!-- Generated from addin/manifest.template.xml by scripts/addin-manifest.ts for ' +
    `${escapeXml(base.href).replace(/--/g, '- -')}: edit the template, not this file. One shared runtime (task pane, ` +
    'custom functions, ribbon commands) on Taskpane.Url. -->';
  const out = template
    .replace(/<!-- template:[\s\S]*?-->/, note)
    .replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`unknown manifest placeholder ${whole}`);
      return escapeXml(value);
    });
  return out;
}
