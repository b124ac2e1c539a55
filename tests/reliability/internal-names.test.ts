/**
 * Issue #12, item 5: JavaScript internals as names. Tables named `__proto__`, `constructor`,
 * `toString`, `hasOwnProperty` or `valueOf` gave 500, and columns of those names were
 * silently dropped, because the register keyed plain objects by names from the workbook.
 *
 * The choice: keep them faithfully. A table outside the contract (of any name) is stored as
 * pushed, so these are stored too, and pulled back cell for cell; a column outside the
 * contract is kept as an extra column (the reader's rule), so these are kept too, in the
 * stored rows and in the pull. Nothing about the register's own objects changes (no
 * prototype is touched: a later request sees ordinary objects).
 */
import request from 'supertest';
import type { RawTable, RawWorkbook } from '#core';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from '../service/api-harness';
import { bearer, openHarness } from '../service/api-harness';
import type { Editable } from './helpers';
import { editable, push } from './helpers';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** The workbook with every name as a table of its own and as a column of `tblProjects`. */
function withInternalNames(workbook: RawWorkbook): RawWorkbook {
  const tables = workbook.tables.map((t): RawTable => {
    if (t.name !== 'tblProjects') return t;
    return {
      ...t,
      header: [...t.header, ...NAMES],
      rows: t.rows.map((r, i) => [...r, ...NAMES.map((n) => `${n}-${i}`)]),
    };
  });
  const extra = NAMES.map((name): RawTable => ({
    name,
    header: ['Key', ...NAMES],
    rows: [
      ['a', ...NAMES.map((n) => `${name}.${n}`)],
      ['b', 1, 2, 3, 4, 5],
    ],
  }));
  return { tables: [...tables, ...extra] };
}

describe.each(DB_KINDS)('tables and columns named like JavaScript internals (%s)', (kind) => {
  let h: Harness;
  let civ: Editable;

  beforeAll(async () => {
    h = await openHarness(kind);
    civ = await editable(h, 'D-CIV');
  });
  afterAll(() => h.close());

  it('stores them as pushed and gives them back cell for cell', async () => {
    const sent = withInternalNames(civ.workbook);
    const res = await push(h, civ.id, h.tokens.preparer, sent, civ.version);
    expect(res.status).toBe(201);
    const version = (res.body as { version: number }).version;

    const pulled = await request(h.app)
      .get(`/api/submissions/${civ.id}/versions/${version}?lang=keys`)
      .set(bearer(h.tokens.preparer));
    expect(pulled.status).toBe(200);
    const back = (pulled.body as { workbook: RawWorkbook }).workbook.tables;
    for (const name of NAMES) {
      const table = back.find((t) => t.name === name);
      expect({ name, header: table?.header, rows: table?.rows }).toEqual({
        name,
        header: ['Key', ...NAMES],
        rows: [
          ['a', ...NAMES.map((n) => `${name}.${n}`)],
          ['b', 1, 2, 3, 4, 5],
        ],
      });
    }
    const projects = back.find((t) => t.name === 'tblProjects')!;
    const sentProjects = sent.tables.find((t) => t.name === 'tblProjects')!;
    for (const name of NAMES) {
      const col = projects.header.indexOf(name);
      expect({ name, found: col >= 0 }).toEqual({ name, found: true });
      expect(projects.rows.map((r) => r[col])).toEqual(
        sentProjects.rows.map((_, i) => `${name}-${i}`),
      );
    }

    // The diff and the .xlsx of the version read them too (no 500 anywhere they are used).
    const diff = await request(h.app)
      .get(`/api/submissions/${civ.id}/diff?from=${civ.version}&to=${version}`)
      .set(bearer(h.tokens.preparer));
    expect(diff.status).toBe(200);
    const xlsx = await request(h.app)
      .get(`/api/submissions/${civ.id}/versions/${version}?format=xlsx&source=rows`)
      .set(bearer(h.tokens.preparer));
    expect(xlsx.status).toBe(200);

    // Nothing leaked into the register's own objects.
    const probe: Record<string, unknown> = {};
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
    expect(typeof probe.toString).toBe('function');
    const me = await request(h.app).get('/api/me').set(bearer(h.tokens.preparer));
    expect(me.status).toBe(200);
  });
});
