/**
 * The consultation's rules (shared/src/contract/consultation.ts), on hand-made examples: what
 * counts as an endorsement or objection (each person's and each organisation's latest
 * position, once, apart), what a contribution and an answer may be, who sees what, and the
 * plan items one may speak to (the sample's, counted by hand in shared/src/sample/content.ts).
 */
import type { ContributionFacts } from '#core';
import {
  canSeeContribution,
  consultationTargets,
  finalProposal,
  judgeAnswer,
  judgeContribution,
  readPlan,
  samplePlanWorkbook,
  tallyPositions,
  toCanonicalTables,
} from '#core';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 10, minute));
const position = (
  id: string,
  kind: 'endorsement' | 'objection',
  authorId: string,
  minute: number,
  extra: Partial<ContributionFacts> = {},
): ContributionFacts => ({
  id,
  kind,
  targetKind: 'project',
  targetId: 'P-001',
  authorId,
  stakeholderId: null,
  onBehalf: false,
  hidden: false,
  createdAt: at(minute),
  ...extra,
});

describe('the tally of positions', () => {
  it('counts each person’s and each organisation’s latest position once, apart', () => {
    const tally = tallyPositions([
      // A endorses, then objects: A counts once, as an objection.
      position('1', 'endorsement', 'A', 1),
      position('3', 'objection', 'A', 3),
      // B endorses for SH03, then C (also of SH03) objects for it: SH03 objects.
      position('2', 'endorsement', 'B', 2, { stakeholderId: 'SH03', onBehalf: true }),
      position('4', 'objection', 'C', 4, { stakeholderId: 'SH03', onBehalf: true }),
      // D endorses as a person although of an organisation: a person's voice.
      position('5', 'endorsement', 'D', 5, { stakeholderId: 'SH07' }),
      // E's endorsement was hidden: it does not count.
      position('6', 'endorsement', 'E', 6, { hidden: true }),
      // Another target is counted on its own.
      position('7', 'endorsement', 'A', 7, { targetKind: 'goal', targetId: 'G1' }),
    ]);
    expect(tally.get('project:P-001')).toEqual({
      endorse: { people: 1, organisations: 0 },
      object: { people: 1, organisations: 1 },
    });
    expect(tally.get('goal:G1')).toEqual({
      endorse: { people: 1, organisations: 0 },
      object: { people: 0, organisations: 0 },
    });
    expect(tally.size).toBe(2);
  });

  it('orders by time whatever order the positions come in', () => {
    const later = position('9', 'objection', 'A', 9);
    const earlier = position('8', 'endorsement', 'A', 8);
    expect(tallyPositions([later, earlier]).get('project:P-001')?.object.people).toBe(1);
    expect(tallyPositions([earlier, later]).get('project:P-001')?.endorse.people).toBe(0);
  });
});

describe('what a contribution may be', () => {
  const base = {
    status: 'open' as const,
    kind: 'comment' as const,
    targetKind: 'project' as const,
    targetId: 'P-001',
    text: 'نظر',
    onBehalf: false,
    stakeholderId: 'SH03',
    targets: [{ kind: 'project' as const, id: 'P-001', title: 'بوستان' }],
    proposals: [
      { id: 'p1', hidden: false },
      { id: 'p2', hidden: true },
    ],
  };
  it('is taken when open, on an item of the plan, with a text', () => {
    expect(judgeContribution(base)).toBeNull();
    expect(
      judgeContribution({ ...base, kind: 'endorsement', text: null, onBehalf: true }),
    ).toBeNull();
    expect(
      judgeContribution({ ...base, kind: 'objection', targetKind: 'proposal', targetId: 'p1' }),
    ).toBeNull();
  });
  it.each([
    ['closed', { status: 'closed' as const }],
    ['target', { targetId: 'P-999' }],
    ['target', { targetKind: 'goal' as const }],
    ['target', { targetKind: 'proposal' as const, targetId: 'p1' }], // a comment on a proposal
    ['target', { kind: 'endorsement' as const, targetKind: 'proposal' as const, targetId: 'p2' }],
    ['text', { text: null }],
    ['text', { kind: 'proposal' as const, text: '   ' }],
    ['on-behalf', { onBehalf: true }], // a comment is the person's own
    ['on-behalf', { kind: 'endorsement' as const, onBehalf: true, stakeholderId: null }],
  ])('is refused (%s)', (code, change) => {
    const refused = judgeContribution({ ...base, ...change });
    expect(refused?.code).toBe(code);
    expect(refused?.message.fa.length).toBeGreaterThan(10);
  });
});

describe('an answer to a proposal', () => {
  const proposals = [
    { id: 'a', mergedIntoId: null },
    { id: 'b', mergedIntoId: 'c' },
    { id: 'c', mergedIntoId: null },
  ];
  const judge = (answer: Parameters<typeof judgeAnswer>[0]['answer'], proposalId = 'a') =>
    judgeAnswer({ kind: 'proposal', answer, proposalId, laterSnapshots: ['s2'], proposals });
  it('accepts a later snapshot, a rejection with a reason, a merge into another', () => {
    expect(judge({ outcome: 'accepted', snapshotId: 's2', reason: null })).toBeNull();
    expect(judge({ outcome: 'rejected', reason: 'با طرح جامع نمی‌خواند' })).toBeNull();
    expect(judge({ outcome: 'merged', mergedIntoId: 'b', reason: null })).toBeNull();
  });
  it('refuses what does not hold', () => {
    expect(judge({ outcome: 'accepted', snapshotId: 's1', reason: null })).not.toBeNull();
    expect(judge({ outcome: 'rejected', reason: ' ' })).not.toBeNull();
    expect(judge({ outcome: 'merged', mergedIntoId: 'a', reason: null })).not.toBeNull();
    expect(judge({ outcome: 'merged', mergedIntoId: 'zz', reason: null })).not.toBeNull();
    // c into b would loop: b is already merged into c.
    expect(judge({ outcome: 'merged', mergedIntoId: 'b', reason: null }, 'c')?.en).toMatch(/loop/);
    expect(
      judgeAnswer({
        kind: 'comment',
        answer: { outcome: 'rejected', reason: 'x' },
        proposalId: 'a',
        laterSnapshots: [],
        proposals,
      }),
    ).not.toBeNull();
  });
  it('follows merges to where a proposal ended', () => {
    expect(finalProposal('b', proposals)).toBe('c');
    expect(finalProposal('a', proposals)).toBe('a');
    // A loop stored by mistake ends, at the last one before it repeats.
    expect(
      finalProposal('x', [
        { id: 'x', mergedIntoId: 'y' },
        { id: 'y', mergedIntoId: 'x' },
      ]),
    ).toBe('y');
  });
});

describe('who sees a contribution', () => {
  const hidden = { authorId: 'A', hidden: true };
  it('the planning office and the council everything; the author their own; others what shows', () => {
    expect(canSeeContribution({ userId: 'R', roles: ['reviewer'] }, hidden)).toBe(true);
    expect(canSeeContribution({ userId: 'K', roles: ['council'] }, hidden)).toBe(true);
    expect(canSeeContribution({ userId: 'A', roles: ['stakeholder'] }, hidden)).toBe(true);
    expect(canSeeContribution({ userId: 'B', roles: ['stakeholder'] }, hidden)).toBe(false);
    expect(canSeeContribution({ userId: 'B', roles: ['preparer'] }, hidden)).toBe(false);
    expect(
      canSeeContribution({ userId: 'B', roles: ['agency'] }, { ...hidden, hidden: false }),
    ).toBe(true);
  });
});

describe('the items one may speak to', () => {
  it('are the sample’s goals, strategies, programs and projects, in table order', () => {
    const { plan } = readPlan(samplePlanWorkbook());
    const targets = consultationTargets(toCanonicalTables(plan));
    const count = (kind: string) => targets.filter((t) => t.kind === kind).length;
    // 6 goals, 15 strategies, 25 programs, 40 projects (shared/src/sample/content.ts).
    expect([count('goal'), count('strategy'), count('program'), count('project')]).toEqual([
      6, 15, 25, 40,
    ]);
    expect(targets[0]).toEqual({ kind: 'goal', id: 'G1', title: 'شهر سبز، پاک و تاب‌آور' });
    expect(targets.find((t) => t.id === 'P-001')?.title).toBe('احداث بوستان محله‌ای نرگس');
  });
});
