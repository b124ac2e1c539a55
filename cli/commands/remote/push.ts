/** `plan push`: a workbook sent to the register as a new version of a submission. */
import type { ApiSubmission, PushResult } from '#core';
import { formatDiff } from '#core';
import { DEFAULT_MAX_BYTES } from '../../../io/read';
import type { Command, CommandContext } from '../../command';
import { intOption } from '../../command';
import { countsText, findingsText, sortForPeople, toJsonFinding } from '../../findings';
import { plain } from '../../format';
import type { CliProblem } from '../../io';
import { EXIT, say, toJson } from '../../io';
import type { Loaded } from '../../load';
import { readInputBytes } from '../../load';
import type { Remote } from './common';
import { stringOption, withServer } from './common';

/** The submission a push names: `--submission ID`, or the department and kind (and cycle). */
async function resolveSubmission(
  ctx: CommandContext,
  remote: Remote,
): Promise<Loaded<ApiSubmission>> {
  const id = stringOption(ctx, 'submission');
  if (id !== undefined) return remote.value(await remote.client.submission(id));
  const dept = stringOption(ctx, 'department');
  const kind = stringOption(ctx, 'kind');
  if (dept === undefined || kind === undefined)
    return {
      ok: false,
      problem: {
        code: EXIT.input,
        message: {
          fa: '\u2066--submission\u2069 یا هر دو \u2066--department\u2069 و \u2066--kind\u2069 را بدهید',
          en: 'give --submission, or both --department and --kind',
        },
        helpFor: 'push',
      },
    };
  const cycle = stringOption(ctx, 'cycle');
  const listed = remote.value(
    await remote.client.submissions({
      department: dept,
      kind,
      ...(cycle !== undefined && { cycleId: cycle }),
    }),
  );
  if (!listed.ok) return listed;
  const list = listed.value;
  const [only] = list;
  if (only === undefined || list.length !== 1)
    return {
      ok: false,
      problem: {
        code: EXIT.input,
        message:
          list.length === 0
            ? {
                fa: `برنامه‌ای از نوع ${kind} برای ${dept} نیست (یا اجازه دیدنش را ندارید)`,
                en: `no ${kind} submission of ${dept} (or you may not see it)`,
              }
            : {
                fa: `${list.length} برنامه برای ${dept} هست؛ با \u2066--cycle\u2069 یا \u2066--submission\u2069 یکی را برگزینید`,
                en: `${list.length} submissions of ${dept}; choose one with --cycle or --submission`,
              },
      },
    };
  return { ok: true, value: only };
}

/** `plan push`: sends a workbook as a new version; findings on 422, what changed on 409. */
export const pushCommand: Command = {
  name: 'push',
  summary: {
    fa: 'کارپوشه را به‌عنوان نسخه تازه برنامه به سرور می‌فرستد. خطاهای کارپوشه مانند \u2066validate\u2069 نشان داده می‌شوند؛ اگر نسخه دیگری پیش‌تر فرستاده شده باشد، تغییرات آن نشان داده می‌شود. کد خروج: ۰ ذخیره شد، ۱ خطا یا تعارض، ۲ اجرا نشد.',
    en: 'Sends a workbook to the server as a new version of a submission. Workbook errors are listed as validate lists them; if someone pushed another version meanwhile, what changed is shown. Exit code: 0 stored, 1 errors or a conflict, 2 could not run.',
  },
  usage:
    'push FILE.xlsx [--submission ID | --department CODE --kind KIND [--cycle ID]] [--base N] [--idempotency-key KEY]',
  examples: [
    'push dept-civil.xlsx --department D-CIV --kind department --base 3',
    'push plan.xlsx --submission 8f0c… --idempotency-key civ-1405-push-1 --json',
  ],
  options: {
    submission: {
      type: 'string',
      value: 'ID',
      description: { fa: 'شناسه برنامه در سرور', en: 'the submission ID on the server' },
    },
    department: {
      type: 'string',
      value: 'CODE',
      description: {
        fa: 'کد معاونت/واحد (با \u2066--kind\u2069)',
        en: 'department code (with --kind)',
      },
    },
    kind: {
      type: 'string',
      value: 'KIND',
      description: {
        fa: 'نوع کارپوشه: \u2066city|framework|department|revenue|monitoring\u2069',
        en: 'workbook kind: city|framework|department|revenue|monitoring',
      },
    },
    cycle: {
      type: 'string',
      value: 'ID',
      description: { fa: 'شناسه دوره برنامه', en: 'the plan cycle ID' },
    },
    base: {
      type: 'string',
      value: 'N',
      description: {
        fa: 'نسخه‌ای که این کارپوشه از آن ساخته شده (پیش‌فرض: آخرین نسخه سرور)',
        en: 'the version this workbook was made from (default: the server’s current version)',
      },
    },
    'idempotency-key': {
      type: 'string',
      value: 'KEY',
      description: {
        fa: 'کلید تکرار امن (۸ تا ۲۰۰ نویسه): فرستادن دوباره همان نتیجه را می‌دهد',
        en: 'idempotency key (8–200 characters): sending again gives the first result',
      },
    },
  },
  positionals: { min: 1, max: 1, names: ['FILE.xlsx'] },
  run: (ctx) =>
    withServer(ctx, async (remote) => {
      const { io } = ctx;
      const file = ctx.positionals[0] ?? '';
      const base = intOption(ctx, 'push', 'base', { min: 0, max: 1_000_000, fallback: null });
      if (!base.ok) return base.problem;
      const bytes = await readInputBytes(io, file, DEFAULT_MAX_BYTES);
      if (!bytes.ok) return bytes.problem;
      const sub = await resolveSubmission(ctx, remote);
      if (!sub.ok) return sub.problem;
      const key = stringOption(ctx, 'idempotency-key');
      const out = await remote.client.push(
        sub.value.id,
        { xlsx: bytes.value },
        {
          baseVersion: base.value ?? sub.value.currentVersion,
          ...(key !== undefined && { idempotencyKey: key }),
        },
      );
      return pushAnswer(ctx, remote, file, sub.value, out);
    }),
};

function pushAnswer(
  ctx: CommandContext,
  remote: Remote,
  file: string,
  sub: ApiSubmission,
  out: PushResult,
): number | CliProblem {
  const { io, lang } = ctx;
  if (out.ok) {
    const { value: body, replayed } = out;
    const warnings = body.warnings;
    if (ctx.json) io.stdout.write(toJson({ submission: sub.id, replayed, ...body }) + '\n');
    else {
      if (warnings.length) io.stdout.write(findingsText(warnings, lang) + '\n');
      io.stdout.write(
        (lang === 'fa'
          ? `${file}: نسخه ${plain(body.version, lang)} برنامه ${sub.id} ذخیره شد${replayed ? ' (پاسخ پیشین همین کلید)' : ''}؛ ${countsText(warnings, lang)}`
          : `${file}: stored as version ${body.version} of submission ${sub.id}${replayed ? ' (the earlier answer to this key)' : ''}; ${countsText(warnings, lang)}`) +
          '\n',
      );
    }
    return EXIT.ok;
  }
  if (out.kind === 'invalid') {
    const findings = sortForPeople(out.findings);
    if (ctx.json)
      io.stdout.write(
        toJson({ error: out.error.code, findings: findings.map(toJsonFinding) }) + '\n',
      );
    else
      io.stdout.write(
        findingsText(findings, lang) +
          (findings.length ? '\n' : '') +
          `${file}: ${countsText(findings, lang)}\n`,
      );
    io.stderr.write(`plan: ${say(out.error.message, lang)}\n`);
    return EXIT.findings;
  }
  if (out.kind === 'conflict') {
    const { baseVersion, currentVersion, changes } = out;
    if (ctx.json)
      io.stdout.write(
        toJson({ error: out.error.code, baseVersion, currentVersion, changes }) + '\n',
      );
    else io.stdout.write(formatDiff(changes, lang));
    io.stderr.write(`plan: ${say(out.error.message, lang)}\n`);
    return EXIT.findings;
  }
  return remote.refused(out.error);
}
