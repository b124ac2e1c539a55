/**
 * Issue #12, items 3, 6 and 8: what a push is checked for before its body costs anything,
 * what a broken upload answers, and whose an idempotency key is.
 *
 * - Item 3 (parse before authorization): a read-only council token posting a large file to a
 *   submission that does not exist held the register 28–97 s at 4 GB, because the file was
 *   parsed before the submission was looked up. Now the route's role, the submission, the
 *   caller's department, the submission's status and `If-Match` are checked first; a refused
 *   push is never parsed. The evidence is the count of parses (the app's `readXlsx`, counted
 *   here), not time: each refused push leaves it unchanged, and an honest push moves it by one
 *   (so the count can fail).
 * - Item 6 (malformed multipart): a form without its boundary, or cut short, answered 500;
 *   now 400 `INVALID_REQUEST` with a Persian and an English reason.
 * - Item 8 (idempotency keys per municipality): two departments sending docs/cli.md's example
 *   key `civ-1405-push-1` collided (the second got 422). A key now belongs to its caller and
 *   its submission.
 */
import request from 'supertest';
import type { ReadXlsxOptions, ReadXlsxResult } from '../../io';
import { readXlsx } from '../../io';
import { XLSX_TYPE } from '../../service/src/routes';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from '../service/api-harness';
import { bearer, binary, openHarness, submissionOf } from '../service/api-harness';
import type { Editable } from './helpers';
import { editable, push, variant } from './helpers';

/** An id that names no submission (the shape of a real one). */
const MISSING = '00000000-0000-4000-8000-000000000000';
/** The example key of docs/cli.md (`plan push … --idempotency-key civ-1405-push-1`). */
const DOCS_KEY = 'civ-1405-push-1';

describe.each(DB_KINDS)('pushes checked before their body is read (%s)', (kind) => {
  let h: Harness;
  let civ: Editable;
  let approvedId: string;
  let parses = 0;
  /** 15 MB that no reader could take for a workbook: if it were parsed, it would be 400. */
  const big = Buffer.alloc(15 * 1_048_576, 0x41);
  let honest: Buffer;

  beforeAll(async () => {
    h = await openHarness(
      kind,
      {},
      {
        readXlsx: (bytes: Uint8Array, options: ReadXlsxOptions): Promise<ReadXlsxResult> => {
          parses += 1;
          return readXlsx(bytes, options);
        },
      },
    );
    civ = await editable(h, 'D-CIV');
    approvedId = await submissionOf(h, 'D-TRF');
    honest = (await request(h.app)
      .get(`/api/submissions/${civ.id}/versions/latest?format=xlsx`)
      .set(bearer(h.tokens.admin))
      .buffer(true)
      .parse(binary)
      .then((r) => r.body)) as Buffer;
  });
  afterAll(() => h.close());

  const raw = (id: string, token: string, body: Buffer, ifMatch: string | null) => {
    const req = request(h.app)
      .post(`/api/submissions/${id}/versions`)
      .set(bearer(token))
      .set('Content-Type', XLSX_TYPE);
    if (ifMatch !== null) req.set('If-Match', ifMatch);
    return req.send(body);
  };

  it.each([
    ['the council, to a submission that does not exist', 'council', 'missing', '"0"', 403],
    ['the council, to a plan it may read', 'council', 'civ', '"current"', 403],
    ['a reviewer', 'reviewer', 'civ', '"current"', 403],
    ["another department's preparer", 'otherPreparer', 'civ', '"current"', 403],
    ['the preparer, to a submission that does not exist', 'preparer', 'missing', '"0"', 404],
    ['the preparer, without If-Match', 'preparer', 'civ', null, 428],
    ['the preparer, on a version that is not the current one', 'preparer', 'civ', '"0"', 409],
  ] as const)('refuses %s without parsing the file', async (_, who, target, ifMatch, status) => {
    const id = target === 'missing' ? MISSING : civ.id;
    const match = ifMatch === '"current"' ? `"${civ.version}"` : ifMatch;
    const before = parses;
    const res = await raw(id, h.tokens[who], big, match);
    expect({ status: res.status, parsed: parses - before }).toEqual({ status, parsed: 0 });
  });

  it('refuses a push to an approved plan (409) and a council multipart upload without parsing', async () => {
    const before = parses;
    const approved = await raw(approvedId, h.tokens.otherPreparer, big, '"1"');
    expect(approved.status).toBe(409);
    expect((approved.body as { code: string }).code).toBe('NOT_EDITABLE');
    const form = await request(h.app)
      .post(`/api/submissions/${MISSING}/versions`)
      .set(bearer(h.tokens.council))
      .set('If-Match', '"0"')
      .attach('file', big, { filename: 'plan.xlsx', contentType: XLSX_TYPE });
    expect(form.status).toBe(403);
    expect(parses - before).toBe(0);
  });

  it('parses the file of a push it admits (the count can move)', async () => {
    const before = parses;
    const res = await raw(civ.id, h.tokens.preparer, honest, `"${civ.version}"`);
    expect(res.status).toBe(201);
    expect(parses - before).toBe(1);
    civ = { ...civ, version: (res.body as { version: number }).version };
  });

  describe('malformed multipart forms', () => {
    const form = (contentType: string, body: Buffer | string) =>
      request(h.app)
        .post(`/api/submissions/${civ.id}/versions`)
        .set(bearer(h.tokens.preparer))
        .set('If-Match', `"${civ.version}"`)
        .set('Content-Type', contentType)
        .send(Buffer.from(body));
    const part = (boundary: string, bytes: Buffer) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plan.xlsx"\r\n` +
            `Content-Type: ${XLSX_TYPE}\r\n\r\n`,
        ),
        bytes,
      ]);

    it.each([
      ['without a boundary', () => form('multipart/form-data', part('x', Buffer.from('PK')))],
      [
        'cut short in the middle of the file',
        () => form('multipart/form-data; boundary=cut', part('cut', honest.subarray(0, 2000))),
      ],
      [
        'cut short in the headers of a part',
        () => form('multipart/form-data; boundary=cut', '--cut\r\nContent-Disposition: form-da'),
      ],
    ])('answers a form %s with 400 and a bilingual reason', async (_, send) => {
      const before = parses;
      const res = await send();
      const body = res.body as { code: string; message: { fa: string; en: string } };
      expect({ status: res.status, code: body.code }).toEqual({
        status: 400,
        code: 'INVALID_REQUEST',
      });
      expect(body.message.fa).toMatch(/[\u0600-\u06FF]/);
      expect(body.message.en).toMatch(/form/i);
      expect(parses - before).toBe(0);
    });
  });

  describe('idempotency keys belong to their caller and submission', () => {
    it("lets two departments use the docs' example key", async () => {
      const trf = await editable(h, 'D-TRF');
      const first = await push(
        h,
        civ.id,
        h.tokens.preparer,
        variant(civ.workbook, 'civ'),
        civ.version,
        DOCS_KEY,
      );
      const second = await push(
        h,
        trf.id,
        h.tokens.otherPreparer,
        variant(trf.workbook, 'trf'),
        trf.version,
        DOCS_KEY,
      );
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.headers['idempotent-replayed']).toBeUndefined();
      civ = { ...civ, version: (first.body as { version: number }).version };
      // The same caller, submission and request again is still a replay of the first answer.
      const again = await push(
        h,
        trf.id,
        h.tokens.otherPreparer,
        variant(trf.workbook, 'trf'),
        trf.version,
        DOCS_KEY,
      );
      expect({ status: again.status, replayed: again.headers['idempotent-replayed'] }).toEqual({
        status: 201,
        replayed: 'true',
      });
      expect(again.body).toEqual(second.body);
    });

    it('keeps one person’s key apart on two submissions, and refuses another body on one', async () => {
      const key = 'admin-two-plans-1';
      const pln = await editable(h, 'D-SRV');
      const onCiv = await push(
        h,
        civ.id,
        h.tokens.admin,
        variant(civ.workbook, 'a'),
        civ.version,
        key,
      );
      const onPln = await push(
        h,
        pln.id,
        h.tokens.admin,
        variant(pln.workbook, 'b'),
        pln.version,
        key,
      );
      expect([onCiv.status, onPln.status]).toEqual([201, 201]);
      // Another body under the key on the plan where it was first used (D-CIV has projects,
      // so variant() changes its body).
      const other = await push(
        h,
        civ.id,
        h.tokens.admin,
        variant(civ.workbook, 'c'),
        civ.version,
        key,
      );
      civ = { ...civ, version: (onCiv.body as { version: number }).version };
      expect({
        status: other.status,
        code: (other.body as { code: string }).code,
        replayed: other.headers['idempotent-replayed'],
      }).toEqual({
        status: 422,
        code: 'IDEMPOTENCY_MISMATCH',
        replayed: undefined,
      });
    });
  });
});
