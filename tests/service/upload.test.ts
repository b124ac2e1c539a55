/**
 * The register's reader of pushed `.xlsx` files (service/src/handlers/upload.ts): a bounded
 * number of parses at once, and each refusal with its HTTP status.
 */
import type { ReadXlsxOptions, ReadXlsxResult } from '../../io';
import { fileError } from '../../io';
import { ApiError } from '../../service/src/http/errors';
import { uploadReader } from '../../service/src/handlers/upload';

/** A read that waits until the test lets it finish, with what it was given. */
function heldRead() {
  const calls: Array<{ options: ReadXlsxOptions; finish: (r: ReadXlsxResult) => void }> = [];
  const read = (_bytes: Uint8Array, options: ReadXlsxOptions) =>
    new Promise<ReadXlsxResult>((resolve) => calls.push({ options, finish: resolve }));
  return { calls, read };
}

const ok: ReadXlsxResult = { ok: true, workbook: { tables: [] }, sheets: [] };
const bytes = new Uint8Array([1]);

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('reading pushed workbooks, a few at once', () => {
  it('answers 503 with Retry-After while every parse slot is taken, and frees each slot', async () => {
    const held = heldRead();
    const uploads = uploadReader({ xlsxParses: 2, xlsxTextMaxChars: 1000 }, held.read);
    const first = uploads.read(bytes);
    const second = uploads.read(bytes);
    expect(uploads.parsing).toBe(2);
    const busy = await refusal(uploads.read(bytes));
    expect(busy).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
    expect(Number(busy.headers['Retry-After'])).toBeGreaterThan(0);
    expect(busy.bilingual.fa).toContain('دوباره بفرستید');
    // The budget of the configuration reaches the reader.
    expect(held.calls.map((c) => c.options.maxTextChars)).toEqual([1000, 1000]);

    held.calls[0]!.finish(ok);
    await first;
    expect(uploads.parsing).toBe(1);
    const third = uploads.read(bytes);
    expect(uploads.parsing).toBe(2);
    held.calls[1]!.finish(ok);
    held.calls[2]!.finish(ok);
    await Promise.all([second, third]);
    expect(uploads.parsing).toBe(0);
  });

  it('frees the slot of a parse that fails', async () => {
    const uploads = uploadReader({ xlsxParses: 1, xlsxTextMaxChars: 1000 }, () =>
      Promise.reject(new Error('reader bug')),
    );
    await expect(uploads.read(bytes)).rejects.toThrow('reader bug');
    expect(uploads.parsing).toBe(0);
  });

  it.each([
    ['TEXT_TOO_LARGE', 413],
    ['FILE_TOO_LARGE', 413],
    ['TOO_MANY_CELLS', 413],
    ['FILE_NOT_XLSX', 400],
    ['FILE_UNREADABLE', 400],
  ] as const)('answers a file refused with %s with %d and its reason', async (code, status) => {
    const uploads = uploadReader({ xlsxParses: 1, xlsxTextMaxChars: 1000 }, async () => ({
      ok: false,
      error: fileError(code, 'دلیل', 'the reason'),
    }));
    const e = await refusal(uploads.read(bytes));
    expect({ status: e.status, details: e.details, en: e.bilingual.en }).toEqual({
      status,
      details: { fileError: code },
      en: 'the reason',
    });
  });
});
