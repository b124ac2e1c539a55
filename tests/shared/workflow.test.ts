/**
 * The workflow vocabulary and its one rule, `judgeAction`: captions for every key in both
 * languages, the transitions docs/api.md describes, who may take each action (role,
 * department, four eyes) and why not, checked case by case and against a model written from
 * docs/api.md with fast-check.
 */
import fc from 'fast-check';
import type {
  FourEyesFacts,
  Role,
  SubmissionStatus,
  WorkflowAction,
  WorkflowActor,
  WorkflowSubject,
} from '#core';
import {
  ACTION_CAPTIONS,
  ROLES,
  ROLE_CAPTIONS,
  STATUS_CAPTIONS,
  SUBMISSION_STATUSES,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  judgeAction,
  judgeActions,
  judgePush,
  needsFourEyesFacts,
} from '#core';

const actor = (
  roles: Role[],
  departmentId: string | null = 'd1',
  userId = 'u1',
): WorkflowActor => ({
  userId,
  roles,
  departmentId,
});
const subject = (status: SubmissionStatus, currentVersion = 1): WorkflowSubject => ({
  status,
  departmentId: 'd1',
  currentVersion,
});
const nobody: FourEyesFacts = { pushedBy: 'u9', submittedBy: ['u8'] };

describe('the workflow vocabulary', () => {
  it('captions every role, status and action in Persian (no Latin) and English', () => {
    const captions = [
      ...ROLES.map((r) => ROLE_CAPTIONS[r]),
      ...SUBMISSION_STATUSES.map((s) => STATUS_CAPTIONS[s]),
      ...WORKFLOW_ACTIONS.map((a) => ACTION_CAPTIONS[a]),
    ];
    // Seven roles (the five of the workflow and the outside ones, agency and stakeholder),
    // five statuses, five actions.
    expect(captions).toHaveLength(7 + 5 + 5);
    for (const c of captions) {
      expect(c.fa).toMatch(/^[\u0600-\u06FF\u200c ]+$/);
      expect(c.en).toMatch(/^[A-Za-z ]+$/);
    }
  });

  it('moves as docs/api.md says, and every status can be reached from draft', () => {
    expect(
      Object.fromEntries(
        WORKFLOW_ACTIONS.map((a) => [a, [TRANSITIONS[a].from, TRANSITIONS[a].to]]),
      ),
    ).toEqual({
      submit: [['draft', 'returned'], 'submitted'],
      review: [['submitted'], 'reviewed'],
      approve: [['reviewed'], 'approved'],
      return: [['submitted', 'reviewed'], 'returned'],
      reopen: [['approved'], 'draft'],
    });
    const seen = new Set<SubmissionStatus>(['draft']);
    for (let grew = true; grew;) {
      grew = false;
      for (const a of WORKFLOW_ACTIONS)
        if (TRANSITIONS[a].from.some((s) => seen.has(s)) && !seen.has(TRANSITIONS[a].to)) {
          seen.add(TRANSITIONS[a].to);
          grew = true;
        }
    }
    expect([...seen].sort()).toEqual([...SUBMISSION_STATUSES].sort());
  });
});

describe('judgeAction', () => {
  it('lets a preparer submit their own department’s pushed plan, and says why not otherwise', () => {
    expect(judgeAction('submit', actor(['preparer']), subject('draft'))).toEqual({
      action: 'submit',
      allowed: true,
      code: null,
      reason: null,
    });
    expect(judgeAction('submit', actor(['preparer']), subject('draft', 0))).toMatchObject({
      allowed: false,
      code: 'INVALID_TRANSITION',
      reason: { en: 'No version has been pushed yet.' },
    });
    expect(judgeAction('submit', actor(['preparer'], 'd2'), subject('draft'))).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
    // An admin submits for any department.
    expect(judgeAction('submit', actor(['admin'], null), subject('returned')).allowed).toBe(true);
    expect(judgeAction('submit', actor(['reviewer']), subject('draft'))).toMatchObject({
      code: 'FORBIDDEN',
      reason: {
        fa: 'این کار نقش تهیه‌کننده یا مدیر سامانه می‌خواهد.',
        en: 'This needs the role preparer or admin.',
      },
    });
    expect(judgeAction('submit', actor(['preparer']), subject('approved'))).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: {
        fa: '«فرستادن برای بازبینی» از وضعیت «تصویب‌شده» ممکن نیست.',
        // The action and the status by their captions (ACTION_CAPTIONS, STATUS_CAPTIONS), not keys.
        en: '"Submit for review" is not possible from the status "Approved".',
      },
    });
  });

  it('asks role first: a reviewer cannot approve, whatever the status', () => {
    for (const s of SUBMISSION_STATUSES)
      expect(judgeAction('approve', actor(['reviewer']), subject(s)).code).toBe('FORBIDDEN');
  });

  it('keeps four eyes: whoever pushed or submitted the version may not approve it', () => {
    const approver = actor(['approver', 'preparer'], 'd1', 'u1');
    const reviewed = subject('reviewed');
    expect(needsFourEyesFacts('approve', approver, reviewed)).toBe(true);
    // Not from another status: the status refuses first, so who pushed is not read.
    expect(needsFourEyesFacts('approve', approver, subject('submitted'))).toBe(false);
    expect(needsFourEyesFacts('return', approver, reviewed)).toBe(false);
    expect(judgeAction('approve', approver, reviewed, nobody).allowed).toBe(true);
    for (const facts of [
      { pushedBy: 'u1', submittedBy: [] },
      { pushedBy: 'u9', submittedBy: ['u8', 'u1'] },
    ])
      expect(judgeAction('approve', approver, reviewed, facts)).toMatchObject({
        allowed: false,
        code: 'SAME_PERSON',
      });
    expect(() => judgeAction('approve', approver, reviewed)).toThrow(/four-eyes/);
  });

  it('judges every action, in order', () => {
    const verdicts = judgeActions(actor(['approver'], null), subject('approved'));
    expect(verdicts.map((v) => [v.action, v.allowed])).toEqual([
      ['submit', false],
      ['review', false],
      ['approve', false],
      ['return', false],
      ['reopen', true],
    ]);
  });

  it('agrees with a model written from docs/api.md', () => {
    // docs/api.md, "Workflow", restated independently of TRANSITIONS.
    const may: Record<WorkflowAction, Role[]> = {
      submit: ['preparer', 'admin'],
      review: ['reviewer'],
      approve: ['approver', 'council'],
      return: ['reviewer', 'approver', 'council'],
      reopen: ['approver', 'admin'],
    };
    const from: Record<WorkflowAction, SubmissionStatus[]> = {
      submit: ['draft', 'returned'],
      review: ['submitted'],
      approve: ['reviewed'],
      return: ['submitted', 'reviewed'],
      reopen: ['approved'],
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...WORKFLOW_ACTIONS),
        fc.subarray([...ROLES], { minLength: 1 }),
        fc.constantFrom('d1', 'd2', null),
        fc.constantFrom(...SUBMISSION_STATUSES),
        fc.nat(2),
        fc.boolean(),
        fc.boolean(),
        (action, roles, dept, status, version, pushed, submitted) => {
          const a = actor(roles, dept);
          const s = subject(status, version);
          const facts = { pushedBy: pushed ? 'u1' : 'u9', submittedBy: submitted ? ['u1'] : [] };
          const has = (list: Role[]) => roles.some((r) => list.includes(r));
          const allowed =
            has(may[action]) &&
            (action !== 'submit' || has(['admin']) || dept === 'd1') &&
            from[action].includes(status) &&
            (action !== 'submit' || version > 0) &&
            // Four eyes on review and approval (issue #12, item 9).
            ((action !== 'approve' && action !== 'review') || (!pushed && !submitted));
          const verdict = judgeAction(action, a, s, facts);
          expect(verdict.allowed).toBe(allowed);
          expect(verdict.reason === null).toBe(allowed);
        },
      ),
      { numRuns: 2000, seed: 20261210 },
    );
  });
});

describe('judgePush', () => {
  // docs/api.md, "Workflow": a preparer pushes for their own department, an admin for any; a
  // draft or returned submission takes new versions, a submitted, reviewed or approved one not.
  it('lets a preparer of the department push a draft or a returned plan, and nothing else', () => {
    for (const status of SUBMISSION_STATUSES) {
      const v = judgePush(actor(['preparer']), subject(status));
      const editable = status === 'draft' || status === 'returned';
      expect(v).toMatchObject({ allowed: editable, code: editable ? null : 'NOT_EDITABLE' });
      if (!editable) expect(v.reason?.fa).toContain(STATUS_CAPTIONS[status].fa);
    }
  });

  it('refuses another department’s preparer and a reviewer, and lets an admin push any', () => {
    expect(judgePush(actor(['preparer'], 'd2'), subject('draft'))).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
    expect(judgePush(actor(['reviewer']), subject('draft')).code).toBe('FORBIDDEN');
    expect(judgePush(actor(['admin'], null), subject('returned')).allowed).toBe(true);
    // Role comes before status, as the register checks a push.
    expect(judgePush(actor(['reviewer']), subject('approved')).code).toBe('FORBIDDEN');
  });
});
