/**
 * Builds the register's express app (tests drive it with supertest; `index.ts` only
 * listens): security headers, CORS for configured origins, request ids and structured logs,
 * body limits, rate limits, authentication, the API, the OpenAPI document, the health check,
 * the built add-in and its manifest, the web face, and the one error handler.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import type { JWTVerifyGetKey } from 'jose';
import { OIDC_START_PATH } from '#core';
import { authenticate } from './auth';
import { signIn } from './auth/session';
import { OIDC_CALLBACK_PATH, oidcBrowser, oidcBrowserEnabled } from './auth/oidc-browser';
import type { OidcVerifier } from './auth/oidc';
import { oidcVerifier } from './auth/oidc';
import type { Config } from './config';
import type { AppDeps } from './handlers/context';
import type { ReadXlsx } from './handlers/upload';
import { bodyLimit } from './http/body-limit';
import { apiError, errorHandler, notFoundRoute } from './http/errors';
import { HELP_PATH, helpApi, helpPages } from './help';
import type { Mailer } from './mail';
import { smtpMailer } from './mail';
import { projectRoot } from './paths';
import { openApiDocument } from './openapi';
import type { Repositories } from './repositories';
import { apiRouter, XLSX_TYPE } from './routes';
import { publicRouter } from './routes/public';
import { webApp } from './web';

/** What the app is built from. */
export interface AppOptions {
  repos: Repositories;
  config: Config;
  /** `pglite` or `postgres`, shown by the health check. */
  databaseKind: string;
  logger?: Logger;
  /** Replaces the remote JWKS of the OIDC issuer (tests). */
  oidcKeys?: JWTVerifyGetKey;
  /** Replaces the reader of pushed `.xlsx` files (tests count parses). */
  readXlsx?: ReadXlsx;
  /** Replaces the SMTP mailer of `config.mail` (none is made when given). */
  mailer?: Mailer | null;
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** Room for a multipart form's boundaries, part headers and small fields beside the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** Headers a browser client (the add-in) may send and read. */
const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, If-Match, Idempotency-Key, X-Request-Id';
// No `Access-Control-Allow-Credentials`: another origin's page never gets the session cookie
// sent with its requests, so the session serves this origin's pages only.
const CORS_EXPOSE_HEADERS =
  'ETag, X-Request-Id, Idempotent-Replayed, X-Plan-Regenerated, Retry-After';

function cors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin !== undefined && allowed.has(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
      res.vary('Origin');
      if (req.method === 'OPTIONS') {
        res.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.set('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
        res.set('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    }
    next();
  };
}

/** The readable API page: Redoc rendering `/api/docs`, from this origin only. */
export const API_REFERENCE_PATH = '/api/reference';

/** The only address outside this origin in Redoc's bundle: the "API docs by Redocly" logo. */
const REDOC_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';

/**
 * Redoc's self-contained bundle (the `redoc` package), read once, with its footer logo made an
 * empty inline image: the page then asks nothing of any other origin (the logo would tell
 * Redocly's CDN who reads the API, and the page's policy would block it anyway).
 */
let redocBundle: Buffer | null = null;
function redocStandalone(): Buffer {
  redocBundle ??= Buffer.from(
    readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8').replaceAll(
      REDOC_LOGO,
      "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E",
    ),
  );
  return redocBundle;
}

/**
 * The page: no inline script (Redoc starts itself from the `<redoc>` element). `disable-search`:
 * Redoc's search runs in a Web Worker made from a `blob:` URL, which this page's policy does
 * not allow (a page of two dozen operations is searched with the browser's own find).
 */
const API_REFERENCE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Plan Register API</title>
<link rel="icon" href="data:,">
</head>
<body>
<redoc spec-url="/api/docs" disable-search></redoc>
<script src="${API_REFERENCE_PATH}/redoc.standalone.js"></script>
</body>
</html>
`;

/**
 * The API page's own Content-Security-Policy (the rest of the register keeps helmet's). Redoc
 * styles itself with styled-components, which writes `<style>` elements at run time and sets
 * `style` attributes: `style-src 'unsafe-inline'` is needed, here only. Scripts, the document
 * (`connect-src`) and images come from this origin (images also as `data:` URLs, Redoc's
 * icons); nothing may frame the page, submit a form or set a base URL.
 */
export const API_REFERENCE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Where the built add-in is served (the manifest's URLs point here). */
export const ADDIN_PATH = '/addin';

/** The add-in's manifest for this server's public origin (from `addin/manifest.template.xml`). */
export function manifestXml(publicOrigin: string): string | null {
  const repo = projectRoot();
  const template = path.join(repo, 'addin', 'manifest.template.xml');
  if (!existsSync(template)) return null;
  let version = '1.0.0.0';
  try {
    const versions = JSON.parse(
      readFileSync(path.join(repo, 'addin', 'manifest-versions.json'), 'utf8'),
    ) as { releases?: { version?: string }[] };
    version = versions.releases?.at(-1)?.version ?? version;
  } catch {
    // No release list: the first version.
  }
  const origin = publicOrigin.replace(/\/$/, '');
  return readFileSync(template, 'utf8')
    .replace(/<!-- template:[\s\S]*?-->\n?/, '')
    .replaceAll('{{BASE_URL}}', `${origin}${ADDIN_PATH}/`)
    .replaceAll('{{ORIGIN}}', origin)
    .replaceAll('{{VERSION}}', version);
}

/**
 * Helmet's headers, with HSTS and CSP `upgrade-insecure-requests` only on a request that came
 * over HTTPS (`req.secure`: the socket's TLS, or, with `PLAN_TRUST_PROXY`, the proxy's
 * `X-Forwarded-Proto`). Over plain HTTP (a local trial, a test, a proxy not trusted) they
 * would be wrong: browsers ignore HSTS there (RFC 6797 §8.1), and `upgrade-insecure-requests`
 * sends the page's own requests to an `https://` the register may not serve, breaking it.
 */
function securityHeaders(config: Config): RequestHandler {
  const directives = {
    // 'wasm-unsafe-eval': the pane compiles the HiGHS solver (WebAssembly) for the optimal
    // portfolio; it allows WebAssembly only, not JavaScript eval.
    'script-src': ["'self'", "'wasm-unsafe-eval'", 'https://appsforoffice.microsoft.com'],
    'frame-ancestors': [
      "'self'",
      'https://*.officeapps.live.com',
      'https://*.office.com',
      'https://*.sharepoint.com',
    ],
    'connect-src': ["'self'", ...config.corsOrigins],
  };
  // The task pane runs inside Office (an iframe on Office on the web), and loads office.js
  // from Microsoft's CDN (a store requirement; toolchain.md).
  const secure = helmet({ frameguard: false, contentSecurityPolicy: { directives } });
  const plain = helmet({
    frameguard: false,
    strictTransportSecurity: false,
    contentSecurityPolicy: { directives: { ...directives, 'upgrade-insecure-requests': null } },
  });
  return (req, res, next) => (req.secure ? secure : plain)(req, res, next);
}

/**
 * Source maps of the built add-in are not served: they hold the sources (and comments) of the
 * pane and the core, which people of the municipality need not be handed; vite writes them
 * `hidden` (no `sourceMappingURL` in the bundles) for whoever debugs a build locally.
 */
const notSourceMaps: RequestHandler = (req, _res, next) => {
  if (/\.map$/i.test(req.path)) next(apiError('NOT_FOUND', 'این نشانی نیست.', 'Not found.'));
  else next();
};

/** Builds the app. */
export function createApp(options: AppOptions): express.Express {
  const { repos, config } = options;
  const logger = options.logger ?? pino({ level: config.logLevel });
  const mailer = options.mailer ?? (config.mail === null ? null : smtpMailer(config.mail));
  const deps: AppDeps = { repos, config, logger, databaseKind: options.databaseKind, mailer };
  const oidc: OidcVerifier | null =
    config.oidc === null ? null : oidcVerifier(config.oidc, config.defaultTenant, options.oidcKeys);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Never log bearer tokens.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    }),
  );
  app.use(securityHeaders(config));
  app.use(cors(config.corsOrigins));
  app.use(
    rateLimit({
      windowMs: config.rateLimit.windowMs,
      limit: config.rateLimit.max,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, _res, next) =>
        next(
          apiError(
            'RATE_LIMITED',
            'درخواست‌ها بیش از حد مجاز است؛ کمی بعد دوباره بکوشید.',
            'Too many requests; try again shortly.',
          ),
        ),
    }),
  );
  app.use(
    bodyLimit((req) => {
      if (req.is('application/json')) return config.jsonLimitBytes;
      if (req.is(XLSX_TYPE)) return config.xlsxLimitBytes;
      // The file plus the form's boundaries and headers.
      if (req.is('multipart/form-data')) return config.xlsxLimitBytes + MULTIPART_OVERHEAD;
      return null;
    }, logger),
  );
  app.use(express.json({ limit: config.jsonLimitBytes, strict: true }));

  app.get('/health', async (_req, res) => {
    try {
      await repos.tenants.get(config.defaultTenant);
      res.json({ status: 'ok', database: deps.databaseKind });
    } catch (error) {
      logger.error({ err: error }, 'health check failed');
      res.status(503).json({
        code: 'UNAVAILABLE',
        message: { fa: 'پایگاه داده در دسترس نیست.', en: 'The database is unavailable.' },
      });
    }
  });
  const apiDocument = openApiDocument();
  app.get(['/api/docs', '/api/openapi.json'], (_req, res) => {
    res.json(apiDocument);
  });
  app.get(API_REFERENCE_PATH, (_req, res) => {
    res.set('Content-Security-Policy', API_REFERENCE_CSP).type('html').send(API_REFERENCE_PAGE);
  });
  app.get(`${API_REFERENCE_PATH}/redoc.standalone.js`, (_req, res) => {
    res
      .set('Cache-Control', 'public, max-age=86400')
      .type('application/javascript')
      .send(redocStandalone());
  });
  // The help is public: a finding's link opens it without a login.
  app.use(HELP_PATH, helpPages());
  app.use('/api/help', helpApi());
  // The published plan is public: no sign-in (routes/public.ts).
  app.use('/api/public', publicRouter(deps));
  // Signing in is the one state change without a principal (auth/session.ts).
  app.post('/api/session', signIn(deps));
  // …and in the browser by OpenID Connect, where configured (auth/oidc-browser.ts).
  const browserOidc = oidcBrowser(deps);
  if (browserOidc !== null) {
    app.get(OIDC_START_PATH, browserOidc.start);
    app.get(OIDC_CALLBACK_PATH, browserOidc.callback);
  }
  app.use(
    '/api',
    authenticate(repos, oidc, config.sessions),
    apiRouter(deps, options.readXlsx === undefined ? {} : { readXlsx: options.readXlsx }),
  );

  const manifest = manifestXml(config.publicOrigin);
  if (manifest !== null)
    app.get('/manifest.xml', (_req, res) => {
      res.type('application/xml').send(manifest);
    });
  if (existsSync(config.addinDir))
    app.use(ADDIN_PATH, notSourceMaps, express.static(config.addinDir, { index: 'taskpane.html' }));
  // The web face at `/` (its own addresses only; docs/web.md).
  const web = webApp(config.webDir, config.defaultTenant, notSourceMaps, {
    oidc: oidcBrowserEnabled(config),
  });
  if (web !== null) app.use(web);

  app.use(notFoundRoute);
  app.use(errorHandler(logger));
  return app;
}
