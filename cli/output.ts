/**
 * Writing a command's output file (`--out FILE.xlsx`): never over an existing
 * file unless `--force`, and with a message that says what to fix.
 */
import { fsi } from '#core';
import { access, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { CommandContext, OptionSpec } from './command';
import { requireOption } from './command';
import type { CliIo } from './io';
import { EXIT } from './io';
import type { Loaded } from './load';
import { pathOf } from './load';

const OUT_FILE = { fa: 'پرونده \u2066.xlsx\u2069 خروجی', en: 'the .xlsx file to write' };

/** `--out FILE.xlsx`, as every command that writes a workbook takes it. */
export const OUT_OPTION: OptionSpec = { type: 'string', value: 'FILE.xlsx', description: OUT_FILE };

/** `--out FILE.docx`, as the document commands take it. */
export const OUT_DOCX_OPTION: OptionSpec = {
  type: 'string',
  value: 'FILE.docx',
  description: { fa: 'پرونده \u2066.docx\u2069 خروجی', en: 'the .docx file to write' },
};

/** `--force`: write over an existing `--out` file. */
export const FORCE_OPTION: OptionSpec = {
  type: 'boolean',
  description: { fa: 'رونویسی پرونده موجود', en: 'overwrite an existing file' },
};

/** The `--out` path, or the problem that it is missing. */
export const outOption = (ctx: CommandContext, command: string) =>
  requireOption(ctx, command, 'out', OUT_FILE);

/** Checks an `--out` path before any work is done: an `.xlsx` name, not an existing file unless forced. */
export async function checkOutPath(
  io: CliIo,
  path: string,
  force: boolean,
  command: string,
  ext = '.xlsx',
): Promise<Loaded<string>> {
  if (extname(path).toLowerCase() !== ext)
    return {
      ok: false,
      problem: {
        code: EXIT.input,
        message: {
          fa: `نام فایل خروجی باید به ${fsi(ext)} پایان یابد (نه «${fsi(path)}»)`,
          en: `the output file name must end in ${ext} (not "${path}")`,
        },
        helpFor: command,
      },
    };
  const full = pathOf(io, path);
  if (!force) {
    const exists = await access(full).then(
      () => true,
      () => false,
    );
    if (exists)
      return {
        ok: false,
        problem: {
          code: EXIT.input,
          message: {
            fa: `فایل «${fsi(path)}» از پیش هست؛ نام دیگری بدهید یا با \u2066--force\u2069 رونویسی کنید`,
            en: `"${path}" already exists; choose another name or overwrite it with --force`,
          },
        },
      };
  }
  return { ok: true, value: full };
}

/** Writes bytes to a checked output path. */
export async function writeOut(
  full: string,
  shown: string,
  bytes: Uint8Array,
): Promise<Loaded<null>> {
  try {
    await writeFile(full, bytes);
    return { ok: true, value: null };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return {
      ok: false,
      problem: {
        code: EXIT.input,
        message: {
          fa: `نوشتن «${fsi(shown)}» ممکن نشد (\u2066${code}\u2069)؛ آیا پوشه آن هست و اجازه نوشتن دارید؟`,
          en: `could not write "${shown}" (${code}); does its folder exist, and may you write there?`,
        },
      },
    };
  }
}
