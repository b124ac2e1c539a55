/** @jest-environment jsdom */
/**
 * The Sync view against a scripted register: a planner signs in (the token goes to the
 * add-in's storage, never to the workbook), cannot push while the workbook has errors, pushes
 * a clean workbook with If-Match and an Idempotency-Key, meets a conflict (409) shown with
 * what changed, and overwrites it as a new version on top of the current one.
 */
/// <reference lib="dom" />
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ApiSubmission, ApiVersion, RawWorkbook } from '#core';
import { samplePlanWorkbook } from '#core';
import { openPane, signedInStore } from './paneHarness';
import type { SeenRequest } from './taskpaneFakes';
import { fakeRegister } from './taskpaneFakes';

// The register's answers, whole: the pane's client parses each with the API's schemas.
const AT = '2026-01-01T00:00:00.000Z';
const sub = (currentVersion: number): ApiSubmission => ({
  id: 'sub-1',
  cycleId: 'c-1',
  departmentId: 'd',
  departmentCode: 'D-CIV',
  departmentName: 'Civil works',
  kind: 'department',
  title: 'Civil works',
  currentVersion,
  status: 'draft',
  etag: `"${currentVersion}"`,
  updatedAt: AT,
  actions: [],
  push: { allowed: true, code: null, reason: null },
});
const version = (n: number): ApiVersion => ({
  submissionId: 'sub-1',
  version: n,
  baseVersion: n - 1,
  tablesSha256: 'a'.repeat(64),
  xlsxSha256: null,
  createdById: 'u',
  createdAt: AT,
  totals: [],
});

/** A register where someone else pushed version 2 after our base 1. */
function register() {
  let current = 1;
  return fakeRegister((req: SeenRequest) => {
    if (req.path === '/api/me')
      return {
        status: req.headers.Authorization === 'Bearer plan_sample_secret' ? 200 : 401,
        body:
          req.headers.Authorization === 'Bearer plan_sample_secret'
            ? {
                tenantId: 'sample',
                userId: 'u',
                email: 'p@x',
                displayName: 'Preparer',
                departmentId: 'd',
                stakeholderId: null,
                roles: ['preparer'],
                via: 'api-token',
                practice: false,
              }
            : { code: 'UNAUTHENTICATED', message: { fa: 'کلید نادرست', en: 'Bad token' } },
      };
    if (req.path === '/api/submissions') return { status: 200, body: [sub(current)] };
    if (req.path.endsWith('/comments'))
      return {
        status: 200,
        body: [
          {
            id: 'k',
            version: 1,
            tableName: 'tblProjects',
            rowKey: 'P-1',
            columnKey: null,
            authorId: 'r',
            authorName: 'بازبین نمونه',
            body: 'Cost?',
            createdAt: AT,
          },
        ],
      };
    if (req.path.endsWith('/history'))
      return {
        status: 200,
        body: [
          {
            id: 'e1',
            version: 1,
            action: 'submit',
            fromStatus: 'draft',
            toStatus: 'submitted',
            actorId: 'u-7f3a',
            actorName: 'Preparer',
            note: null,
            createdAt: '2026-12-02T21:00:00.000Z',
          },
          {
            id: 'e2',
            version: 1,
            action: 'return',
            fromStatus: 'submitted',
            toStatus: 'returned',
            actorId: 'u-gone',
            actorName: null,
            note: 'هزینه P-1؟',
            createdAt: '2026-12-03T06:15:00.000Z',
          },
        ],
      };
    if (req.method === 'POST' && req.path.endsWith('/versions')) {
      if (req.headers['If-Match'] !== `"${current + 1}"` && req.headers['If-Match'] !== '"2"')
        return {
          status: 409,
          body: {
            code: 'VERSION_CONFLICT',
            message: { fa: 'تعارض', en: 'Version 1 is not the current version (current: 2).' },
            details: {
              baseVersion: 1,
              currentVersion: 2,
              changes: {
                from: 1,
                to: 2,
                tables: [
                  {
                    table: 'tblProjects',
                    keyColumn: 'ProjectId',
                    added: [],
                    removed: [],
                    changed: [{ key: 'P-1', cells: [{ column: '1405', from: 10, to: 12 }] }],
                  },
                ],
                summary: { added: 0, removed: 0, changed: 1, cells: 1 },
              },
            },
          },
        };
      current = 3;
      return { status: 201, body: { ...version(3), status: 'draft', warnings: [], skipped: [] } };
    }
    if (req.path === '/api/submissions/sub-1/versions/latest?lang=en')
      return {
        status: 200,
        body: {
          ...version(2),
          submission: sub(2),
          validation: null,
          workbook: {
            tables: [
              {
                name: 'tblGoals',
                sheet: 'Goals',
                address: 'A2',
                header: ['Goal ID', 'Title'],
                rows: [['G1', 'A greener city']],
              },
              // Stored without a place (pushed from a CSV, say): it goes where the core puts it.
              { name: 'tblPrograms', header: ['Program ID', 'Title'], rows: [['PR1', 'Parks']] },
            ],
          },
        },
      };
    if (req.path.startsWith('/api/cycles/c-1/reference'))
      return {
        status: 200,
        body: {
          source: { submissionId: 'fw-1', version: 4 },
          workbook: {
            tables: [
              {
                name: 'ref_tblCriteria',
                reference: true,
                header: ['CriterionId', 'Title'],
                rows: [['C1', 'Need']],
              },
              {
                name: 'ref_tblCriteriaPairwise',
                reference: true,
                header: ['CriterionId', 'C1'],
                rows: [['C1', 1]],
              },
              {
                name: 'ref_tblPrograms',
                reference: true,
                header: ['ProgramId', 'Title'],
                rows: [['PR1', 'Parks']],
              },
            ],
          },
        },
      };
    return { status: 404, body: { code: 'NOT_FOUND', message: { fa: '-', en: '-' } } };
  });
}

// The name the register gives is set in a first-strong isolate (U+2068 … U+2069): a Persian
// name in English text, or a Latin one in Persian, keeps its own order.
it('signs in, keeps the token out of the workbook, resolves a conflict by overwriting', async () => {
  const reg = register();
  const { office, store } = await openPane(samplePlanWorkbook(), {
    fetch: reg.fetch,
    defaultServer: 'https://plan.example',
    tab: 'Sync',
  });
  fireEvent.change(screen.getByLabelText(/Access token/), { target: { value: 'wrong' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByText('Bad token');
  fireEvent.change(screen.getByLabelText(/Access token/), {
    target: { value: 'plan_sample_secret' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByText('Signed in as \u2068Preparer\u2069');
  expect(JSON.parse(store.data.get('plan-register.connection')!)).toEqual({
    server: 'https://plan.example',
    token: 'plan_sample_secret',
  });
  // Nothing was written into the workbook.
  expect(office.writes).toEqual([]);
  await screen.findByText('Cost?', { exact: false });

  // The workbook is based on version 1; someone pushed 2 meanwhile.
  fireEvent.click(screen.getByRole('button', { name: 'Push the workbook' }));
  await screen.findByText('Conflict: version 2 was recorded after yours (1).');
  expect(screen.getByTestId('conflict-changes').textContent).toContain('P-1, 1405: 10 → 12');
  const first = reg.seen.find((r) => r.method === 'POST')!;
  expect(first.headers['If-Match']).toBe('"1"');
  expect(first.headers['Idempotency-Key']).toMatch(/^[\w.:-]{8,200}$/);
  // The body is the workbook's tables, as read.
  expect((first.body as { tables: unknown[] }).tables).toHaveLength(
    samplePlanWorkbook().tables.length,
  );

  fireEvent.click(screen.getByRole('button', { name: 'Overwrite as a new version' }));
  await screen.findByText('Version 3 recorded.');
  const posts = reg.seen.filter((r) => r.method === 'POST');
  expect(posts[1]!.headers['If-Match']).toBe('"2"');
  expect(store.data.get('plan-register.base.sub-1')).toBe('3');
});

it('refuses to push while the workbook has errors', async () => {
  const wb = samplePlanWorkbook();
  // Without tblPlanInfo the plan has no start year: the reader reports an error.
  const reg = register();
  await openPane(
    { tables: wb.tables.filter((t) => t.name !== 'tblPlanInfo') },
    { store: signedInStore(), fetch: reg.fetch, tab: 'Sync' },
  );
  await screen.findByText('Signed in as \u2068Preparer\u2069');
  fireEvent.click(screen.getByRole('button', { name: 'Push the workbook' }));
  await waitFor(() =>
    expect(screen.getAllByText('Pushing is blocked while errors remain.').length).toBeGreaterThan(
      0,
    ),
  );
  expect(reg.seen.some((r) => r.method === 'POST')).toBe(false);
});

it('resolves a conflict by pulling their version into the workbook', async () => {
  const reg = register();
  const { office, store } = await openPane(samplePlanWorkbook(), {
    store: signedInStore(),
    fetch: reg.fetch,
    tab: 'Sync',
  });
  await screen.findByText('Signed in as \u2068Preparer\u2069');
  fireEvent.click(screen.getByRole('button', { name: 'Push the workbook' }));
  await screen.findByText('Conflict: version 2 was recorded after yours (1).');
  const readsBefore = office.reads;
  fireEvent.click(screen.getByRole('button', { name: 'Pull their version' }));
  await screen.findByText('Version 2 written to the workbook.');
  // Their tables, with the English captions asked for, written where they were; one that
  // had no place goes on its contract sheet in the pane's language (`Programs`, the table's
  // sheet in tables.ts), header on row 2 under the title row as in a new workbook.
  expect(office.writes).toEqual([
    {
      sheet: 'Goals',
      name: 'tblGoals',
      address: 'A2',
      header: ['Goal ID', 'Title'],
      rows: [['G1', 'A greener city']],
    },
    {
      sheet: 'Programs',
      name: 'tblPrograms',
      address: 'A2',
      header: ['Program ID', 'Title'],
      rows: [['PR1', 'Parks']],
    },
  ]);
  // The workbook is now version 2 (the next push's If-Match), and it is checked again.
  expect(store.data.get('plan-register.base.sub-1')).toBe('2');
  await waitFor(() => expect(office.reads).toBeGreaterThan(readsBefore));
  expect(screen.queryByText(/^Conflict:/)).toBeNull();
});

it('pulls the city’s reference data onto the reference sheets a new workbook has', async () => {
  const reg = register();
  const { office } = await openPane(samplePlanWorkbook(), {
    lang: 'fa',
    store: signedInStore(),
    fetch: reg.fetch,
    tab: 'سامانه',
  });
  fireEvent.click(await screen.findByRole('button', { name: 'گرفتن داده مرجع' }));
  await waitFor(() => expect(office.writes).toHaveLength(3));
  // The sheet names are the contract's Persian sheets (tables.ts: معیارها for both criteria
  // tables, برنامه‌ها for programs) after the reference prefix «مرجع - », as in the template
  // and the register's reference .xlsx. The two criteria tables share their sheet side by
  // side: the first at A2 (two columns, A–B), one empty column (C), the second at D2.
  expect(office.writes.map((w) => [w.name, w.sheet, w.address])).toEqual([
    ['ref_tblCriteria', 'مرجع - معیارها', 'A2'],
    ['ref_tblCriteriaPairwise', 'مرجع - معیارها', 'D2'],
    ['ref_tblPrograms', 'مرجع - برنامه‌ها', 'A2'],
  ]);
});

describe('the register’s submissions as the workbook’s people see them', () => {
  /** A submission of department `code` named `name`, as the register answers (status, push verdict). */
  const of = (
    id: string,
    code: string,
    name: string,
    over: Partial<ApiSubmission> = {},
  ): ApiSubmission => ({
    ...sub(1),
    id,
    departmentId: `dept-${code}`,
    departmentCode: code,
    departmentName: name,
    title: `Plan of ${name}`,
    ...over,
  });
  // The register's own words for an approved plan (judgePush in shared/src/contract/workflow.ts).
  const notEditable = {
    allowed: false,
    code: 'NOT_EDITABLE' as const,
    reason: {
      fa: 'برنامه در وضعیت «تصویب‌شده» است و نسخه تازه نمی‌پذیرد.',
      en: 'The submission is approved and takes no new version.',
    },
  };
  const refusedSubmit = {
    action: 'submit' as const,
    allowed: false,
    code: 'INVALID_TRANSITION' as const,
    reason: { fa: 'از وضعیت «تصویب‌شده» ممکن نیست.', en: 'Not possible from "approved".' },
  };
  /** A register listing `subs` to a preparer of the planning department (D-PLN). */
  const registerOf = (subs: ApiSubmission[]) =>
    fakeRegister((req: SeenRequest) => {
      if (req.path === '/api/me')
        return {
          status: 200,
          body: {
            tenantId: 'sample',
            userId: 'u',
            email: 'p@x',
            displayName: 'Preparer',
            departmentId: 'dept-D-PLN',
            stakeholderId: null,
            roles: ['preparer'],
            via: 'api-token',
            practice: false,
          },
        };
      if (req.path === '/api/submissions') return { status: 200, body: subs };
      if (req.path.endsWith('/comments')) return { status: 200, body: [] };
      return { status: 404, body: { code: 'NOT_FOUND', message: { fa: '-', en: '-' } } };
    });
  /** The sample workbook, its tblPlanInfo naming department `code`. */
  const workbookOf = (code: string): RawWorkbook => {
    const wb = samplePlanWorkbook();
    return {
      tables: wb.tables.map((t) =>
        t.name === 'tblPlanInfo'
          ? { ...t, rows: [...t.rows.filter((r) => r[0] !== 'Department'), ['Department', code]] }
          : t,
      ),
    };
  };

  it('preselects the workbook’s own department, names each one and sorts them by name', async () => {
    // The caller is of D-PLN, listed first by the register; the workbook is D-CIV's.
    const reg = registerOf([
      of('s-pln', 'D-PLN', 'Planning'),
      of('s-tra', 'D-TRA', 'Transport'),
      of('s-civ', 'D-CIV', 'Civil works'),
    ]);
    await openPane(workbookOf('D-CIV'), { store: signedInStore(), fetch: reg.fetch, tab: 'Sync' });
    await screen.findByText('Signed in as \u2068Preparer\u2069');
    const list = (await screen.findByRole('combobox', { name: 'Submission' })) as HTMLSelectElement;
    await waitFor(() => expect(list.value).toBe('s-civ'));
    // By name (Civil works, Planning, Transport), each with its code.
    expect([...list.options].map((o) => o.textContent)).toEqual([
      'Civil works (D-CIV)',
      'Planning (D-PLN)',
      'Transport (D-TRA)',
    ]);
  });

  it('closes Push and Submit where the register says so, with its reason in the chosen language', async () => {
    const reg = registerOf([
      of('s-civ', 'D-CIV', 'Civil works', {
        status: 'approved',
        push: notEditable,
        actions: [refusedSubmit],
      }),
    ]);
    await openPane(workbookOf('D-CIV'), {
      lang: 'fa',
      store: signedInStore(),
      fetch: reg.fetch,
      tab: 'سامانه',
    });
    const push = (await screen.findByRole('button', {
      name: 'فرستادن کارپوشه',
    })) as HTMLButtonElement;
    await waitFor(() => expect(push.disabled).toBe(true));
    expect(screen.getByTestId('push-refused').textContent).toContain(notEditable.reason.fa);
    expect(push.getAttribute('aria-describedby')).toBe('push-refused');
    const submit = screen.getByRole('button', {
      name: 'فرستادن برای بازبینی',
    }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(screen.getByTestId('submit-refused').textContent).toContain(refusedSubmit.reason.fa);

    // The switch to English changes the reasons too.
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() =>
      expect(screen.getByTestId('push-refused').textContent).toContain(notEditable.reason.en),
    );
    expect(screen.getByTestId('submit-refused').textContent).toContain(refusedSubmit.reason.en);
    // Nothing was tried.
    expect(reg.seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it('keeps a refusal in both languages: it follows the switch, and says where a token comes from', async () => {
    const reg = register();
    await openPane(samplePlanWorkbook(), {
      lang: 'fa',
      fetch: reg.fetch,
      defaultServer: 'https://plan.example',
      tab: 'سامانه',
    });
    expect(screen.getByText(/یا از مدیر سامانه بگیرید/)).toBeTruthy();
    // The web register's own page for tokens, on the register's origin whatever path was typed.
    const link = screen.getByTestId('token-page') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://plan.example/me/tokens');
    expect(link.target).toBe('_blank');
    fireEvent.change(screen.getByLabelText(/نشانی سامانه/), {
      target: { value: 'https://plan.example:8443/addin/' },
    });
    expect(link.getAttribute('href')).toBe('https://plan.example:8443/me/tokens');
    fireEvent.change(screen.getByLabelText(/نشانی سامانه/), { target: { value: 'plan' } });
    expect(screen.queryByTestId('token-page')).toBeNull();
    fireEvent.change(screen.getByLabelText(/نشانی سامانه/), {
      target: { value: 'https://plan.example' },
    });
    fireEvent.change(screen.getByLabelText(/کلید دسترسی/), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'ورود' }));
    await screen.findByText('کلید نادرست');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByText('Bad token');
    expect(screen.getByText(/ask its administrator for one/)).toBeTruthy();
    expect(screen.getByTestId('token-page').textContent).toContain('My tokens');
  });
});

describe('history and comments, as people read them', () => {
  // Times by hand: Tehran is UTC+03:30 (no summer time since 1402). 2026-01-01T00:00Z is
  // 03:30 on 11 Dey 1404 there (1 Dey 1404 is 22 December 2025, day 277 of a year that began
  // on 21 March 2025); 2026-12-02T21:00Z is 00:30 of the next day, 12 Azar 1405 (the shared
  // Jalali tests give 1405/09/11 for 2 December 2026); 2026-12-03T06:15Z is 09:45 that day.
  it('names each person and dates each step and comment in Jalali, on a Tehran clock', async () => {
    const reg = register();
    await openPane(samplePlanWorkbook(), { store: signedInStore(), fetch: reg.fetch, tab: 'Sync' });
    await screen.findByText('Signed in as \u2068Preparer\u2069');
    const history = await screen.findByTestId('history');
    const steps = [...history.querySelectorAll('li')].map((li) => li.textContent);
    expect(steps[0]).toBe(
      'Preparer, 1405/09/12 00:30Submit for review, version 1: Draft → Submitted',
    );
    // Someone no longer in the register is not shown by an ID.
    expect(steps[1]).toContain('a former user, 1405/09/12 09:45');
    expect(steps[1]).not.toContain('u-gone');
    // The step's note on a line of its own, labelled.
    expect(steps[1]).toContain('Submitted → Returned for changesNote: هزینه P-1؟');
    const comment = (await screen.findByText('Cost?', { exact: false })).closest('li')!;
    expect(comment.textContent).toContain('بازبین نمونه, 1404/10/11 03:30');
    expect(comment.textContent).not.toContain('r,');
  });

  it('in Persian: Persian digits, the names isolated', async () => {
    const reg = register();
    await openPane(samplePlanWorkbook(), {
      lang: 'fa',
      store: signedInStore(),
      fetch: reg.fetch,
      tab: 'سامانه',
    });
    const history = await screen.findByTestId('history');
    const first = history.querySelector('li')!;
    expect(first.textContent).toContain('Preparer، ۱۴۰۵/۰۹/۱۲ ۰۰:۳۰');
    expect(first.querySelector('bdi[dir="auto"]')!.textContent).toBe('Preparer');
    expect(first.querySelector('bdi[data-iso="num"]')!.textContent).toBe('۱۴۰۵/۰۹/۱۲ ۰۰:۳۰');
    expect(history.textContent).toContain('کاربری که دیگر در سامانه نیست');
  });
});
