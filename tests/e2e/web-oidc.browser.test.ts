/**
 * Signing in on the web with OpenID Connect (issue 15): the authorization code flow with PKCE
 * against a real OpenID Provider (`oidc-provider`, in its own process:
 * tests/helpers/oidc-provider.mjs) and the real register (PGlite, the sample city), in headless
 * Chromium. The sign-in page offers the organisation's account; the provider's login signs in
 * the sample's approver by e-mail; the register checks the code, the verifier, the state and
 * the nonce (openid-client), opens a session and goes back to the page asked for. A person the
 * municipality does not have, and a replayed callback, go back to the sign-in with its
 * message; the provider saw a PKCE challenge (S256) in every request.
 */
/// <reference lib="dom" />
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { Harness } from '../service/api-harness';
import { openHarness, TENANT } from '../service/api-harness';
import { axeViolations, formatFindings } from '../helpers/axe';
import { buildWeb, CHROMIUM, CHROMIUM_FLAGS, chromiumAvailable } from '../helpers/browser';

const SHOTS = path.join(__dirname, 'screenshots', 'web');

if (!chromiumAvailable)
  console.warn(`tests/e2e/web-oidc.browser.test.ts skipped: no Chromium at ${CHROMIUM}`);
const describeInBrowser = chromiumAvailable ? describe : describe.skip;

/** A port nobody listens on now. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

describeInBrowser('signing in on the web with OpenID Connect', () => {
  let dist: string;
  let h: Harness;
  let server: Server;
  let provider: ChildProcess;
  let base: string;
  let browser: Browser;
  const seen: string[] = [];
  const callbacks: string[] = [];

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'plan-web-'));
    buildWeb(dist);
    const [appPort, idpPort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${appPort}`;
    const issuer = `http://127.0.0.1:${idpPort}`;
    provider = spawn(
      process.execPath,
      [
        path.join(__dirname, '..', 'helpers', 'oidc-provider.mjs'),
        String(idpPort),
        `${base}/api/oidc/callback`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await new Promise<void>((resolve, reject) => {
      provider.stdout?.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) resolve();
      });
      provider.on('exit', (code) => reject(new Error(`the OpenID Provider exited (${code})`)));
    });
    h = await openHarness('pglite', {
      webDir: dist,
      publicOrigin: base,
      oidc: {
        issuer,
        audience: 'plan-register',
        jwksUrl: `${issuer}/jwks`,
        tenantClaim: 'plan_tenant',
        emailClaim: 'email',
        clientId: 'plan-register',
        clientSecret: 'plan-register-test-secret',
        redirectUrl: null,
      },
    });
    server = await new Promise<Server>((resolve) => {
      const s = h.app.listen(appPort, '127.0.0.1', () => resolve(s));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    provider?.kill();
    await h?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  /** Signs in at the provider as `email` from the register's sign-in page. */
  async function throughProvider(email: string, lang: 'fa' | 'en') {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('request', (r) => {
      if (r.url().includes('/auth?')) seen.push(r.url());
      if (r.url().includes('/api/oidc/callback')) callbacks.push(r.url());
    });
    const q = lang === 'en' ? '&lang=en' : '';
    await page.goto(`${base}/signin?next=${encodeURIComponent('/me/tokens')}${q}`);
    const button = page.getByTestId('oidc');
    await button.waitFor();
    await page.screenshot({ path: path.join(SHOTS, `signin-oidc-${lang}.png`), fullPage: true });
    const found = await axeViolations(page);
    expect(formatFindings(found)).toBe('');
    await button.click();
    // The provider's own login form (oidc-provider's development interaction).
    await page.waitForSelector('input[name="login"]');
    await page.fill('input[name="login"]', email);
    await page.fill('input[name="password"]', 'any');
    await page.click('button[type="submit"]');
    return page;
  }

  it('signs the approver in and goes back to the page asked for', async () => {
    const page = await throughProvider(`approver@${TENANT}.example`, 'en');
    await page.waitForURL(`${base}/me/tokens?lang=en`);
    await page.waitForSelector('[data-testid="signed-in"]');
    expect(await page.innerText('[data-testid="signed-in"]')).toContain('Signed in as');
    // A session like a password's: the API answers with it, method oidc.
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    expect(session).toMatchObject({
      method: 'oidc',
      user: { email: `approver@${TENANT}.example` },
    });
    // The authorization request carried a PKCE challenge (S256), a state and a nonce.
    const auth = new URL(seen.at(-1) ?? '');
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')?.length).toBeGreaterThanOrEqual(43);
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    expect(auth.searchParams.get('redirect_uri')).toBe(`${base}/api/oidc/callback`);
    await page.context().close();
  }, 120_000);

  it('sends a person the municipality does not have back to the sign-in, with its message', async () => {
    const page = await throughProvider('stranger@elsewhere.example', 'fa');
    await page.waitForURL(/\/signin\?oidc=failed/);
    await page.getByTestId('oidc-failed').waitFor();
    expect(await page.innerText('[data-testid="oidc-failed"]')).toContain(
      'ورود با حساب سازمانی انجام نشد',
    );
    await page.screenshot({ path: path.join(SHOTS, 'signin-oidc-failed-fa.png'), fullPage: true });
    const session = await page.evaluate(async () => (await fetch('/api/session')).status);
    expect(session).toBe(401);
    await page.context().close();
  }, 120_000);

  it('refuses a callback replayed, in the same browser or another', async () => {
    const page = await throughProvider(`council@${TENANT}.example`, 'fa');
    await page.waitForURL(`${base}/me/tokens`);
    const callback = callbacks.at(-1) ?? '';
    expect(callback).toContain('code=');
    // The same browser again: its pending sign-in was used up.
    await page.goto(callback);
    await page.waitForURL(/\/signin\?oidc=failed/);
    // Another browser, without the cookie: nothing pending at all.
    const other = await browser.newContext();
    const replay = await other.newPage();
    await replay.goto(callback);
    await replay.waitForURL(/\/signin\?oidc=failed/);
    expect(await replay.evaluate(async () => (await fetch('/api/session')).status)).toBe(401);
    await other.close();
    await page.context().close();
  }, 120_000);
});
