/**
 * Issue #12, item 7: look-alike IDs. Department codes `K-يك` and `K-یک` (Arabic and Persian
 * yeh/kaf), `K-ONE` and `K-ONE` + U+200B could both be created, yet the ownership check
 * compared normalised forms; item IDs with a Cyrillic `Р`, a soft hyphen or U+202E
 * (`P-‮610` shows as P-016) were accepted.
 *
 * Now the core's one ID normaliser (shared/src/util/ids.ts: NFKC, Persian letters, ASCII
 * digits) is what codes are stored in and IDs compared by; an ID holding a bidi control or
 * an invisible character is the located error `ID_INVISIBLE`; two IDs of one table whose
 * confusable skeletons are equal are the located error `ID_CONFUSABLE`; a Cyrillic or Greek
 * letter that looks Latin is the warning `ID_LOOKALIKE_LETTER`; a Persian ID with Latin
 * letters and digits is ordinary. Departments are created by `plan admin department-create`,
 * which calls the repository asked here; the rest goes through the API.
 */
import request from 'supertest';
import type { RawCell, RawTable, RawWorkbook } from '#core';
import { idKey, idSkeleton, invisibleInId, normalizeId } from '#core';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from '../service/api-harness';
import { bearer, openHarness, TENANT } from '../service/api-harness';
import type { Editable } from './helpers';
import { editable, push } from './helpers';

const ARABIC = 'K-\u064a\u0643'; // K-يك: Arabic yeh, Arabic kaf
const PERSIAN = 'K-\u06cc\u06a9'; // K-یک: Persian yeh, keheh

interface Finding {
  code: string;
  severity: string;
  table: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
  message: { fa: string; en: string };
}

/** The workbook with extra project rows: copies of the first one under other IDs. */
function withProjects(workbook: RawWorkbook, ids: string[]): RawWorkbook {
  return {
    tables: workbook.tables.map((t): RawTable => {
      if (t.name !== 'tblProjects') return t;
      const col = t.header.indexOf('ProjectId');
      const rows = ids.map((id) => {
        const row: RawCell[] = [...t.rows[0]!];
        row[col] = id;
        return row;
      });
      return { ...t, rows: [...t.rows, ...rows] };
    }),
  };
}

describe('the ID normaliser of the core', () => {
  it('stores one form and compares by one key', () => {
    // Where each expectation comes from: the characters named in the issue.
    expect(normalizeId(ARABIC)).toBe(PERSIAN);
    expect(normalizeId('ＰＲ-۰۱')).toBe('PR-01'); // full-width Latin (NFKC), Persian digits
    expect(idKey('p-٠١')).toBe(idKey('P-01'));
    expect(invisibleInId('K-ONE\u200b')).toEqual(['U+200B']);
    expect(invisibleInId('P-\u202e610')).toEqual(['U+202E']);
    expect(invisibleInId('P-0\u00ad17')).toEqual(['U+00AD']);
    // A zero-width non-joiner inside a Persian word is how Persian is written.
    expect(invisibleInId('سال\u200cها')).toEqual([]);
    expect(invisibleInId('K-ONE\u200c')).toEqual(['U+200C']);
    expect(idSkeleton('\u0420-016')).toBe(idSkeleton('P-016')); // Cyrillic Р
    expect(idSkeleton('\u041a-ONE')).toBe(idSkeleton('K-ONE')); // Cyrillic К
    expect(idSkeleton('P-O16')).toBe(idSkeleton('P-016')); // letter O, digit 0
    expect(idSkeleton(PERSIAN)).not.toBe(idSkeleton('K-ONE'));
  });
});

describe.each(DB_KINDS)('look-alike IDs (%s)', (kind) => {
  let h: Harness;
  let civ: Editable;

  beforeAll(async () => {
    h = await openHarness(kind);
    civ = await editable(h, 'D-CIV');
  });
  afterAll(() => h.close());

  it('creates one department of K-يك and K-یک, and of K-ONE and K-ONE + U+200B', async () => {
    const create = (code: string) =>
      h.test.repos.departments.create(TENANT, { code, name: `واحد ${code}` }, null);
    const arabic = await create(ARABIC);
    expect(arabic.ok && arabic.department.code).toBe(PERSIAN);
    expect(await create(PERSIAN)).toEqual({ ok: false, reason: 'exists' });
    const one = await create('K-ONE');
    expect(one.ok).toBe(true);
    expect(await create('K-ONE\u200b')).toEqual({ ok: false, reason: 'invalid-code' });
    expect(await create('k-one')).toEqual({ ok: false, reason: 'exists' });
    expect(await create('\u041a-ONE')).toEqual({ ok: false, reason: 'lookalike' });
    expect(await create('K-\u202eENO')).toEqual({ ok: false, reason: 'invalid-code' });

    const list = await request(h.app).get('/api/departments').set(bearer(h.tokens.admin));
    const codes = (list.body as { code: string }[]).map((d) => d.code);
    expect(codes.filter((c) => c.startsWith('K-'))).toEqual(['K-ONE', PERSIAN]);
    // The Arabic spelling names the one department, wherever a code is asked for.
    const sub = await request(h.app)
      .post('/api/submissions')
      .set(bearer(h.tokens.admin))
      .send({ cycleId: h.cycleId, departmentCode: ARABIC, kind: 'department', title: 'برنامه' });
    expect(sub.status).toBe(201);
    expect((sub.body as { departmentCode: string }).departmentCode).toBe(PERSIAN);
  });

  it.each([
    ['a bidi override', 'P-\u202e610', 'ID_INVISIBLE', 'U+202E'],
    ['a soft hyphen', 'P-0\u00ad17', 'ID_INVISIBLE', 'U+00AD'],
    ['a zero-width space', 'P-018\u200b', 'ID_INVISIBLE', 'U+200B'],
  ])('refuses a project ID with %s, located at its cell', async (_, id, code, named) => {
    const sent = withProjects(civ.workbook, [id]);
    const res = await push(h, civ.id, h.tokens.preparer, sent, civ.version);
    expect(res.status).toBe(422);
    const findings = (res.body as { details: { findings: Finding[] } }).details.findings;
    const rows = sent.tables.find((t) => t.name === 'tblProjects')!.rows.length;
    const found = findings.filter((f) => f.code === code);
    expect(found.map((f) => [f.severity, f.table, f.column])).toEqual([
      ['error', 'tblProjects', 'ProjectId'],
    ]);
    // The new row is the table's last: below every row it had, at the cell of its ID.
    expect(found[0]!.row).toBeGreaterThanOrEqual(rows);
    expect(found[0]!.cell).toMatch(new RegExp(`^[A-Z]+${found[0]!.row}$`));
    expect(found[0]!.message.en).toContain(named);
    expect(found[0]!.message.fa).toContain(named);
  });

  it('refuses two project IDs that look the same (a Cyrillic Р), naming the first', async () => {
    const sent = withProjects(civ.workbook, ['P-916', '\u0420-916']);
    const res = await push(h, civ.id, h.tokens.preparer, sent, civ.version);
    expect(res.status).toBe(422);
    const findings = (res.body as { details: { findings: Finding[] } }).details.findings;
    const confusable = findings.filter((f) => f.code === 'ID_CONFUSABLE');
    expect(confusable).toHaveLength(1);
    expect(confusable[0]).toMatchObject({
      severity: 'error',
      table: 'tblProjects',
      column: 'ProjectId',
    });
    // The IDs are set in bidi isolates inside the message (the core's fsi).
    expect(confusable[0]!.message.en.replace(/[\u2066-\u2069]/g, '')).toContain('"P-916"');
    // One finding for the row: its look-alike letter is not reported again.
    expect(findings.filter((f) => f.code === 'ID_LOOKALIKE_LETTER')).toEqual([]);
  });

  it('warns of a lone ID written with a Cyrillic letter that looks Latin', async () => {
    const sent = withProjects(civ.workbook, ['\u0420-099']);
    const res = await push(h, civ.id, h.tokens.preparer, sent, civ.version);
    expect(res.status).toBe(201);
    const warnings = (res.body as { warnings: Finding[] }).warnings;
    const found = warnings.filter((f) => f.code === 'ID_LOOKALIKE_LETTER');
    expect(found.map((f) => [f.severity, f.table, f.column])).toEqual([
      ['warning', 'tblProjects', 'ProjectId'],
    ]);
    expect(found[0]!.message.en).toContain('Cyrillic');
    civ = { ...civ, version: (res.body as { version: number }).version };
  });

  it('takes a Persian ID with Latin letters and digits as an ordinary ID', async () => {
    const sent = withProjects(civ.workbook, ['P-یک', 'P-دو2']);
    const res = await push(h, civ.id, h.tokens.preparer, sent, civ.version);
    expect(res.status).toBe(201);
    const warnings = (res.body as { warnings: Finding[] }).warnings;
    expect(warnings.filter((f) => f.code.startsWith('ID_') || f.code === 'DUPLICATE_ID')).toEqual(
      [],
    );
    civ = { ...civ, version: (res.body as { version: number }).version };
  });
});
