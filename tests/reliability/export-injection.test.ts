/**
 * Issue item 9: text a user typed that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is exported as text, never as a formula. Checked in the written file itself (the
 * worksheet XML: a formula is an `<f>` element; text is a shared or inline string) and by
 * reading it back with exceljs.
 *
 * The writer is checked with all six starts. Through the API, pushes already refuse text
 * that a spreadsheet would run (`=…`, `@…`, `+`/`-` with a call; docs/api.md), so what can
 * reach an export is the rest: `-2 …`, `+98 …`, tab- and CR-led text; those are pushed,
 * approved, and exported as the pulled workbook and the council's consolidation. (PGlite
 * only: the export reads rows already stored; the storage of rows is proven on both
 * databases elsewhere.)
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { RawWorkbook } from '#core';
import { writeRawWorkbook } from '../../io';
import type { Harness } from '../service/api-harness';
import { bearer, binary, openHarness } from '../service/api-harness';
import { editable, push } from './helpers';
import { unzipText } from './zip';

/** Each start the issue names, with a payload that would do harm as a formula. */
const HOSTILE = [
  '=HYPERLINK("http://evil.example","click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];

/** What a push lets through (looksLikeFormula in service/src/handlers/workbook.ts is false). */
const PUSHABLE = ['-2 پروژه کمتر', '+98 21 5555 0000', '\tتورفته', '\rبا CR'];

/** Formulas in every worksheet of a written file (the text of each `<f>` element). */
function formulasIn(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (const [name, xml] of unzipText(bytes))
    if (name.startsWith('xl/worksheets/'))
      for (const m of xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)) out.push(m[1] ?? '');
  return out;
}

/** Every cell holding one of the texts, with its exceljs type. */
async function cellsWith(bytes: Uint8Array, texts: readonly string[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const found: { text: string; type: ExcelJS.ValueType; formula: string | undefined }[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        const text = typeof v === 'string' ? v : (cell.text ?? '');
        for (const t of texts)
          if (text === t || text.includes(t.trim()))
            found.push({ text: t, type: cell.type, formula: cell.formula || undefined });
      }),
    );
  return found;
}

const mentions = (formulas: string[], texts: readonly string[]) =>
  formulas.filter((f) => texts.some((t) => f.includes(t.replace(/^[\t\r=+\-@]+/, '').slice(0, 8))));

describe('exported text never becomes a formula', () => {
  it('writes each hostile start as text', async () => {
    const workbook: RawWorkbook = {
      tables: [
        { name: 'tblNotes', header: ['Id', 'Note'], rows: HOSTILE.map((t, i) => [`N-${i}`, t]) },
      ],
    };
    const bytes = await writeRawWorkbook(workbook, { lang: 'fa' });
    expect(mentions(formulasIn(bytes), HOSTILE)).toEqual([]);
    const cells = await cellsWith(bytes, HOSTILE);
    for (const t of HOSTILE) {
      const cell = cells.find((c) => c.text === t);
      expect({ t, type: cell?.type, formula: cell?.formula }).toEqual({
        t,
        type: ExcelJS.ValueType.String,
        formula: undefined,
      });
    }
  });

  describe('through the API (pglite)', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await openHarness('pglite');
    });
    afterAll(async () => {
      await h.close();
    });

    it('exports pushed text as text in the pulled workbook and the consolidation', async () => {
      const plan = await editable(h);
      const workbook: RawWorkbook = {
        tables: plan.workbook.tables.map((t) => {
          if (t.name !== 'tblProjects') return t;
          const col = t.header.indexOf('Title');
          return {
            ...t,
            rows: t.rows.map((r, i) =>
              i < PUSHABLE.length ? r.map((c, j) => (j === col ? PUSHABLE[i]! : c)) : r,
            ),
          };
        }),
      };
      const pushed = await push(h, plan.id, h.tokens.preparer, workbook, plan.version);
      expect(pushed.status).toBe(201);
      const step = (token: string, action: string) =>
        request(h.app)
          .post(`/api/submissions/${plan.id}/transitions`)
          .set(bearer(token))
          .send({ action });
      expect((await step(h.tokens.preparer, 'submit')).status).toBe(200);
      expect((await step(h.tokens.reviewer, 'review')).status).toBe(200);
      expect((await step(h.tokens.approver, 'approve')).status).toBe(200);

      const pulled = await request(h.app)
        .get(`/api/submissions/${plan.id}/versions/latest?format=xlsx&source=rows`)
        .set(bearer(h.tokens.preparer))
        .buffer(true)
        .parse(binary);
      const exported = await request(h.app)
        .get(`/api/cycles/${h.cycleId}/consolidation?format=xlsx`)
        .set(bearer(h.tokens.council))
        .buffer(true)
        .parse(binary);
      for (const res of [pulled, exported]) {
        expect(res.status).toBe(200);
        const bytes = new Uint8Array(res.body as Buffer);
        expect(mentions(formulasIn(bytes), PUSHABLE)).toEqual([]);
        const cells = await cellsWith(bytes, PUSHABLE);
        for (const t of PUSHABLE) {
          const cell = cells.find((c) => c.text === t);
          expect({ t, type: cell?.type, formula: cell?.formula }).toEqual({
            t,
            type: ExcelJS.ValueType.String,
            formula: undefined,
          });
        }
      }
    });
  });
});
