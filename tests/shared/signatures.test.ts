/**
 * Agency sign-offs in the core, on tables made by hand: what an agency signs (the strategies
 * whose partners name it, its commitments), the text hashed (canonical JSON, rows by ID), the
 * staleness rule (a revision that changes that agency's rows, and only those), the snapshot
 * signed now, the latest signature of each agency, and the request's rule for the text.
 */
import { createHash } from 'node:crypto';
import type { CanonicalTable } from '#core';
import {
  agencyRowsOf,
  agencySignedOf,
  ApiSignatureBody,
  isSignatureStale,
  latestSignatures,
  signableSnapshotOf,
  signedText,
} from '#core';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const tables = (cm01Text = 'جابه‌جایی خطوط آب', cm02Amount = '90'): CanonicalTable[] => [
  {
    name: 'tblStrategies',
    columns: ['StrategyId', 'GoalId', 'Title', 'PartnerIds'],
    rows: [
      { StrategyId: 'S2', GoalId: 'G1', Title: 'معابر', PartnerIds: 'SH13, SH14' },
      { StrategyId: 'S1', GoalId: 'G1', Title: 'آب', PartnerIds: 'SH13' },
      { StrategyId: 'S3', GoalId: 'G2', Title: 'برق', PartnerIds: 'SH14' },
      { StrategyId: 'S4', GoalId: 'G2', Title: 'بی‌همکار' },
    ],
  },
  {
    name: 'tblPrograms',
    columns: ['ProgramId', 'StrategyId', 'Title'],
    rows: [{ ProgramId: 'PG1', StrategyId: 'S2', Title: 'تقاطع‌ها' }],
  },
  {
    name: 'tblCommitments',
    columns: ['CommitmentId', 'StakeholderId', 'LinkedId', 'Text', 'FromYear', 'ToYear', 'Amount'],
    rows: [
      {
        CommitmentId: 'CM02',
        StakeholderId: 'SH14',
        LinkedId: 'PG1',
        Text: 'انتقال شبکه برق',
        FromYear: 1405,
        ToYear: 1405,
        Amount: cm02Amount,
      },
      {
        CommitmentId: 'CM01',
        StakeholderId: 'SH13',
        LinkedId: 'PG1',
        Text: cm01Text,
        FromYear: 1405,
        ToYear: 1406,
        Amount: '150',
      },
    ],
  },
];

describe('what an agency signs', () => {
  it('is the strategies that name it as a partner and its commitments, by ID', () => {
    const signed = agencySignedOf(tables(), 'SH13');
    expect(signed.strategies.map((r) => r.StrategyId)).toEqual(['S1', 'S2']);
    expect(signed.commitments.map((r) => r.CommitmentId)).toEqual(['CM01']);
    // Written out by hand: keys sorted, no spaces, rows by ID.
    expect(signedText(signed)).toBe(
      '{"commitments":[{"Amount":"150","CommitmentId":"CM01","FromYear":1405,"LinkedId":"PG1",' +
        '"StakeholderId":"SH13","Text":"جابه‌جایی خطوط آب","ToYear":1406}],' +
        '"stakeholderId":"SH13","strategies":[{"GoalId":"G1","PartnerIds":"SH13","StrategyId":"S1","Title":"آب"},' +
        '{"GoalId":"G1","PartnerIds":"SH13, SH14","StrategyId":"S2","Title":"معابر"}]}',
    );
  });

  it('understands the Persian comma between partners and ignores a blank list', () => {
    const t = tables();
    const strategies = t[0]!;
    const withPersianComma: CanonicalTable = {
      ...strategies,
      rows: [{ StrategyId: 'S9', GoalId: 'G1', Title: 'x', PartnerIds: 'SH14،SH13' }],
    };
    expect(agencySignedOf([withPersianComma], 'SH13').strategies).toHaveLength(1);
    expect(agencySignedOf([withPersianComma], 'SH1').strategies).toHaveLength(0);
  });

  it('hashes the same whatever order the workbook held the rows in', () => {
    const t = tables();
    const reversed = t.map((x) => ({ ...x, rows: [...x.rows].reverse() }));
    expect(sha(signedText(agencySignedOf(reversed, 'SH13')))).toBe(
      sha(signedText(agencySignedOf(t, 'SH13'))),
    );
  });

  it('gives the representative the commitments with the title of what they serve', () => {
    const t = tables();
    const rows = agencyRowsOf(t, agencySignedOf(t, 'SH13'));
    expect(rows.strategies.map((s) => s.id)).toEqual(['S1', 'S2']);
    expect(rows.commitments).toEqual([
      {
        id: 'CM01',
        linkedId: 'PG1',
        linkedTitle: 'تقاطع‌ها',
        text: 'جابه‌جایی خطوط آب',
        fromYear: 1405,
        toYear: 1406,
        amount: '150',
      },
    ]);
  });
});

describe('a stale signature', () => {
  const signedHash = sha(signedText(agencySignedOf(tables(), 'SH13')));

  it('is stale when a revision changes one of its own commitments', () => {
    const revised = sha(signedText(agencySignedOf(tables('جابه‌جایی خطوط آب و فاضلاب'), 'SH13')));
    expect(isSignatureStale(signedHash, revised)).toBe(true);
  });

  it('is not stale when the revision changes another agency’s commitment only', () => {
    const revised = sha(signedText(agencySignedOf(tables(undefined, '120'), 'SH13')));
    expect(revised).toBe(signedHash);
    expect(isSignatureStale(signedHash, revised)).toBe(false);
    // …which the other agency's signature does see.
    const other = sha(signedText(agencySignedOf(tables(), 'SH14')));
    expect(
      isSignatureStale(other, sha(signedText(agencySignedOf(tables(undefined, '120'), 'SH14')))),
    ).toBe(true);
  });

  it('is never stale when there is no snapshot to sign now', () => {
    expect(isSignatureStale(signedHash, null)).toBe(false);
  });
});

describe('the snapshot signed now', () => {
  it('is the newest in council review or adopted', () => {
    const s = (number: number, status: 'made' | 'council-review' | 'adopted' | 'returned') => ({
      number,
      status,
    });
    expect(signableSnapshotOf([s(1, 'adopted'), s(3, 'made'), s(2, 'returned')])?.number).toBe(1);
    expect(signableSnapshotOf([s(2, 'council-review'), s(1, 'adopted')])?.number).toBe(2);
    expect(signableSnapshotOf([s(1, 'made')])).toBeNull();
  });
});

describe('signatures', () => {
  it('keeps the latest of each agency', () => {
    const all = [
      { id: 'a', stakeholderId: 'SH14', createdAt: '2026-03-01T10:00:00.000Z' },
      { id: 'b', stakeholderId: 'SH13', createdAt: '2026-03-01T09:00:00.000Z' },
      { id: 'c', stakeholderId: 'SH13', createdAt: '2026-03-02T09:00:00.000Z' },
    ];
    expect(latestSignatures(all).map((s) => s.id)).toEqual(['c', 'a']);
  });

  it('needs the reservations, and the reason of a disagreement', () => {
    const body = { snapshotId: 's1' };
    expect(ApiSignatureBody.safeParse({ ...body, position: 'agree' }).success).toBe(true);
    const reserved = ApiSignatureBody.safeParse({
      ...body,
      position: 'agree-with-reservations',
      text: '  ',
    });
    expect(reserved.success).toBe(false);
    expect(reserved.error?.issues[0]?.path).toEqual(['text']);
    expect(ApiSignatureBody.safeParse({ ...body, position: 'disagree' }).success).toBe(false);
    expect(
      ApiSignatureBody.safeParse({ ...body, position: 'disagree', text: 'هزینه دیده نشده' })
        .success,
    ).toBe(true);
    expect(ApiSignatureBody.safeParse({ ...body, position: 'veto', text: 'x' }).success).toBe(
      false,
    );
  });
});
