/**
 * A real OpenID Provider for the browser sign-in's tests: `oidc-provider` (panva's certified
 * implementation), on 127.0.0.1, with one confidential client (the register) whose redirect
 * URI is given, PKCE required, and its development login form, which signs in whatever login
 * is typed: the login is the account and its e-mail (verified), so a test signs in as a person
 * of the sample city by typing their e-mail. Consent is granted on first use.
 *
 *   node tests/helpers/oidc-provider.mjs <port> <redirect URI>
 *
 * Prints `ready` once it listens. A test's helper only: never run as a service.
 */
import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'plan-register',
      client_secret: 'plan-register-test-secret',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  scopes: ['openid', 'email', 'profile'],
  async findAccount(_ctx, sub) {
    return {
      accountId: sub,
      async claims() {
        return { sub, email: sub, email_verified: true, name: sub };
      },
    };
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['plan-register-test-cookie-key'] },
  async loadExistingGrant(ctx) {
    const { client, session } = ctx.oidc;
    const id = session.grantIdFor(client.clientId);
    if (id) return ctx.oidc.provider.Grant.find(id);
    const grant = new ctx.oidc.provider.Grant({
      clientId: client.clientId,
      accountId: session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['email', 'email_verified', 'name']);
    await grant.save();
    return grant;
  },
});

provider.listen(Number(port), '127.0.0.1', () => {
  process.stdout.write('ready\n');
});
