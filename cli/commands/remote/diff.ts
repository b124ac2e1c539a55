/** `plan diff`: what changed between two versions of a submission. */
import type { VersionRef } from '#core';
import { formatDiff, fsi } from '#core';
import type { Command } from '../../command';
import { EXIT, toJson } from '../../io';
import { withServer } from './common';

const SELECTOR = /^(\d+|latest|approved)$/;

const versionRef = (v: string): VersionRef => (v === 'latest' || v === 'approved' ? v : Number(v));

/** `plan diff`: what changed between two versions of a submission. */
export const diffCommand: Command = {
  name: 'diff',
  summary: {
    fa: 'تفاوت دو نسخه یک برنامه: ردیف‌های افزوده، حذف‌شده و خانه‌های تغییرکرده.',
    en: 'What changed between two versions of a submission: rows added, removed and cells changed.',
  },
  usage: 'diff SUBMISSION A B',
  examples: ['diff 8f0c… 1 2', 'diff 8f0c… approved latest --json'],
  options: {},
  positionals: { min: 3, max: 3, names: ['SUBMISSION', 'A', 'B'] },
  run: (ctx) =>
    withServer(ctx, async (remote) => {
      const [id = '', a = '', b = ''] = ctx.positionals;
      for (const v of [a, b])
        if (!SELECTOR.test(v))
          return {
            code: EXIT.input,
            message: {
              fa: `نسخه باید عدد، \u2066latest\u2069 یا \u2066approved\u2069 باشد، نه «${fsi(v)}»`,
              en: `a version is a number, latest or approved, not "${v}"`,
            },
            helpFor: 'diff',
          };
      const diff = remote.value(await remote.client.diff(id, versionRef(a), versionRef(b)));
      if (!diff.ok) return diff.problem;
      ctx.io.stdout.write(ctx.json ? toJson(diff.value) + '\n' : formatDiff(diff.value, ctx.lang));
      return EXIT.ok;
    }),
};
