/** @jest-environment jsdom */
/**
 * The Sync view with a monitoring workbook and a revised city plan, against a scripted
 * register: the civil works' monitoring workbook is not pushed to the department's plan
 * submission; the view makes the department's monitoring submission and pushes the workbook
 * there. And for the cycle's latest revision (snapshot 3, after the baseline 1 and snapshot 2)
 * it shows the impact the register computed, against the baseline and the previous snapshot,
 * in English and in Persian. The figures shown are the scripted impact's, summed and
 * formatted by hand below.
 */
/// <reference lib="dom" />
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ApiRevisionImpact, ApiSnapshot, ApiSubmission } from '#core';
import { sampleMonitoringWorkbook } from '#core';
import { openPane, signedInStore } from './paneHarness';
import type { SeenRequest } from './taskpaneFakes';
import { fakeRegister } from './taskpaneFakes';

const AT = '2026-01-01T00:00:00.000Z';
const submission = (id: string, kind: 'department' | 'monitoring'): ApiSubmission => ({
  id,
  cycleId: 'c-1',
  departmentId: 'd',
  departmentCode: 'D-CIV',
  departmentName: 'Civil works',
  kind,
  title: kind === 'monitoring' ? 'Monitoring of D-CIV' : 'Civil works',
  currentVersion: 0,
  status: 'draft',
  etag: '"0"',
  updatedAt: AT,
  actions: [],
  push: { allowed: true, code: null, reason: null },
});
const snapshot = (number: number, baseline: boolean): ApiSnapshot => ({
  id: `s-${number}`,
  cycleId: 'c-1',
  cycleStart: 1405,
  number,
  status: baseline ? 'adopted' : 'made',
  baseline,
  trigger: 'last-approval',
  sources: [],
  sha256: String(number).repeat(64),
  createdAt: AT,
  returnNote: null,
  adoption: null,
  publishedAt: null,
});

/** The impact of snapshot 3 against `from`; `kpiChanged` KPIs retargeted. */
function impact(from: number, items: ApiRevisionImpact['items']): ApiRevisionImpact {
  return {
    from: { number: from, sha256: String(from).repeat(64) },
    to: { number: 3, sha256: '3'.repeat(64) },
    items,
    warnings: items.flatMap((i) =>
      i.undeclared.map((kind) => ({ id: i.id, kind, message: { fa: '-', en: '-' } })),
    ),
    fiscal: [
      {
        scenario: 'base',
        years: [
          // −2.5 bn in 1405, nothing in 1406, +0.5 bn in 1407 (Rials).
          {
            year: 1405,
            gap: '-2500000000',
            operating: '0',
            capitalBalance: '-2500000000',
            financialBalance: '0',
          },
          { year: 1406, gap: '0', operating: '0', capitalBalance: '0', financialBalance: '0' },
          {
            year: 1407,
            gap: '500000000',
            operating: '0',
            capitalBalance: '500000000',
            financialBalance: '0',
          },
        ],
      },
    ],
    kpis:
      from === 1
        ? [
            {
              kpiId: 'K1',
              title: 'Transit share',
              kind: 'change',
              changed: ['targets'],
              baseline: { before: 10, after: 10 },
              years: [{ year: 1405, before: 12, after: 13.5, delta: 1.5 }],
            },
            {
              kpiId: 'K9',
              title: 'New',
              kind: 'add',
              changed: [],
              baseline: { before: null, after: 0 },
              years: [],
            },
          ]
        : [],
    portfolio: {
      entering: [{ id: 'P-9', reason: 'not-in-plan' }],
      leaving: [{ id: 'P-2', reason: 'dropped' }],
      years: [
        {
          year: 1405,
          before: { budget: '10000000000', spent: '7000000000', left: '3000000000' },
          after: { budget: '10000000000', spent: '9500000000', left: '500000000' },
          budget: '0',
          spent: '2500000000',
          left: '-2500000000',
        },
      ],
    },
  };
}

const recost = (id: string, undeclared: string[]): ApiRevisionImpact['items'][number] => ({
  table: 'tblProjects',
  id,
  kinds: ['recost'],
  before: '100',
  after: '200',
  undeclared,
});

function register(options: { snapshots: boolean }) {
  const subs: ApiSubmission[] = [submission('sub-1', 'department')];
  return fakeRegister((req: SeenRequest) => {
    if (req.path === '/api/me')
      return {
        status: 200,
        body: {
          tenantId: 'sample',
          userId: 'u',
          email: 'p@x',
          displayName: 'Preparer',
          departmentId: 'd',
          stakeholderId: null,
          roles: ['preparer', 'reviewer'],
          via: 'api-token',
          practice: false,
        },
      };
    if (req.method === 'GET' && req.path === '/api/submissions') return { status: 200, body: subs };
    if (req.method === 'POST' && req.path === '/api/submissions') {
      const made = submission('mon-1', 'monitoring');
      subs.push(made);
      return { status: 201, body: made };
    }
    if (req.method === 'POST' && req.path === '/api/submissions/mon-1/versions')
      return {
        status: 201,
        body: {
          submissionId: 'mon-1',
          version: 1,
          baseVersion: 0,
          tablesSha256: 'a'.repeat(64),
          xlsxSha256: null,
          createdById: 'u',
          createdAt: AT,
          totals: [],
          status: 'draft',
          warnings: [],
          skipped: [],
        },
      };
    if (req.path.endsWith('/comments') || req.path.endsWith('/history'))
      return { status: 200, body: [] };
    if (req.path === '/api/cycles/c-1/snapshots')
      return options.snapshots
        ? { status: 200, body: [snapshot(1, true), snapshot(2, false), snapshot(3, false)] }
        : { status: 403, body: { code: 'FORBIDDEN', message: { fa: '-', en: '-' } } };
    if (req.path === '/api/snapshots/s-3/impact')
      return {
        status: 200,
        body: {
          // Against the baseline: P-1 recosted (declared), P-2 dropped and P-9 added
          // (undeclared: 2 warnings). Against snapshot 2: only P-1 recosted, declared.
          baseline: impact(1, [
            recost('P-1', []),
            { ...recost('P-2', ['drop']), kinds: ['drop'], after: null },
            { ...recost('P-9', ['add']), kinds: ['add'], before: null },
          ]),
          previous: impact(2, [recost('P-1', [])]),
        },
      };
    return { status: 404, body: { code: 'NOT_FOUND', message: { fa: '-', en: '-' } } };
  });
}

it('pushes a monitoring workbook as the department’s monitoring submission, made when missing', async () => {
  const reg = register({ snapshots: false });
  await openPane(sampleMonitoringWorkbook('D-CIV'), {
    store: signedInStore(),
    fetch: reg.fetch,
    tab: 'Sync',
  });
  await screen.findByText('Signed in as \u2068Preparer\u2069');
  // Only the department's plan submission exists: pushing there is closed, with the reason.
  expect(screen.getByTestId('push-kind').textContent).toContain('This is a monitoring workbook');
  expect(screen.getByRole('button', { name: 'Push the workbook' })).toHaveProperty(
    'disabled',
    true,
  );
  fireEvent.click(
    screen.getByRole('button', { name: 'Create the monitoring submission of D-CIV' }),
  );
  await screen.findByText('The monitoring submission was made; push the workbook now.');
  const created = reg.seen.find((r) => r.method === 'POST' && r.path === '/api/submissions');
  expect(created?.body).toEqual({
    cycleId: 'c-1',
    departmentCode: 'D-CIV',
    kind: 'monitoring',
    title: 'Monitoring of D-CIV',
  });
  // The new submission is the one chosen now; the push goes to it.
  await waitFor(() => expect(screen.queryByTestId('push-kind')).toBeNull());
  fireEvent.click(screen.getByRole('button', { name: 'Push the workbook' }));
  await screen.findByText('Version 1 recorded.');
  const pushes = reg.seen.filter((r) => r.method === 'POST' && r.path.endsWith('/versions'));
  expect(pushes.map((r) => r.path)).toEqual(['/api/submissions/mon-1/versions']);
  // A preparer's register refuses the snapshots (403): no impact section.
  expect(screen.queryByTestId('revision-impact')).toBeNull();
});

it.each([
  [
    'en',
    'Sync',
    {
      title: 'Revision impact: city plan version 3',
      baseline: 'Against the baseline (version 1)',
      previous: 'Against the previous version (version 2)',
      // P-2 dropped, P-9 added, P-1 recosted; none rescoped or rescheduled.
      items: 'Items: Add 1, Drop 1, Rescope 0, Reschedule 0, Recost 1',
      undeclared: '2 changes have no row in tblChanges.',
      // −2,500,000,000 Rials = −2.5 bn; +500,000,000 = +0.5 bn; 1406 unchanged, left out.
      balance: '1405: -2.5 bn, 1407: +0.5 bn',
      kpis: 'KPIs: 1 added, 0 dropped, 1 changed',
      kpisPrevious: 'KPIs: 0 added, 0 dropped, 0 changed',
      entering: 'P-9',
      leaving: 'P-2',
      spent: '1405: +2.5 bn',
    },
  ],
  [
    'fa',
    'سامانه',
    {
      title: 'اثر بازنگری: نسخه ۳ برنامه شهر',
      baseline: 'در برابر مبنا (نسخه ۱)',
      previous: 'در برابر نسخه پیشین (نسخه ۲)',
      items: 'قلم‌ها: افزودن ۱، حذف ۱، تغییر دامنه ۰، تغییر زمان‌بندی ۰، تغییر هزینه ۱',
      undeclared: '۲ تغییر در جدول تغییرات درخواستی نیامده است.',
      // Persian writes the minus sign U+2212.
      balance: '۱۴۰۵: −۲٫۵ میلیارد، ۱۴۰۷: +۰٫۵ میلیارد',
      kpis: 'شاخص‌ها: ۱ افزوده، ۰ حذف‌شده، ۱ تغییریافته',
      kpisPrevious: '۰ افزوده، ۰ حذف‌شده، ۰ تغییریافته',
      entering: 'P-9',
      leaving: 'P-2',
      spent: '۱۴۰۵: +۲٫۵ میلیارد',
    },
  ],
] as const)('shows the latest revision’s impact (%s)', async (lang, tab, want) => {
  const reg = register({ snapshots: true });
  await openPane(sampleMonitoringWorkbook('D-CIV'), {
    store: signedInStore(),
    fetch: reg.fetch,
    tab,
    lang,
  });
  const section = await screen.findByTestId('revision-impact');
  expect(screen.getByText(want.title)).toBeTruthy();
  expect(section.textContent).toContain(want.baseline);
  expect(section.textContent).toContain(want.previous);
  const [items, itemsPrev] = screen.getAllByTestId('impact-items');
  expect(items?.textContent).toBe(want.items);
  expect(itemsPrev?.textContent).toContain(lang === 'en' ? 'Recost 1' : 'تغییر هزینه ۱');
  // Only against the baseline are there undeclared changes.
  expect(screen.getAllByTestId('impact-undeclared').map((e) => e.textContent)).toEqual([
    want.undeclared,
  ]);
  const norm = (s: string | null | undefined) => (s ?? '').replace(/[\u2066-\u2069]/g, '');
  expect(norm(screen.getAllByTestId('impact-balance')[0]?.textContent)).toContain(want.balance);
  const [kpis, kpisPrev] = screen.getAllByTestId('impact-kpis');
  expect(kpis?.textContent).toContain(want.kpis);
  expect(kpisPrev?.textContent).toContain(want.kpisPrevious);
  expect(screen.getAllByTestId('impact-entering')[0]?.textContent).toContain(want.entering);
  expect(screen.getAllByTestId('impact-leaving')[0]?.textContent).toContain(want.leaving);
  expect(norm(screen.getAllByTestId('impact-spent')[0]?.textContent)).toContain(want.spent);
});
