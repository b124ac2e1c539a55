/** `plan pull`: one version of a submission from the register, as an `.xlsx` file. */
import type { Command } from '../../command';
import { intOption } from '../../command';
import { plain } from '../../format';
import { EXIT, toJson } from '../../io';
import { FORCE_OPTION, OUT_OPTION, checkOutPath, outOption, writeOut } from '../../output';
import { withServer } from './common';

/** `plan pull`: one version of a submission as an `.xlsx` file. */
export const pullCommand: Command = {
  name: 'pull',
  summary: {
    fa: 'یک نسخه برنامه را از سرور به‌صورت کارپوشه \u2066.xlsx\u2069 می‌گیرد (پیش‌فرض آخرین نسخه؛ پرونده اصلی فرستاده‌شده اگر باشد).',
    en: 'Downloads a version of a submission as an .xlsx workbook (default the latest; the file as pushed when there is one).',
  },
  usage: 'pull SUBMISSION [--version N | --approved] --out FILE.xlsx [--original] [--force]',
  examples: ['pull 8f0c… --out dept-civil.xlsx', 'pull 8f0c… --approved --out approved.xlsx'],
  options: {
    version: {
      type: 'string',
      value: 'N',
      description: { fa: 'شماره نسخه (پیش‌فرض آخرین)', en: 'version number (default latest)' },
    },
    approved: {
      type: 'boolean',
      description: { fa: 'آخرین نسخه تصویب‌شده', en: 'the latest approved version' },
    },
    out: OUT_OPTION,
    original: {
      type: 'boolean',
      description: {
        fa: 'همان پرونده‌ای که فرستاده شد (نه کارپوشه بازساخته از ردیف‌ها)',
        en: 'exactly the file that was pushed (not a workbook rebuilt from the rows)',
      },
    },
    force: FORCE_OPTION,
  },
  positionals: { min: 1, max: 1, names: ['SUBMISSION'] },
  run: (ctx) =>
    withServer(ctx, async (remote) => {
      const { io, lang } = ctx;
      const id = ctx.positionals[0] ?? '';
      const out = outOption(ctx, 'pull');
      if (!out.ok) return out.problem;
      const n = intOption(ctx, 'pull', 'version', { min: 1, max: 1_000_000, fallback: null });
      if (!n.ok) return n.problem;
      if (n.value !== null && ctx.values.approved === true)
        return {
          code: EXIT.input,
          message: {
            fa: '\u2066--version\u2069 و \u2066--approved\u2069 را با هم ندهید',
            en: 'give --version or --approved, not both',
          },
          helpFor: 'pull',
        };
      const full = await checkOutPath(io, out.value, ctx.values.force === true, 'pull');
      if (!full.ok) return full.problem;
      const selector = n.value ?? (ctx.values.approved === true ? 'approved' : 'latest');
      const source = ctx.values.original === true ? 'original' : 'auto';
      const pulled = remote.value(await remote.client.versionXlsx(id, selector, source));
      if (!pulled.ok) return pulled.problem;
      const { bytes, version, regenerated } = pulled.value;
      const written = await writeOut(full.value, out.value, bytes);
      if (!written.ok) return written.problem;
      if (ctx.json)
        io.stdout.write(
          toJson({
            submission: id,
            version,
            regenerated,
            out: out.value,
            bytes: bytes.length,
          }) + '\n',
        );
      else
        io.stdout.write(
          lang === 'fa'
            ? `نسخه ${plain(version, lang)} در ${out.value} نوشته شد${regenerated ? ' (بازساخته از ردیف‌ها)' : ' (پرونده اصلی)'}\n`
            : `Version ${version} written to ${out.value}${regenerated ? ' (rebuilt from the rows)' : ' (the original file)'}\n`,
        );
      return EXIT.ok;
    }),
};
