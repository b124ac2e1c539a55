/** `plan export`: the consolidated city plan of a cycle from the register, as `.xlsx`. */
import type { Command } from '../../command';
import { requireOption } from '../../command';
import { EXIT, toJson } from '../../io';
import { FORCE_OPTION, OUT_OPTION, checkOutPath, outOption, writeOut } from '../../output';
import { withServer } from './common';

/** `plan export`: the consolidated city plan of a cycle as `.xlsx`. */
export const exportCommand: Command = {
  name: 'export',
  summary: {
    fa: 'برنامه یکپارچه شهر در یک دوره (همه برنامه‌های تصویب‌شده، جمع‌ها، تراز مالی، سبد پروژه‌ها) را به‌صورت \u2066.xlsx\u2069 می‌گیرد.',
    en: 'Downloads the consolidated city plan of a cycle (every approved plan, totals, fiscal balance, project portfolio) as .xlsx.',
  },
  usage: 'export --cycle ID --out FILE.xlsx [--force]',
  examples: ['export --cycle 3b1e… --out city-plan.xlsx'],
  options: {
    cycle: {
      type: 'string',
      value: 'ID',
      description: { fa: 'شناسه دوره برنامه', en: 'the plan cycle ID' },
    },
    out: OUT_OPTION,
    force: FORCE_OPTION,
  },
  positionals: { min: 0, max: 0, names: [] },
  run: (ctx) =>
    withServer(ctx, async (remote) => {
      const { io, lang } = ctx;
      const cycle = requireOption(ctx, 'export', 'cycle', { fa: 'دوره برنامه', en: 'plan cycle' });
      if (!cycle.ok) return cycle.problem;
      const out = outOption(ctx, 'export');
      if (!out.ok) return out.problem;
      const full = await checkOutPath(io, out.value, ctx.values.force === true, 'export');
      if (!full.ok) return full.problem;
      const file = remote.value(await remote.client.consolidationXlsx(cycle.value));
      if (!file.ok) return file.problem;
      const written = await writeOut(full.value, out.value, file.value);
      if (!written.ok) return written.problem;
      if (ctx.json)
        io.stdout.write(
          toJson({ cycle: cycle.value, out: out.value, bytes: file.value.length }) + '\n',
        );
      else
        io.stdout.write(
          lang === 'fa'
            ? `برنامه یکپارچه شهر در ${out.value} نوشته شد\n`
            : `The consolidated city plan was written to ${out.value}\n`,
        );
      return EXIT.ok;
    }),
};
