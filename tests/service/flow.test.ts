/**
 * The whole story over real HTTP, on both databases: the civil-works deputy gets its workbook
 * from the register, fills in a new project, pushes it with a mistake (422, nothing stored),
 * fixes it and pushes again, meets a stale push (409 with what changed), retries with its
 * idempotency key (the first result, not a second version), the plan is reviewed and
 * approved by other people, and the council consolidates the city plan and opens the export.
 */
import request from 'supertest';
import { readXlsx, writeRawWorkbook } from '../../io';
import { XLSX_TYPE } from '../../service/src/routes';
import { DB_KINDS } from '../helpers/db';
import { NEW_PROJECT_COST, PLAN_YEARS, withNewProject } from '../helpers/workbook';
import type { Harness } from './api-harness';
import { bearer, binary, openHarness, submissionOf } from './api-harness';

describe.each(DB_KINDS)(
  'the plan of a department, from template to council export (%s)',
  (kind) => {
    let h: Harness;
    beforeAll(async () => {
      h = await openHarness(kind);
    });
    afterAll(async () => {
      await h.close();
    });

    it('runs the whole flow', async () => {
      const { app, tokens } = h;
      const id = await submissionOf(h, 'D-CIV');
      const before = await request(app)
        .get(`/api/cycles/${h.cycleId}/consolidation`)
        .set(bearer(tokens.council));
      expect(before.status).toBe(200);

      // The seeded plan is approved and frozen: a push is refused until the approver reopens it.
      const frozen = await request(app)
        .post(`/api/submissions/${id}/versions`)
        .set(bearer(tokens.preparer))
        .set('If-Match', '"1"')
        .send({ tables: [] });
      expect(frozen.status).toBe(409);
      expect(frozen.body.code).toBe('NOT_EDITABLE');
      const reopened = await request(app)
        .post(`/api/submissions/${id}/transitions`)
        .set(bearer(tokens.approver))
        .send({ action: 'reopen', note: 'new projects for 1405' });
      expect(reopened.status).toBe(200);

      // Template: the department's workbook from the register (re-generated from its rows).
      const pulled = await request(app)
        .get(`/api/submissions/${id}/versions/latest?format=xlsx`)
        .set(bearer(tokens.preparer))
        .buffer(true)
        .parse(binary);
      expect(pulled.status).toBe(200);
      expect(pulled.headers.etag).toBe('"1"');
      expect(pulled.headers['x-plan-regenerated']).toBe('true');
      const read = await readXlsx(new Uint8Array(pulled.body as Buffer));
      if (!read.ok) throw new Error(read.error.message.en);

      // Fill, with a mistake: the new project names a program the city does not have.
      const wrong = await writeRawWorkbook(withNewProject(read.workbook, 'PRG-NOPE'), {
        lang: 'fa',
      });
      const rejected = await request(app)
        .post(`/api/submissions/${id}/versions`)
        .set(bearer(tokens.preparer))
        .set('If-Match', '"1"')
        .set('Content-Type', XLSX_TYPE)
        .send(Buffer.from(wrong));
      expect(rejected.status).toBe(422);
      expect(rejected.body.code).toBe('WORKBOOK_INVALID');
      const finding = (
        rejected.body.details.findings as { code: string; table: string; severity: string }[]
      ).find((f) => f.severity === 'error');
      expect(finding).toMatchObject({ table: 'tblProjects' });
      const afterReject = await request(app)
        .get(`/api/submissions/${id}/versions`)
        .set(bearer(tokens.preparer));
      expect(afterReject.body).toHaveLength(1);

      // Fix and push, with an idempotency key.
      const fixed = Buffer.from(
        await writeRawWorkbook(withNewProject(read.workbook, null), { lang: 'fa' }),
      );
      const push = () =>
        request(app)
          .post(`/api/submissions/${id}/versions`)
          .set(bearer(tokens.preparer))
          .set('If-Match', '"1"')
          .set('Idempotency-Key', 'civ-1405-new-bridge')
          .set('Content-Type', XLSX_TYPE)
          .send(fixed);
      const created = await push();
      expect(created.status).toBe(201);
      expect(created.body.version).toBe(2);
      expect(created.headers.etag).toBe('"2"');

      // Someone else, still on version 1, pushes: 409, with what changed since version 1.
      const stale = await request(app)
        .post(`/api/submissions/${id}/versions`)
        .set(bearer(tokens.preparer))
        .set('If-Match', '"1"')
        .set('Content-Type', XLSX_TYPE)
        .send(Buffer.from(pulled.body as Buffer));
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      expect(stale.body.details.currentVersion).toBe(2);
      const projects = (
        stale.body.details.changes.tables as { table: string; added: { key: string }[] }[]
      ).find((t) => t.table === 'tblProjects');
      expect(projects?.added.map((a) => a.key)).toEqual(['P-NEW']);

      // The first client's retry (its response was lost): the first result, not a third version.
      const retry = await push();
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.version).toBe(2);
      const versions = await request(app)
        .get(`/api/submissions/${id}/versions`)
        .set(bearer(tokens.preparer));
      expect(versions.body).toHaveLength(2);

      // Review and approval, by other people; the preparer cannot approve.
      const act = (token: string, action: string, note?: string) =>
        request(app)
          .post(`/api/submissions/${id}/transitions`)
          .set(bearer(token))
          .send({ action, ...(note !== undefined && { note }) });
      expect((await act(tokens.preparer, 'submit')).status).toBe(200);
      const comment = await request(app)
        .post(`/api/submissions/${id}/comments`)
        .set(bearer(tokens.reviewer))
        .send({
          body: 'هزینه سال ۱۴۰۵ را بازبینی کنید',
          version: 2,
          tableName: 'tblProjects',
          rowKey: 'P-NEW',
          columnKey: '1405',
        });
      expect(comment.status).toBe(201);
      expect((await act(tokens.reviewer, 'review', 'checked')).status).toBe(200);
      const selfApprove = await act(tokens.preparer, 'approve');
      expect(selfApprove.status).toBe(403);
      const approved = await act(tokens.approver, 'approve', 'approved for 1405');
      expect(approved.status).toBe(200);
      expect(approved.body.submission.status).toBe('approved');

      // The diff of the two versions, as JSON and readable.
      const diff = await request(app)
        .get(`/api/submissions/${id}/diff?from=1&to=2`)
        .set(bearer(tokens.council));
      expect(diff.body.summary).toMatchObject({ added: 1, removed: 0, changed: 0 });
      const text = await request(app)
        .get(`/api/submissions/${id}/diff?from=1&to=approved&format=text`)
        .set(bearer(tokens.council));
      expect(text.text).toContain('+ P-NEW');

      // Consolidation: the city's totals grew by exactly the new project's cost in every year.
      const after = await request(app)
        .get(`/api/cycles/${h.cycleId}/consolidation`)
        .set(bearer(tokens.council));
      expect(after.status).toBe(200);
      for (const y of PLAN_YEARS) {
        expect(BigInt(after.body.totals.total[y]) - BigInt(before.body.totals.total[y])).toBe(
          BigInt(NEW_PROJECT_COST),
        );
        expect(
          BigInt(after.body.totals.byDepartment['D-CIV'][y]) -
            BigInt(before.body.totals.byDepartment['D-CIV'][y]),
        ).toBe(BigInt(NEW_PROJECT_COST));
      }

      // Export, and re-open it: the totals sheet says what the JSON says (in billion Rials,
      // the document's unit): its first two heads, continuous activities and capital projects,
      // add up to each year's total divided by 10^9 (the third, opex, is not in that total).
      const exported = await request(app)
        .get(`/api/cycles/${h.cycleId}/consolidation?format=xlsx`)
        .set(bearer(tokens.council))
        .buffer(true)
        .parse(binary);
      expect(exported.status).toBe(200);
      expect(exported.headers['content-type']).toContain(XLSX_TYPE);
      const reopenedFile = await readXlsx(new Uint8Array(exported.body as Buffer));
      if (!reopenedFile.ok) throw new Error(reopenedFile.error.message.en);
      const totals = reopenedFile.workbook.tables.find((t) => t.name === 'tblCityTotals');
      expect(totals?.header.slice(0, 2)).toEqual(['ردیف', 'سرفصل']);
      PLAN_YEARS.forEach((y, i) => {
        const heads = (totals?.rows ?? []).slice(0, 2).reduce((a, r) => a + Number(r[2 + i]), 0);
        expect(heads).toBeCloseTo(Number(after.body.totals.total[y]) / 1e9, 6);
      });
      expect(reopenedFile.workbook.tables.some((t) => t.name === 'tblProjects')).toBe(true);

      // Every change is in the audit chain, and the chain holds.
      const audit = await request(app).get('/api/audit/verify').set(bearer(tokens.admin));
      expect(audit.body.ok).toBe(true);
      const events = await h.test.repos.audit.listForEntity('sample', 'submission', id);
      expect(events.map((e) => e.action)).toEqual(
        expect.arrayContaining([
          'submission.reopen',
          'version.create',
          'submission.submit',
          'submission.review',
          'submission.approve',
          'comment.add',
        ]),
      );
    });
  },
);
