/**
 * Issue #12, item 1: shared-string amplification. The issue's file (a 79 KB `.xlsx` whose one
 * shared string of 60,000,000 characters is named by 8 cells of a table outside the contract)
 * was accepted from a preparer after 42 s at an 8.4 GB peak, and two at once killed the
 * process. Now the register refuses it with 413 before any row is built, parses at most
 * `PLAN_XLSX_PARSES` files at once (503 with `Retry-After` beyond), and its memory stays
 * bounded.
 *
 * The register runs as its own process (`startService`), its V8 heap capped at HEAP_MB so a
 * failing run ends that process, not the test runner; its peak resident memory is read from
 * /proc (`VmHWM`, reset to the current size through `clear_refs` once the register is warm,
 * Linux ≥ 4.0) and asserted under IDLE + BOUND_MB. Figures of each run are printed
 * (docs/reliability.md records one). The files are generated here in pieces
 * (tests/reliability/zip.ts `amplifiedWorkbook`), never holding the long string.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { XLSX_TYPE } from '../../service/src/routes';
import type { DbKind, ScratchDatabase } from '../helpers/db';
import { DB_KINDS, createScratchDatabase } from '../helpers/db';
import type { ServiceProcess } from './helpers';
import { killService, startService } from './helpers';
import { amplifiedWorkbook, streamedEntry, workbookParts, zip } from './zip';

/**
 * A workbook whose sheet has `count` cells, 100 to a row (so that the rows stay under the row
 * limit), each cell's tag written `<c\nr="…">`.
 */
function newlineCells(count: number): Buffer {
  const base = workbookParts({ header: ['Note'], rows: [] });
  const columns = Array.from({ length: 100 }, (_, i) =>
    i < 26
      ? String.fromCharCode(65 + i)
      : String.fromCharCode(64 + Math.floor(i / 26), 65 + (i % 26)),
  );
  function* sheet(): Generator<Buffer> {
    yield Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    );
    for (let row = 1; (row - 1) * columns.length < count; row++)
      yield Buffer.from(
        `<row r="${row}">${columns.map((c) => `<c\nr="${c}${row}"><v>1</v></c>`).join('')}</row>`,
      );
    yield Buffer.from('</sheetData></worksheet>');
  }
  return zip(
    base.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? streamedEntry(e.name, sheet()) : e)),
  );
}

/** The register's heap cap: far below the 8.4 GB the issue measured, well above its needs. */
const HEAP_MB = 512;
/** The issue's bound on a hostile push: 300 MB above the register's idle resident memory. */
const BOUND_MB = 300;
/** Pushes of the hostile file at once: twice the default of two parses at once. */
const AT_ONCE = 4;

/** A difference in MB as `+12 MB` or `-3 MB`. */
const signed = (mb: number) => `${mb >= 0 ? '+' : ''}${mb.toFixed(0)} MB`;

function statusOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Starts a fresh peak: the high-water mark becomes the current resident size (proc(5)). */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { code?: string; details?: unknown };
  ms: number;
}

const linux = process.platform === 'linux';
(linux ? describe.each(DB_KINDS) : describe.skip.each(DB_KINDS))(
  'a hostile .xlsx push (%s)',
  (kind: DbKind) => {
    let scratch: ScratchDatabase;
    let root: string;
    let service: ServiceProcess;
    let token: string;
    let id: string;
    let pid: number;
    let idleMb: number;
    const hostile = amplifiedWorkbook(60_000_000, 8);

    async function push(bytes: Buffer, version: number): Promise<Answer> {
      const started = performance.now();
      const res = await fetch(`${service.url}/api/submissions/${id}/versions`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': XLSX_TYPE,
          'If-Match': `"${version}"`,
        },
        body: new Uint8Array(bytes),
      });
      return {
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        body: (await res.json()) as Answer['body'],
        ms: performance.now() - started,
      };
    }
    const get = async <T>(url: string): Promise<T> =>
      (await (
        await fetch(`${service.url}${url}`, { headers: { Authorization: `Bearer ${token}` } })
      ).json()) as T;
    const current = async () =>
      (await get<{ currentVersion: number }>(`/api/submissions/${id}`)).currentVersion;

    beforeAll(async () => {
      scratch = await createScratchDatabase(kind, { persistent: true });
      root = mkdtempSync(path.join(os.tmpdir(), 'plan-amplify-'));
      service = await startService({
        NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}`,
        PLAN_DATA_ROOT: root,
        PLAN_RATE_MAX: '1000000',
        PLAN_XLSX_PARSES: '2',
        PLAN_SEED: 'sample',
        ...(kind !== 'pglite'
          ? { DATABASE_URL: scratch.url, PLAN_DATA_DIR: '' }
          : { PLAN_DATA_DIR: scratch.options.dataDir, DATABASE_URL: '' }),
      });
      pid = service.child.pid!;
      token = readFileSync(path.join(root, 'admin-token'), 'utf8').trim();
      const list = await get<{ id: string }[]>('/api/submissions?department=D-CIV&kind=department');
      id = list[0]!.id;
      const reopened = await fetch(`${service.url}/api/submissions/${id}/transitions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'reopen' }),
      });
      expect(reopened.status).toBe(200);
      // Warm: one honest .xlsx push (the department's own file back), so that idle memory
      // holds the code and caches every push uses.
      const file = new Uint8Array(
        await (
          await fetch(`${service.url}/api/submissions/${id}/versions/latest?format=xlsx`, {
            headers: { Authorization: `Bearer ${token}` },
          })
        ).arrayBuffer(),
      );
      const honest = await push(Buffer.from(file), await current());
      expect(honest.status).toBe(201);
      resetPeak(pid);
      idleMb = statusOf(pid).rssMb;
    });
    afterAll(async () => {
      if (service !== undefined) await killService(service);
      rmSync(root, { recursive: true, force: true });
      await scratch.drop();
    });

    it(`refuses the issue's file with 413, ${AT_ONCE} at once with 413 or 503, under ${BOUND_MB} MB above idle`, async () => {
      const version = await current();
      const burst = await Promise.all(
        Array.from({ length: AT_ONCE }, () => push(hostile, version)),
      );
      const alone = await push(hostile, version);
      const { peakMb } = statusOf(pid);

      for (const a of burst) expect([413, 503]).toContain(a.status);
      expect(burst.filter((a) => a.status === 413).length).toBeGreaterThanOrEqual(1);
      for (const a of burst.filter((x) => x.status === 503)) {
        expect(a.body.code).toBe('UNAVAILABLE');
        expect(Number(a.retryAfter)).toBeGreaterThan(0);
      }
      expect(alone).toMatchObject({
        status: 413,
        body: { code: 'PAYLOAD_TOO_LARGE', details: { fileError: 'TEXT_TOO_LARGE' } },
      });
      expect(peakMb - idleMb).toBeLessThan(BOUND_MB);
      // The register is still up, and nothing was stored.
      expect((await fetch(`${service.url}/health`)).status).toBe(200);
      expect(await current()).toBe(version);
      process.stdout.write(
        `amplification (${kind}): ${hostile.length} B file; burst of ${AT_ONCE}: ` +
          `${burst.map((a) => `${a.status} in ${a.ms.toFixed(0)} ms`).join(', ')}; ` +
          `alone: ${alone.status} in ${alone.ms.toFixed(0)} ms; ` +
          `idle ${idleMb.toFixed(0)} MB, peak ${peakMb.toFixed(0)} MB (${signed(peakMb - idleMb)})\n`,
      );
    });

    it('refuses 1,100,000 cells written <c\\nr=…> with 413 before parsing them (issue item 2)', async () => {
      // 3.6 M such cells in 7.2 MB were accepted (16 s, 1.7 GB): the scan counted `<c ` only.
      const version = await current();
      resetPeak(pid);
      const answer = await push(newlineCells(1_100_000), version);
      const { peakMb } = statusOf(pid);
      expect(answer).toMatchObject({
        status: 413,
        body: { code: 'PAYLOAD_TOO_LARGE', details: { fileError: 'TOO_MANY_CELLS' } },
      });
      expect(peakMb - idleMb).toBeLessThan(BOUND_MB);
      expect(await current()).toBe(version);
      process.stdout.write(
        `cell bypass (${kind}): 1,100,000 cells written <c\\nr=…>: ${answer.status} in ${answer.ms.toFixed(0)} ms, ` +
          `peak ${peakMb.toFixed(0)} MB (${signed(peakMb - idleMb)} above idle)\n`,
      );
    });

    it('refuses a file just within the text budget with 422 CELL_TOO_LONG, still under the bound', async () => {
      // 30,000,000 characters named by 2 cells: 60,000,004 with the header, under the
      // 67,108,864 of the default budget, so it is parsed; each long cell is a located error.
      const within = amplifiedWorkbook(30_000_000, 2);
      const version = await current();
      resetPeak(pid);
      const before = statusOf(pid).rssMb;
      const answer = await push(within, version);
      const { peakMb } = statusOf(pid);
      expect(answer.status).toBe(422);
      const findings = (answer.body.details as { findings: Array<{ code: string; cell: string }> })
        .findings;
      expect(findings.filter((f) => f.code === 'CELL_TOO_LONG').map((f) => f.cell)).toEqual([
        'A2',
        'A3',
      ]);
      expect(peakMb - idleMb).toBeLessThan(BOUND_MB);
      expect(await current()).toBe(version);
      process.stdout.write(
        `amplification (${kind}): within the budget (${within.length} B, 2 × 30,000,000 characters): ` +
          `${answer.status} in ${answer.ms.toFixed(0)} ms; from ${before.toFixed(0)} MB, ` +
          `peak ${peakMb.toFixed(0)} MB (${signed(peakMb - idleMb)} above idle)\n`,
      );
    });
  },
);
