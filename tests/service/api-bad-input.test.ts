/**
 * Bad input gets a clear 4xx with the bilingual error body, and stores nothing: a broken
 * `.xlsx`, a wrong content type, an oversized body, unknown (mass-assigned) fields, a workbook
 * of another department, formula text and SQL in cells, and requests without a token or for
 * a department that is not the caller's.
 */
import request from 'supertest';
import type { RawWorkbook } from '#core';
import { XLSX_TYPE } from '../../service/src/routes';
import { splitSamplePlan } from '../../service/src/handlers/seed';
import type { Harness } from './api-harness';
import { bearer, openHarness, submissionOf } from './api-harness';
import { latinLeft } from '../helpers/persianText';

/** 64 KB: above any request here except the deliberately oversized one. */
const SMALL_LIMIT = 64 * 1024;

describe('bad input to the register (pglite)', () => {
  let h: Harness;
  let civ: string;
  let civWorkbook: RawWorkbook;
  beforeAll(async () => {
    h = await openHarness('pglite', { jsonLimitBytes: SMALL_LIMIT, xlsxLimitBytes: SMALL_LIMIT });
    civ = await submissionOf(h, 'D-CIV');
    civWorkbook = splitSamplePlan().departments.get('D-CIV') as RawWorkbook;
    // Editable again, so that only the input decides.
    await request(h.app)
      .post(`/api/submissions/${civ}/transitions`)
      .set(bearer(h.tokens.approver))
      .send({ action: 'reopen' });
  });
  afterAll(async () => {
    await h.close();
  });

  const push = () =>
    request(h.app)
      .post(`/api/submissions/${civ}/versions`)
      .set(bearer(h.tokens.preparer))
      .set('If-Match', '"1"');

  async function expectNothingStored(): Promise<void> {
    const versions = await request(h.app)
      .get(`/api/submissions/${civ}/versions`)
      .set(bearer(h.tokens.preparer));
    expect(versions.body).toHaveLength(1);
  }

  function expectError(res: request.Response, status: number, code: string): void {
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.message.fa).toEqual(expect.any(String));
    expect(res.body.message.en).toEqual(expect.any(String));
    // Persian that is Persian: no English word, no Latin digit outside IDs and isolates.
    expect(latinLeft(res.body.message.fa as string)).toEqual([]);
    expect(JSON.stringify(res.body)).not.toMatch(/at .+\.ts:\d+/); // no stack traces
  }

  it('refuses a broken .xlsx (random bytes, a truncated zip)', async () => {
    expectError(
      await push().set('Content-Type', XLSX_TYPE).send(Buffer.from('not a workbook at all')),
      400,
      'FILE_UNREADABLE',
    );
    const truncatedZip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
    expectError(
      await push().set('Content-Type', XLSX_TYPE).send(truncatedZip),
      400,
      'FILE_UNREADABLE',
    );
    await expectNothingStored();
  });

  it('refuses a wrong content type', async () => {
    expectError(
      await push().set('Content-Type', 'text/plain').send('tblProjects'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    await expectNothingStored();
  });

  it('refuses an oversized body with 413', async () => {
    const big = {
      tables: [
        {
          name: 'tblNotes',
          header: ['Text'],
          rows: Array.from({ length: 5000 }, () => ['x'.repeat(20)]),
        },
      ],
    };
    expectError(await push().send(big), 413, 'PAYLOAD_TOO_LARGE');
    expectError(
      await push()
        .set('Content-Type', XLSX_TYPE)
        .send(Buffer.alloc(SMALL_LIMIT + 1)),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    await expectNothingStored();
  });

  it('names in Persian what was not found and which field is wrong', async () => {
    const missing = await request(h.app)
      .get('/api/submissions/00000000-0000-4000-8000-000000000000')
      .set(bearer(h.tokens.reviewer));
    expectError(missing, 404, 'NOT_FOUND');
    expect(missing.body.message.fa).toBe('برنامه واحد پیدا نشد.');
    const mass = await push().send({ ...civWorkbook, status: 'approved' });
    expectError(mass, 400, 'INVALID_REQUEST');
    // The field is named (isolated for bidi) and the message does not stop at a colon.
    expect(mass.body.message.fa).toContain('\u2066status\u2069');
    expect(mass.body.message.fa).not.toMatch(/:\s*$/);
  });

  it('refuses unknown and mass-assigned fields', async () => {
    expectError(await push().send({ ...civWorkbook, status: 'approved' }), 400, 'INVALID_REQUEST');
    expectError(
      await request(h.app)
        .post(`/api/submissions/${civ}/transitions`)
        .set(bearer(h.tokens.preparer))
        .send({ action: 'submit', approvedBy: 'me' }),
      400,
      'INVALID_REQUEST',
    );
    await expectNothingStored();
  });

  it('refuses a workbook of another department (as its own preparer too)', async () => {
    const trf = splitSamplePlan().departments.get('D-TRF') as RawWorkbook;
    const res = await push().send(trf);
    expectError(res, 422, 'DEPARTMENT_MISMATCH');
    expect(res.body.details).toEqual({
      workbookDepartment: 'D-TRF',
      submissionDepartment: 'D-CIV',
    });
    // The transport preparer may not push to civil works at all.
    expectError(
      await request(h.app)
        .post(`/api/submissions/${civ}/versions`)
        .set(bearer(h.tokens.otherPreparer))
        .set('If-Match', '"1"')
        .send(trf),
      403,
      'FORBIDDEN',
    );
    await expectNothingStored();
  });

  it('refuses formula text and SQL where a number belongs; stores nothing', async () => {
    const tamper = (value: string, column: number) => ({
      tables: civWorkbook.tables.map((t) =>
        t.name === 'tblProjects'
          ? {
              ...t,
              rows: t.rows.map((r, i) =>
                i === 0 ? r.map((c, j) => (j === column ? value : c)) : r,
              ),
            }
          : t,
      ),
    });
    const title = 2; // tblProjects: ProjectId, ProgramId, Title, …
    const formula = await push().send(tamper('=HYPERLINK("http://evil.example","click")', title));
    expectError(formula, 422, 'WORKBOOK_INVALID');
    expect(formula.body.details.findings[0]).toMatchObject({
      code: 'CELL_FORMULA_TEXT',
      table: 'tblProjects',
    });
    const dde = await push().send(tamper("-cmd|' /C calc'!A0", title));
    expectError(dde, 422, 'WORKBOOK_INVALID');
    const cost1405 =
      civWorkbook.tables.find((t) => t.name === 'tblProjects')?.header.indexOf('1405') ?? -1;
    const sql = await push().send(tamper('0; DROP TABLE submission; --', cost1405));
    expectError(sql, 422, 'WORKBOOK_INVALID');
    await expectNothingStored();
  });

  it('asks for If-Match, and a valid Idempotency-Key', async () => {
    const noBase = await request(h.app)
      .post(`/api/submissions/${civ}/versions`)
      .set(bearer(h.tokens.preparer))
      .send(civWorkbook);
    expectError(noBase, 428, 'PRECONDITION_REQUIRED');
    expectError(await push().set('Idempotency-Key', 'x').send(civWorkbook), 400, 'INVALID_REQUEST');
    await expectNothingStored();
  });

  it('answers 401 without a valid token, and 404 for what is not there', async () => {
    expectError(await request(h.app).get('/api/submissions'), 401, 'UNAUTHENTICATED');
    expectError(
      await request(h.app)
        .get('/api/submissions')
        .set(bearer('plan_sample_' + 'A'.repeat(43))),
      401,
      'UNAUTHENTICATED',
    );
    expectError(
      await request(h.app).get('/api/nothing-here').set(bearer(h.tokens.admin)),
      404,
      'NOT_FOUND',
    );
    expectError(
      await request(h.app).get('/api/submissions/nope').set(bearer(h.tokens.admin)),
      404,
      'NOT_FOUND',
    );
  });

  it('keeps a preparer to their own department, and consolidation to city-wide roles', async () => {
    const trf = await submissionOf(h, 'D-TRF');
    expectError(
      await request(h.app).get(`/api/submissions/${trf}`).set(bearer(h.tokens.preparer)),
      403,
      'FORBIDDEN',
    );
    const mine = await request(h.app).get('/api/submissions').set(bearer(h.tokens.preparer));
    expect((mine.body as { departmentCode: string }[]).map((s) => s.departmentCode)).toEqual([
      'D-CIV',
    ]);
    expectError(
      await request(h.app)
        .get(`/api/cycles/${h.cycleId}/consolidation`)
        .set(bearer(h.tokens.preparer)),
      403,
      'FORBIDDEN',
    );
  });
});
