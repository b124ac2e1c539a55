/**
 * The register's web face (docs/web.md): the built app (`web/dist`) served at `/`. Its page,
 * `index.html`, answers every address of the app (`isWebPath`: `/`, `/plan/…`, the sign-in
 * `/signin` and a person's pages `/me/…`), so that a
 * shared address opens where it points; the bundles under `/assets/` carry a content hash in
 * their names and are cached for a year. Every other path (`/api`, `/addin`, `/help`,
 * `/manifest.xml`, …) is left to its own routes, and an unknown one to the JSON 404.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { RequestHandler, Router } from 'express';
import {
  DEFAULT_MUNICIPALITY_META,
  OIDC_META,
  isWebPath,
  LATEST,
  parseWebPath,
  PUBLIC_PATHS,
} from '#core';

/** Where the app's hashed bundles are served. */
export const WEB_ASSETS_PATH = '/assets';

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The app's page and bundles from `webDir`, or null when it is not built there. The page
 * names `municipality` (the register's own, `PLAN_TENANT`), whose plan `/` shows.
 */
export function webApp(
  webDir: string,
  municipality: string,
  notSourceMaps: RequestHandler,
  options: { oidc?: boolean } = {},
): Router | null {
  const file = path.join(webDir, 'index.html');
  if (!existsSync(file)) return null;
  const meta =
    `<meta name="${DEFAULT_MUNICIPALITY_META}" content="${escapeAttribute(municipality)}" />` +
    (options.oidc === true ? `\n<meta name="${OIDC_META}" content="on" />` : '');
  const router = express.Router();
  router.use(
    WEB_ASSETS_PATH,
    notSourceMaps,
    express.static(path.join(webDir, 'assets'), { immutable: true, maxAge: '365d', index: false }),
  );
  router.get(/.*/, (req, res, next) => {
    if (!isWebPath(req.path)) {
      next();
      return;
    }
    // The page names the bundles of this build: revalidated on every visit (express's ETag),
    // while the bundles themselves never change under their names.
    // The plan the page will ask for, fetched by the browser while it reads the bundle.
    const route = parseWebPath(req.path);
    let preload = '';
    if (route !== null) {
      const code = route.municipality ?? municipality;
      const api =
        route.snapshot === LATEST
          ? PUBLIC_PATHS.plan(code)
          : PUBLIC_PATHS.snapshot(code, route.snapshot.cycleStart, route.snapshot.number);
      preload = `<link rel="preload" href="${escapeAttribute(api)}" as="fetch" crossorigin="anonymous" />\n`;
    }
    // Read on each visit (a small file): a new build is served without a restart.
    const page = readFileSync(file, 'utf8').replace('</head>', `${meta}\n${preload}</head>`);
    res.set('Cache-Control', 'no-cache').type('html').send(page);
  });
  return router;
}
