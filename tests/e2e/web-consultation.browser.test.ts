/**
 * The consultation on the web (`/me/consultation`; issue 15, "Stakeholders"), in headless
 * Chromium against the real register (PGlite, the sample city; the seed writes each role's
 * local account to `local-accounts`): the approver opens a consultation; the NGO's member
 * (SH03) proposes a change to a project, by keyboard, in a text that looks like HTML (shown as
 * text), and endorses it for the organisation; the water company's representative (SH13)
 * comments in English; the approver rejects the proposal with a reason and hides the comment
 * with a reason; the stakeholder follows the proposal to its answer; the agency's person no
 * the stakeholder no longer sees the hidden comment, its author sees why it is hidden. Persian and English, 1280 and 390 px, axe on each page;
 * screenshots under tests/e2e/screenshots/web/ (not committed) for a person to look at.
 */
/// <reference lib="dom" />
import { CHROMIUM, chromiumAvailable } from '../helpers/browser';
import type { WebRegister } from '../helpers/web-register';
import { checkWebPage as check, openWebRegister, WIDTHS } from '../helpers/web-register';

if (!chromiumAvailable)
  console.warn(`tests/e2e/web-consultation.browser.test.ts skipped: no Chromium at ${CHROMIUM}`);
const describeInBrowser = chromiumAvailable ? describe : describe.skip;

/** What a stakeholder might paste: markup, which the page must show as the text it is. */
const PROPOSAL = '<b>بخشی</b> از هزینه ۱۴۰۶ به ۱۴۰۵ برود <script>alert(1)</script>';

describeInBrowser('the consultation on the web', () => {
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
  ) => w.signedIn(role, '/me/consultation', lang, width, problems);

  it('goes from opening to an answer the stakeholder can follow, in both languages', async () => {
    const problems: string[] = [];

    // The approver opens a consultation (Persian, desk).
    const office = await signedIn('approver', 'fa', 'desk', problems);
    await office.getByText('رایزنی‌ای بر برنامه این دوره گشوده نشده است.').waitFor();
    await office.fill('input[name="title"]', 'رایزنی برنامه پنج‌ساله شهر نمونه');
    await office.fill('textarea[name="note"]', 'نظر و پیشنهاد خود را تا پایان دی بفرستید.');
    await office.getByRole('button', { name: 'گشودن رایزنی' }).click();
    await office.getByTestId('done').waitFor();
    await check(office, 'fa', 'consultation-office-fa-desk');

    // The NGO's member proposes, by keyboard, then endorses for the organisation (phone).
    const ngo = await signedIn('stakeholder', 'fa', 'phone', problems);
    await ngo.selectOption('select[name="target"]', 'P-001');
    await ngo.getByRole('radio', { name: 'پیشنهاد تغییر' }).check();
    await ngo.fill('textarea[name="text"]', PROPOSAL);
    // From the text, the keyboard reaches the send button (past the on-behalf box) and sends.
    await ngo.focus('textarea[name="text"]');
    for (let i = 0; i < 4; i++) {
      await ngo.keyboard.press('Tab');
      if (
        (await ngo.evaluate(() => document.activeElement?.getAttribute('data-testid'))) ===
        'contribute'
      )
        break;
    }
    expect(await ngo.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'contribute',
    );
    await ngo.keyboard.press('Enter');
    await ngo.getByTestId('done').waitFor();
    const card = ngo.locator('#proposals article').first();
    // Shown as the text it is: no element made of it, the markup's characters on the page.
    expect(await card.locator('b, script').count()).toBe(0);
    expect(await card.innerText()).toContain('<script>alert(1)</script>');
    await ngo
      .locator('#proposals')
      .getByRole('checkbox', { name: 'موافقت یا مخالفت به نام سازمان من' })
      .check();
    await card.getByRole('button', { name: 'موافقم' }).click();
    await ngo.getByTestId('done').waitFor();
    // One organisation for, no person (counted apart).
    await card.getByText('موافق: ۰ نفر، ۱ سازمان').waitFor();
    await check(ngo, 'fa', 'consultation-stakeholder-fa-phone');

    // The water company's representative comments in English (desk).
    const water = await signedIn('agency', 'en', 'desk', problems);
    await water.selectOption('select[name="target-kind"]', 'goal');
    await water.selectOption('select[name="target"]', 'G1');
    await water.fill('textarea[name="text"]', 'Our network plan for 1405 supports this goal.');
    await water.getByTestId('contribute').click();
    await water.getByTestId('done').waitFor();
    await check(water, 'en', 'consultation-agency-en-desk');

    // The approver rejects the proposal with a reason and hides the comment (English, phone).
    const office2 = await signedIn('approver', 'en', 'phone', problems);
    const proposal = office2.locator('#proposals article').first();
    await proposal.getByRole('button', { name: 'Answer' }).click();
    const dialog = office2.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Rejected' }).check();
    await dialog.locator('textarea').fill('The 1405 capital budget is already fully allocated.');
    await dialog.getByTestId('answer-send').click();
    await office2.getByTestId('done').waitFor();
    await proposal.locator('[data-outcome="rejected"]').waitFor();
    const comment = office2.locator('#comments article').first();
    await comment.getByRole('button', { name: 'Hide' }).click();
    await office2
      .getByRole('dialog')
      .locator('textarea')
      .fill('Please resend it without the link.');
    await office2.getByTestId('hide-send').click();
    await office2.getByTestId('done').waitFor();
    await check(office2, 'en', 'consultation-office-en-phone');

    // The stakeholder follows the proposal to its answer (Persian, desk).
    await ngo.setViewportSize(WIDTHS.desk);
    await ngo.reload();
    await ngo.locator('#proposals [data-outcome="rejected"]').waitFor();
    expect(await ngo.locator('#proposals article').first().innerText()).toContain('پذیرفته نشد');
    await check(ngo, 'fa', 'consultation-stakeholder-fa-desk');
    // The hidden comment: gone for the stakeholder; its author sees it, with the reason.
    await ngo.getByText('هنوز نظری نیامده است.').waitFor();
    await water.reload();
    await water.locator('#comments').getByText('Please resend it without the link.').waitFor();

    expect(problems).toEqual([]);
    for (const p of [office, ngo, water, office2]) await p.context().close();
  }, 180_000);
});
