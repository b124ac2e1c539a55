/**
 * Talking to a register server from the command line: the stored credentials (`plan login`),
 * the register's client (`RegisterClient`, over Node's `fetch`), and its failures as
 * bilingual problems. The token is read
 * from the credentials file or `PLAN_TOKEN` and sent only in the `Authorization` header; it is
 * never printed.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ApiFailure, Fetch } from '#core';
import { RegisterClient, fsi } from '#core';
import type { CliProblem } from './io';
import { EXIT } from './io';
import type { Loaded } from './load';

/** Where a server is and the token to use there. */
export interface Credentials {
  server: string;
  token: string;
}

/** The environment the credentials are looked up in (tests pass their own). */
export type CliEnv = Readonly<Record<string, string | undefined>>;

/**
 * The credentials file: `$XDG_CONFIG_HOME/plan-register/credentials.json`, or
 * `~/.config/plan-register/credentials.json` (the XDG base-directory default), or
 * `PLAN_CREDENTIALS_FILE` when set.
 */
export function credentialsPath(env: CliEnv = process.env): string {
  if (env.PLAN_CREDENTIALS_FILE) return env.PLAN_CREDENTIALS_FILE;
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
  return path.join(base, 'plan-register', 'credentials.json');
}

/** A server URL without a trailing slash, or null when it is not an http(s) URL. */
export function normalizeServer(server: string): string | null {
  try {
    const url = new URL(server);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.toString().replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** Stores credentials, readable by the user only (mode 0600). */
export async function saveCredentials(
  creds: Credentials,
  env: CliEnv = process.env,
): Promise<Loaded<string>> {
  const file = credentialsPath(env);
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, JSON.stringify(creds, null, 2) + '\n', { mode: 0o600 });
    // `mode` applies only when the file is created: an older file is tightened too.
    await chmod(file, 0o600);
    return { ok: true, value: file };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return {
      ok: false,
      problem: {
        code: EXIT.input,
        message: {
          fa: `ذخیره اطلاعات ورود در «${fsi(file)}» ممکن نشد (${code})`,
          en: `could not store the credentials in "${file}" (${code})`,
        },
      },
    };
  }
}

/** The credentials to use: `PLAN_SERVER`/`PLAN_TOKEN` over the stored file. */
export async function loadCredentials(env: CliEnv = process.env): Promise<Loaded<Credentials>> {
  let stored: Partial<Credentials> = {};
  try {
    const parsed = JSON.parse(await readFile(credentialsPath(env), 'utf8')) as unknown;
    if (parsed !== null && typeof parsed === 'object') stored = parsed as Partial<Credentials>;
  } catch {
    // No file (or an unreadable one): the environment may still have both values.
  }
  const server = env.PLAN_SERVER || stored.server;
  const token = env.PLAN_TOKEN || stored.token;
  const normalized = typeof server === 'string' ? normalizeServer(server) : null;
  if (normalized === null || typeof token !== 'string' || token === '')
    return {
      ok: false,
      problem: {
        code: EXIT.input,
        message: {
          fa: 'نشانی سرور یا توکن را نمی‌دانم؛ نخست «\u2066plan login --server URL --token TOKEN\u2069» را اجرا کنید (یا \u2066PLAN_SERVER\u2069 و \u2066PLAN_TOKEN\u2069 را بگذارید)',
          en: 'no server or token; run "plan login --server URL --token TOKEN" first (or set PLAN_SERVER and PLAN_TOKEN)',
        },
        helpFor: 'login',
      },
    };
  return { ok: true, value: { server: normalized, token } };
}

/** Node's `fetch`, as the register's client takes it. */
const nodeFetch: Fetch = (url, init) => fetch(url, init);

/** The register's client for these credentials (`fetcher`: tests may pass another). */
export function clientOf(creds: Credentials, fetcher: Fetch = nodeFetch): RegisterClient {
  return new RegisterClient(creds, fetcher);
}

/**
 * A failed call as a problem: the server's bilingual message with its code and status.
 * Refusals about the content (findings, conflicts, a workflow step not allowed now) exit 1;
 * everything else (no access, not found, bad request, server down) exits 2.
 */
export function refusal(creds: Credentials, error: ApiFailure): CliProblem {
  if (error.code === 'NETWORK') {
    const cause = error.cause ?? error.message.en;
    return {
      code: EXIT.input,
      message: {
        fa: `سرور ${creds.server} در دسترس نیست (${cause})`,
        en: `the server ${creds.server} cannot be reached (${cause})`,
      },
    };
  }
  const content = error.status === 409 || error.status === 422;
  const code = content ? EXIT.findings : EXIT.input;
  // Not the API's own error body (a proxy's page, say), or an answer this client cannot read.
  if (error.code.startsWith('HTTP_') || error.code === 'INVALID_RESPONSE')
    return { code: EXIT.input, message: error.message };
  const hint =
    error.status === 401
      ? {
          fa: '؛ توکن پذیرفته نشد، دوباره \u2066plan login\u2069 کنید',
          en: '; the token was not accepted, run plan login again',
        }
      : { fa: '', en: '' };
  return {
    code,
    message: {
      fa: `${error.message.fa} [${error.code}، ${error.status}]${hint.fa}`,
      en: `${error.message.en} [${error.code}, ${error.status}]${hint.en}`,
    },
  };
}
