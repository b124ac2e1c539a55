/**
 * Sheet names a register-generated workbook is written with are legal and unique, whatever a
 * push said (issue 11). A JSON push names each table's sheet freely; pulling that version as
 * `.xlsx` re-generates the workbook from its rows on those sheets. Before the one sheet-name
 * rule, each of these turned the pull into a 500: `History` (Excel keeps the name), `notes`
 * beside `NOTES` (Excel compares names without case), and a name with `[]:*?/\`, longer than
 * 31 characters or with apostrophes at its ends.
 */
import request from 'supertest';
import type { RawWorkbook } from '#core';
import { sheetNameKey, uniqueSheetNames } from '#core';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../io';
import { editable, push } from '../reliability/helpers';
import type { Harness } from './api-harness';
import { bearer, binary, openHarness } from './api-harness';

/** The sheet each table of a workbook is on, read with exceljs (what Excel would show). */
async function sheetsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const out = new Map<string, string>();
  for (const ws of wb.worksheets)
    for (const t of ws.getTables() as unknown as { table: { name: string } }[])
      out.set(t.table.name, ws.name);
  return out;
}

describe('sheet names of pulled workbooks (pglite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('pglite');
  });
  afterAll(async () => {
    await h.close();
  });

  const pullRows = (id: string) =>
    request(h.app)
      .get(`/api/submissions/${id}/versions/latest?format=xlsx&source=rows`)
      .set(bearer(h.tokens.admin))
      .buffer(true)
      .parse(binary);

  // One department each: a pushed version stays a draft, which `editable` cannot reopen.
  const cases: [string, string, Record<string, string>][] = [
    ['History, which Excel keeps for itself', 'D-CIV', { tblProjects: 'History' }],
    ['notes beside NOTES', 'D-TRF', { tblProjects: 'notes', tblActivities: 'NOTES' }],
    [
      'names with []:*?/\\, over 31 characters, apostrophes at the ends',
      'D-SRV',
      {
        tblBudgetLines: '[Plan]: a/b\\c*?',
        tblActivities: `'${'برنامه عملیاتی معاونت خدمات شهری'.repeat(2)}'`,
        tblPlanInfo: "'quoted'",
      },
    ],
  ];

  it.each(cases)('pulls a version pushed with sheets named %s', async (_, dept, sheets) => {
    const plan = await editable(h, dept);
    const workbook: RawWorkbook = {
      tables: plan.workbook.tables.map((t) =>
        sheets[t.name] === undefined ? t : { ...t, sheet: sheets[t.name], address: undefined },
      ),
    };
    for (const name of Object.keys(sheets))
      expect(workbook.tables.some((t) => t.name === name)).toBe(true);
    const pushed = await push(h, plan.id, h.tokens.admin, workbook, plan.version);
    expect(pushed.status).toBe(201);

    const pulled = await pullRows(plan.id);
    expect(pulled.status).toBe(200);
    const bytes = new Uint8Array(pulled.body as Buffer);
    const onSheet = await sheetsOf(bytes);
    // Every table is there, each on a sheet whose name Excel accepts and no other sheet has.
    const names = [...new Set(onSheet.values())];
    expect(uniqueSheetNames(names)).toEqual(names);
    for (const table of Object.keys(sheets)) expect(onSheet.get(table)).toBeDefined();
    const keys = Object.keys(sheets).map((t) => sheetNameKey(onSheet.get(t) ?? ''));
    expect(new Set(keys).size).toBe(keys.length);
    // And the reader gets the version's tables back, row for row.
    const read = await readXlsx(bytes);
    if (!read.ok) throw new Error(read.error.message.en);
    for (const t of plan.workbook.tables)
      expect(read.workbook.tables.find((r) => r.name === t.name)?.rows.length).toBe(t.rows.length);
  });
});
