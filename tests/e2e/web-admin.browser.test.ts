/**
 * The administration on the web (`/me/admin`; issue 15, "Administration in the browser"), in
 * headless Chromium against the real register (PGlite, the sample city; the seed writes each
 * role's local account to `local-accounts`): the administrator adds a stakeholder's member,
 * whose one-time password (shown once) then signs them in; changes their roles and disables
 * them, after which the sign-in is refused; adds a department; makes the practice
 * municipality. A preparer gets the register's refusal. Persian and English, 1280 and 390 px,
 * axe on each page; screenshots under tests/e2e/screenshots/web/ for a person to look at.
 */
/// <reference lib="dom" />
import request from 'supertest';
import { TENANT } from '../service/api-harness';
import { CHROMIUM, chromiumAvailable } from '../helpers/browser';
import type { WebRegister, WIDTHS } from '../helpers/web-register';
import { checkWebPage as check, openWebRegister } from '../helpers/web-register';

if (!chromiumAvailable)
  console.warn(`tests/e2e/web-admin.browser.test.ts skipped: no Chromium at ${CHROMIUM}`);
const describeInBrowser = chromiumAvailable ? describe : describe.skip;

describeInBrowser('the administration on the web', () => {
  let w: WebRegister;
  beforeAll(async () => {
    w = await openWebRegister();
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });
  const signedIn = (
    role: string,
    lang: 'fa' | 'en',
    width: keyof typeof WIDTHS,
    problems: string[],
  ) => w.signedIn(role, '/me/admin', lang, width, problems);

  it('adds a person who can then sign in, changes and disables them, adds a department, makes the practice municipality', async () => {
    const problems: string[] = [];
    const admin = await signedIn('admin', 'fa', 'desk', problems);
    // The seed's people are listed.
    await admin
      .locator('[data-testid="people"] tr[data-person="council@sample.example"]')
      .waitFor();
    await check(admin, 'fa', 'admin-fa-desk');

    // Add the NGO's new member: a one-time password, shown once.
    await admin.fill('input[name="email"]', 'member@ngo.example');
    await admin.fill('input[name="displayName"]', 'عضو تازه انجمن');
    await admin.getByRole('checkbox', { name: 'ذی‌نفع' }).check();
    await admin.fill('input[name="stakeholderId"]', 'SH03');
    await admin.getByTestId('add-person').click();
    const once = admin.getByTestId('shown-once');
    await once.waitFor();
    const password = (await once.getByTestId('secret').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    const signIn = (pw: string) =>
      request(w.h.app)
        .post('/api/session')
        .send({ municipality: TENANT, email: 'member@ngo.example', password: pw });
    const first = await signIn(password);
    expect(first.status).toBe(201);
    expect(first.body.mustChangePassword).toBe(true);
    expect(first.body.user).toMatchObject({ roles: ['stakeholder'], stakeholderId: 'SH03' });

    // Change them to the water company's representative, then disable them.
    const row = admin.locator('tr[data-person="member@ngo.example"]');
    await row.getByRole('button', { name: 'ویرایش' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'ذی‌نفع' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'دستگاه اجرایی' }).check();
    await dialog.locator('input[name="stakeholderId"]').fill('SH13');
    await dialog.getByRole('switch').check();
    await dialog.getByTestId('save-person').click();
    await row.getByText('غیرفعال').waitFor();
    const person = (
      await request(w.h.app)
        .get('/api/admin/people')
        .set('Authorization', `Bearer ${w.h.tokens.admin}`)
    ).body.find((p: { email: string }) => p.email === 'member@ngo.example');
    expect(person).toMatchObject({ roles: ['agency'], stakeholderId: 'SH13', disabled: true });
    expect((await signIn(password)).status).toBe(401);

    // A department, and the practice municipality (after a confirm step).
    await admin.fill('input[name="dept-code"]', 'D-NEW');
    await admin.fill('input[name="dept-name"]', 'معاونت نوسازی');
    await admin.getByTestId('add-department').click();
    await admin.locator('[data-testid="departments"]').getByText('D-NEW').waitFor();
    await admin.getByTestId('practice').click();
    await admin.getByTestId('practice-confirm').click();
    await admin.getByTestId('practice-made').waitFor({ timeout: 120_000 });
    expect(await admin.getByTestId('practice-made').innerText()).toContain('sample-practice');
    await check(admin, 'fa', 'admin-done-fa-desk');

    // English, on a phone.
    const phone = await signedIn('admin', 'en', 'phone', problems);
    await phone.locator('tr[data-person="member@ngo.example"]').getByText('Disabled').waitFor();
    await check(phone, 'en', 'admin-en-phone');

    // A preparer gets the register's refusal.
    const preparer = await signedIn('preparer', 'en', 'desk', problems);
    await preparer.getByTestId('failure').waitFor();
    // The header links a person only to the pages their roles open: the administrator's all.
    expect(await preparer.locator('header a').allInnerTexts()).toEqual([
      'The published plan',
      'My tokens',
      'The consultation',
    ]);
    await check(preparer, 'en', 'admin-refused-en-desk');

    expect(problems.filter((p) => !p.includes('403'))).toEqual([]);
    for (const p of [admin, phone, preparer]) await p.context().close();
  }, 300_000);
});
