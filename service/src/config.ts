/**
 * The register's configuration, read once from the environment (docs/configuration.md).
 * Every value has a default that runs the service locally on the embedded database.
 */
import path from 'node:path';
import { DEFAULT_MAX_TEXT_CHARS } from '../../io/limits';
import { projectRoot } from './paths';
import type { ScryptParams } from './auth/password';
import { DEFAULT_SCRYPT } from './auth/password';

/** OpenID Connect settings: when `issuer` is set, JWT bearer tokens are accepted too. */
export interface OidcConfig {
  issuer: string;
  audience: string;
  /** The issuer's JWKS URL (keys that sign its tokens). */
  jwksUrl: string;
  /** Claim that names the municipality (tenant); the default tenant when the claim is absent. */
  tenantClaim: string;
  /** Claim with the user's e-mail, matched to a user of the register. */
  emailClaim: string;
  /**
   * The register's client ID at the issuer: set, people can sign in in the browser by the
   * authorization code flow with PKCE (auth/oidc-browser.ts); null: bearer JWTs only.
   */
  clientId: string | null;
  /** The client's secret (a confidential client, `client_secret_basic`); null: a public one. */
  clientSecret: string | null;
  /** The redirect URI registered at the issuer; null: `<publicOrigin>/api/oidc/callback`. */
  redirectUrl: string | null;
}

/** Everything the service reads from its environment. */
export interface Config {
  host: string;
  port: number;
  /** The origin people reach the service at (manifest URLs); default `http(s)://localhost:PORT`. */
  publicOrigin: string;
  /** Origins allowed by CORS (the add-in's host); empty: same origin only. */
  corsOrigins: string[];
  /** Largest JSON body in bytes (413 above). */
  jsonLimitBytes: number;
  /** Largest `.xlsx` upload in bytes (413 above). */
  xlsxLimitBytes: number;
  /**
   * Most characters of cell text an `.xlsx` push may expand to, a shared string counted once
   * per cell that names it (413 above, before any row is built; io/scan.ts).
   */
  xlsxTextMaxChars: number;
  /** Most `.xlsx` files parsed at once (503 with `Retry-After` above; 0: no `.xlsx` pushes). */
  xlsxParses: number;
  /** Requests per client per window (429 above). */
  rateLimit: { windowMs: number; max: number };
  /** Default tenant (for OIDC tokens without a tenant claim, and for seeding). */
  defaultTenant: string;
  oidc: OidcConfig | null;
  /** Folder for the admin token file and the PGlite data (unless `PLAN_DATA_DIR`). */
  dataRoot: string;
  /** TLS certificate and key files; both set: HTTPS. */
  tls: { certFile: string; keyFile: string } | null;
  /** Built add-in folder served at `/addin/` when present. */
  addinDir: string;
  /** Built web app folder served at `/` when present (docs/web.md). */
  webDir: string;
  /** Seed the sample plan into an empty database on start. */
  seedSample: boolean;
  /** pino level. */
  logLevel: string;
  /** Express `trust proxy` (behind a reverse proxy, for client IPs in rate limits). */
  trustProxy: boolean;
  /** Bound of the in-memory cache of immutable versions, in bytes (0: no cache). */
  versionCacheBytes: number;
  /**
   * The HMAC key that signs the audit chains' heads kept in `<dataRoot>/audit-head/`; null:
   * the key file `<dataRoot>/audit-head.key`, made on first use (mode 0600).
   */
  auditHeadKey: string | null;
  /** Browser sessions and local accounts (docs/configuration.md, "People and sign-in"). */
  sessions: SessionConfig;
  /**
   * The SMTP server reminders are also e-mailed through (docs/configuration.md, "E-mail");
   * null: reminders are in-app only.
   */
  mail: MailConfig | null;
}

/** E-mail: an SMTP server and the sender's address. */
export interface MailConfig {
  /** `smtp://user:password@host:587` or `smtps://…:465` (nodemailer's connection URL). */
  url: string;
  /** The `From:` address. */
  from: string;
}

/** Sessions, sign-in limits and the lock-out. */
export interface SessionConfig {
  /**
   * The cookie's `Secure` attribute. False only with `PLAN_SESSION_INSECURE_HTTP=true`: a test
   * or a trial over plain HTTP on another host than localhost (browsers keep `Secure` cookies
   * from `http://localhost` anyway).
   */
  secureCookie: boolean;
  /** A session ends this long after sign-in, however it is used. */
  absoluteMs: number;
  /** A session ends after this long without a request. */
  idleMs: number;
  /** The window of the sign-in rate limits. */
  signInWindowMs: number;
  /** Sign-in attempts per client IP per window (429 above). */
  signInMaxPerIp: number;
  /** Sign-in attempts per account (municipality and e-mail, known or not) per window. */
  signInMaxPerAccount: number;
  /** Consecutive failed sign-ins of an account that lock it. */
  lockoutFailures: number;
  /** How long a locked account refuses every sign-in. */
  lockoutMs: number;
  /** scrypt's cost for new password hashes (`PLAN_SCRYPT_LOG2N`; tests lower it). */
  scrypt: ScryptParams;
}

/** 10 MB of JSON: a 10,000-row workbook as contract tables is ≈3 MB. */
const DEFAULT_JSON_LIMIT = 10 * 1_048_576;
/** 20 MB of `.xlsx`: a plan workbook with a few thousand rows is well under 5 MB. */
const DEFAULT_XLSX_LIMIT = 20 * 1_048_576;

/**
 * Two parses at once: a parse of a plan workbook takes ≈0.3 s and tens of MB, one at the
 * limits a few hundred MB (docs/reliability.md), so two bound the memory of a burst while an
 * honest second push rarely waits.
 */
const DEFAULT_XLSX_PARSES = 2;

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Reads the configuration from an environment (default `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env.PORT, 3000);
  const certFile = env.PLAN_TLS_CERT ?? '';
  const keyFile = env.PLAN_TLS_KEY ?? '';
  const tls = certFile !== '' && keyFile !== '' ? { certFile, keyFile } : null;
  const issuer = env.PLAN_OIDC_ISSUER ?? '';
  const dataRoot = path.resolve(env.PLAN_DATA_ROOT ?? '.data');
  const smtp = env.PLAN_SMTP_URL ?? '';
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    publicOrigin:
      env.PLAN_PUBLIC_ORIGIN ?? `${tls === null ? 'http' : 'https'}://localhost:${port}`,
    corsOrigins: list(env.PLAN_CORS_ORIGINS),
    jsonLimitBytes: int(env.PLAN_JSON_LIMIT_BYTES, DEFAULT_JSON_LIMIT),
    xlsxLimitBytes: int(env.PLAN_XLSX_LIMIT_BYTES, DEFAULT_XLSX_LIMIT),
    xlsxTextMaxChars: int(env.PLAN_XLSX_TEXT_MAX_CHARS, DEFAULT_MAX_TEXT_CHARS),
    xlsxParses: int(env.PLAN_XLSX_PARSES, DEFAULT_XLSX_PARSES),
    rateLimit: {
      windowMs: int(env.PLAN_RATE_WINDOW_MS, 60_000),
      max: int(env.PLAN_RATE_MAX, 600),
    },
    defaultTenant: env.PLAN_TENANT ?? 'sample',
    oidc:
      issuer === ''
        ? null
        : {
            issuer,
            audience: env.PLAN_OIDC_AUDIENCE ?? 'plan-register',
            jwksUrl: env.PLAN_OIDC_JWKS_URL ?? `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`,
            tenantClaim: env.PLAN_OIDC_TENANT_CLAIM ?? 'plan_tenant',
            emailClaim: env.PLAN_OIDC_EMAIL_CLAIM ?? 'email',
            clientId: env.PLAN_OIDC_CLIENT_ID || null,
            clientSecret: env.PLAN_OIDC_CLIENT_SECRET || null,
            redirectUrl: env.PLAN_OIDC_REDIRECT_URL || null,
          },
    dataRoot,
    tls,
    addinDir: path.resolve(env.PLAN_ADDIN_DIR ?? path.join(projectRoot(), 'addin', 'dist')),
    webDir: path.resolve(env.PLAN_WEB_DIR ?? path.join(projectRoot(), 'web', 'dist')),
    seedSample: (env.PLAN_SEED ?? 'sample') !== 'none',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.PLAN_TRUST_PROXY === 'true',
    versionCacheBytes: int(env.PLAN_VERSION_CACHE_MB, 64) * 1_048_576,
    auditHeadKey: env.PLAN_AUDIT_HEAD_KEY || null,
    sessions: {
      secureCookie: env.PLAN_SESSION_INSECURE_HTTP !== 'true',
      absoluteMs: int(env.PLAN_SESSION_HOURS, 12) * 3_600_000,
      idleMs: int(env.PLAN_SESSION_IDLE_MINUTES, 30) * 60_000,
      signInWindowMs: int(env.PLAN_SIGNIN_WINDOW_MINUTES, 15) * 60_000,
      signInMaxPerIp: int(env.PLAN_SIGNIN_MAX_PER_IP, 30),
      signInMaxPerAccount: int(env.PLAN_SIGNIN_MAX_PER_ACCOUNT, 10),
      lockoutFailures: Math.max(1, int(env.PLAN_LOCKOUT_FAILURES, 5)),
      lockoutMs: int(env.PLAN_LOCKOUT_MINUTES, 15) * 60_000,
      scrypt: {
        ...DEFAULT_SCRYPT,
        // 2^14 (16 MiB) at the least: below it a stolen hash is too cheap to try passwords on.
        N: 2 ** Math.min(20, Math.max(14, int(env.PLAN_SCRYPT_LOG2N, 17))),
      },
    },
    mail:
      smtp === ''
        ? null
        : { url: smtp, from: env.PLAN_MAIL_FROM || 'Plan Register <plan-register@localhost>' },
  };
}

/** A configuration for tests: defaults with overrides, nothing read from the environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), logLevel: 'silent', seedSample: false, ...overrides };
}
