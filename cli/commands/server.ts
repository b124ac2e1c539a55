/**
 * Commands that work against a register server (docs/api.md) with the credentials of
 * `plan login`: push a workbook, pull a version, see a submission's status, compare versions,
 * move a submission through the workflow, and export the consolidated city plan.
 */
import type {
  ApiComment,
  ApiFailure,
  ApiResult,
  ApiSubmission,
  ApiVersion,
  ApiWorkflowEvent,
  Bilingual,
  PushResult,
  RegisterClient,
  Role,
  SubmissionStatus,
  VersionRef,
  WorkflowAction,
} from '#core';
import {
  ACTION_CAPTIONS,
  ROLE_CAPTIONS,
  STATUS_CAPTIONS,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  formatDiff,
} from '#core';
import type { Command, CommandContext } from '../command';
import { intOption, requireOption } from '../command';
import { countsText, findingsText, sortForPeople, toJsonFinding } from '../findings';
import { plain, textTable } from '../format';
import type { CliIo, CliLang, CliProblem } from '../io';
import { EXIT, reportProblem, say, toJson } from '../io';
import type { Loaded } from '../load';
import { readInputBytes } from '../load';
import { checkOutPath, writeOut } from '../output';
import { clientOf, loadCredentials, normalizeServer, refusal, saveCredentials } from '../remote';

/** 50 MB: the workbook size limit of every command (docs/cli.md). */
const MAX_WORKBOOK_BYTES = 50 * 1_048_576;

const envOf = (io: CliIo) => io.env ?? process.env;

const str = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.values[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** The register as a command body sees it: its client, and failures as problems. */
interface Remote {
  client: RegisterClient;
  /** A call's value, or its failure as a problem. */
  value<T>(result: ApiResult<T>): Loaded<T>;
  refused(error: ApiFailure): CliProblem;
}

/** Runs a server command body with the stored credentials; problems go to stderr. */
async function withServer(
  ctx: CommandContext,
  body: (remote: Remote) => Promise<number | CliProblem>,
): Promise<number> {
  const creds = await loadCredentials(envOf(ctx.io));
  if (!creds.ok) return reportProblem(ctx.io, creds.problem, ctx.lang);
  const refused = (error: ApiFailure) => refusal(creds.value, error);
  const out = await body({
    client: clientOf(creds.value),
    refused,
    value: (r) => (r.ok ? { ok: true, value: r.value } : { ok: false, problem: refused(r.error) }),
  });
  return typeof out === 'number' ? out : reportProblem(ctx.io, out, ctx.lang);
}

/** A status as the CLI prints it: its key in English (what `--status` filters take), else its caption. */
const statusText = (s: SubmissionStatus, lang: CliLang) =>
  lang === 'fa' ? STATUS_CAPTIONS[s].fa : s;

// ---------------------------------------------------------------------------------------------

/** `plan login`: stores the server and token (mode 0600) after checking them with `/api/me`. */
export const loginCommand: Command = {
  name: 'login',
  summary: {
    fa: 'نشانی سرور دفتر برنامه و توکن API را پس از آزمودن در پرونده اطلاعات ورود (فقط‌خواندنی برای شما) نگه می‌دارد.',
    en: 'Checks a register server and API token, then stores them in your credentials file (readable by you only).',
  },
  usage: 'login --server URL --token TOKEN',
  examples: ['login --server https://plan.example.ir --token plan_mashhad_…'],
  options: {
    server: {
      type: 'string',
      value: 'URL',
      description: { fa: 'نشانی سرور دفتر برنامه', en: 'the register server URL' },
    },
    token: {
      type: 'string',
      value: 'TOKEN',
      description: { fa: 'توکن API شما', en: 'your API token' },
    },
  },
  positionals: { min: 0, max: 0, names: [] },
  async run(ctx) {
    const { io, lang } = ctx;
    const server = requireOption(ctx, 'login', 'server', { fa: 'نشانی سرور', en: 'server URL' });
    if (!server.ok) return reportProblem(io, server.problem, lang);
    const token = requireOption(ctx, 'login', 'token', { fa: 'توکن API', en: 'API token' });
    if (!token.ok) return reportProblem(io, token.problem, lang);
    const url = normalizeServer(server.value);
    if (url === null)
      return reportProblem(
        io,
        {
          code: EXIT.input,
          message: {
            fa: `«${server.value}» نشانی http یا https نیست`,
            en: `"${server.value}" is not an http or https URL`,
          },
          helpFor: 'login',
        },
        lang,
      );
    const creds = { server: url, token: token.value };
    const answer = await clientOf(creds).me();
    if (!answer.ok) return reportProblem(io, refusal(creds, answer.error), lang);
    const me = answer.value;
    const saved = await saveCredentials(creds, envOf(io));
    if (!saved.ok) return reportProblem(io, saved.problem, lang);
    if (ctx.json)
      io.stdout.write(
        toJson({
          server: url,
          credentials: saved.value,
          email: me.email,
          tenantId: me.tenantId,
          roles: me.roles,
        }) + '\n',
      );
    else
      io.stdout.write(
        lang === 'fa'
          ? `وارد ${url} شدید: ${me.email} (${me.roles.join('، ')})؛ ذخیره در ${saved.value}\n`
          : `Logged in to ${url} as ${me.email} (${me.roles.join(', ')}); stored in ${saved.value}\n`,
      );
    return EXIT.ok;
  },
};

// ---------------------------------------------------------------------------------------------

/** The submission a push names: `--submission ID`, or the department and kind (and cycle). */
async function resolveSubmission(
  ctx: CommandContext,
  remote: Remote,
): Promise<Loaded<ApiSubmission>> {
  const id = str(ctx, 'submission');
  if (id !== undefined) return remote.value(await remote.client.submission(id));
  const dept = str(ctx, 'department');
  const kind = str(ctx, 'kind');
  if (dept === undefined || kind === undefined)
    return {
      ok: false,
      problem: {
        code: EXIT.input,
        message: {
          fa: '--submission یا هر دو --department و --kind را بدهید',
          en: 'give --submission, or both --department and --kind',
        },
        helpFor: 'push',
      },
    };
  const cycle = str(ctx, 'cycle');
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
                fa: `${list.length} برنامه برای ${dept} هست؛ با --cycle یا --submission یکی را برگزینید`,
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
    fa: 'کارپوشه را به‌عنوان نسخه تازه برنامه به سرور می‌فرستد. خطاهای کارپوشه مانند validate نشان داده می‌شوند؛ اگر نسخه دیگری پیش‌تر فرستاده شده باشد، تغییرات آن نشان داده می‌شود. کد خروج: ۰ ذخیره شد، ۱ خطا یا تعارض، ۲ اجرا نشد.',
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
      description: { fa: 'کد معاونت/واحد (با --kind)', en: 'department code (with --kind)' },
    },
    kind: {
      type: 'string',
      value: 'KIND',
      description: {
        fa: 'نوع کارپوشه: city|framework|department|revenue|monitoring',
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
      const bytes = await readInputBytes(io, file, MAX_WORKBOOK_BYTES);
      if (!bytes.ok) return bytes.problem;
      const sub = await resolveSubmission(ctx, remote);
      if (!sub.ok) return sub.problem;
      const key = str(ctx, 'idempotency-key');
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

// ---------------------------------------------------------------------------------------------

/** `plan pull`: one version of a submission as an `.xlsx` file. */
export const pullCommand: Command = {
  name: 'pull',
  summary: {
    fa: 'یک نسخه برنامه را از سرور به‌صورت کارپوشه .xlsx می‌گیرد (پیش‌فرض آخرین نسخه؛ پرونده اصلی فرستاده‌شده اگر باشد).',
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
    out: {
      type: 'string',
      value: 'FILE.xlsx',
      description: { fa: 'پرونده خروجی', en: 'output file' },
    },
    original: {
      type: 'boolean',
      description: {
        fa: 'همان پرونده‌ای که فرستاده شد (نه کارپوشه بازساخته از ردیف‌ها)',
        en: 'exactly the file that was pushed (not a workbook rebuilt from the rows)',
      },
    },
    force: {
      type: 'boolean',
      description: { fa: 'رونویسی پرونده موجود', en: 'overwrite an existing file' },
    },
  },
  positionals: { min: 1, max: 1, names: ['SUBMISSION'] },
  run: (ctx) =>
    withServer(ctx, async (remote) => {
      const { io, lang } = ctx;
      const id = ctx.positionals[0] ?? '';
      const out = requireOption(ctx, 'pull', 'out', { fa: 'پرونده خروجی', en: 'output file' });
      if (!out.ok) return out.problem;
      const n = intOption(ctx, 'pull', 'version', { min: 1, max: 1_000_000, fallback: null });
      if (!n.ok) return n.problem;
      if (n.value !== null && ctx.values.approved === true)
        return {
          code: EXIT.input,
          message: {
            fa: '--version و --approved را با هم ندهید',
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

// ---------------------------------------------------------------------------------------------

/** `plan status`: the submissions one may see, or one submission's versions, history, comments. */
export const statusCommand: Command = {
  name: 'status',
  summary: {
    fa: 'وضعیت برنامه‌ها در سرور؛ با شناسه یک برنامه: وضعیت گردش کار، نسخه‌ها، رویدادها و یادداشت‌ها.',
    en: 'The submissions on the server; with a submission ID: its workflow status, versions, events and comments.',
  },
  usage: 'status [SUBMISSION]',
  examples: ['status', 'status 8f0c… --lang en --json'],
  options: {},
  positionals: { min: 0, max: 1, names: ['SUBMISSION'] },
  run: (ctx) =>
    withServer(ctx, async (remote) => {
      const { io, lang } = ctx;
      const id = ctx.positionals[0];
      if (id === undefined) {
        const listed = remote.value(await remote.client.submissions());
        if (!listed.ok) return listed.problem;
        const list = listed.value;
        if (ctx.json) io.stdout.write(toJson({ submissions: list }) + '\n');
        else
          io.stdout.write(
            textTable(
              lang === 'fa'
                ? ['شناسه', 'واحد', 'نوع', 'نسخه', 'وضعیت', 'عنوان']
                : ['id', 'department', 'kind', 'version', 'status', 'title'],
              list.map((s) => [
                s.id,
                s.departmentCode ?? '-',
                s.kind,
                plain(s.currentVersion, lang),
                statusText(s.status, lang),
                s.title,
              ]),
              new Set([3]),
            ),
          );
        return EXIT.ok;
      }
      const { client } = remote;
      const sub = remote.value(await client.submission(id));
      if (!sub.ok) return sub.problem;
      const versions = remote.value(await client.versions(id));
      if (!versions.ok) return versions.problem;
      const history = remote.value(await client.history(id));
      if (!history.ok) return history.problem;
      const comments = remote.value(await client.comments(id));
      if (!comments.ok) return comments.problem;
      return statusReport(ctx, sub.value, versions.value, history.value, comments.value);
    }),
};

function statusReport(
  ctx: CommandContext,
  sub: ApiSubmission,
  versions: ApiVersion[],
  history: ApiWorkflowEvent[],
  comments: ApiComment[],
): number {
  const { io, lang } = ctx;
  if (ctx.json) {
    io.stdout.write(toJson({ submission: sub, versions, history, comments }) + '\n');
    return EXIT.ok;
  }
  const fa = lang === 'fa';
  const lines = [
    `${sub.title} (${sub.departmentCode ?? '-'}, ${sub.kind})`,
    fa
      ? `وضعیت: ${statusText(sub.status, lang)} · آخرین نسخه: ${plain(sub.currentVersion, lang)}`
      : `Status: ${sub.status} · current version: ${sub.currentVersion}`,
    '',
    fa ? 'نسخه‌ها:' : 'Versions:',
    textTable(
      fa ? ['نسخه', 'بر پایه', 'زمان'] : ['version', 'base', 'at'],
      versions.map((v) => [plain(v.version, lang), plain(v.baseVersion, lang), v.createdAt]),
    ),
    fa ? 'گردش کار:' : 'Workflow:',
    textTable(
      fa
        ? ['کار', 'از', 'به', 'نسخه', 'یادداشت', 'زمان']
        : ['action', 'from', 'to', 'version', 'note', 'at'],
      history.map((e) => [
        e.action,
        statusText(e.fromStatus, lang),
        statusText(e.toStatus, lang),
        plain(e.version, lang),
        e.note ?? '',
        e.createdAt,
      ]),
    ),
    fa ? 'یادداشت‌ها:' : 'Comments:',
    ...(comments.length === 0
      ? [fa ? '(هیچ)' : '(none)']
      : comments.map((c) => {
          const where = [c.tableName, c.rowKey, c.columnKey].filter((x) => x !== null).join(' ');
          const v = c.version === null ? '' : `v${c.version} `;
          return `- ${v}${where ? `${where}: ` : ''}${c.body}`;
        })),
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}

// ---------------------------------------------------------------------------------------------

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
              fa: `نسخه باید عدد، latest یا approved باشد، نه «${v}»`,
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

// ---------------------------------------------------------------------------------------------

/**
 * A workflow command's help, from the workflow itself (`TRANSITIONS`): where the step leaves
 * from and goes to, and who may take it.
 */
function actionSummary(action: WorkflowAction): Bilingual {
  const rule = TRANSITIONS[action];
  const roles = (list: readonly Role[]) => ({
    fa: list.map((r) => ROLE_CAPTIONS[r].fa).join(' یا '),
    en: list.join(' or '),
  });
  const who = roles(rule.roles);
  const fa = [who.fa];
  const en = [who.en];
  if (rule.ownDepartmentUnless !== undefined) {
    const unless = roles(rule.ownDepartmentUnless);
    fa.push(`فقط برای واحد خود، مگر ${unless.fa}`);
    en.push(`for their own department only, unless ${unless.en}`);
  }
  if (rule.fourEyes === true) {
    fa.push('نه کسی که آن نسخه را فرستاده یا ارسال کرده');
    en.push('not whoever pushed or submitted that version');
  }
  const from = rule.from.map((st) => `«${STATUS_CAPTIONS[st].fa}»`).join(' یا ');
  return {
    fa: `${ACTION_CAPTIONS[action].fa}: برنامه را از وضعیت ${from} به «${STATUS_CAPTIONS[rule.to].fa}» می‌برد (${fa.join('؛ ')}).`,
    en: `${ACTION_CAPTIONS[action].en}: moves a plan from ${rule.from.join(' or ')} to ${rule.to} (${en.join('; ')}).`,
  };
}

function transitionCommand(action: WorkflowAction): Command {
  return {
    name: action,
    summary: actionSummary(action),
    usage: `${action} SUBMISSION [--note TEXT] [--expected-version N]`,
    examples: [`${action} 8f0c… --note "…"`],
    options: {
      note: {
        type: 'string',
        value: 'TEXT',
        description: { fa: 'یادداشت این گام', en: 'a note for this step' },
      },
      'expected-version': {
        type: 'string',
        value: 'N',
        description: {
          fa: 'نسخه‌ای که دیده‌اید؛ اگر نسخه تازه‌تری آمده باشد، پذیرفته نمی‌شود',
          en: 'the version you looked at; refused if a newer one arrived',
        },
      },
    },
    positionals: { min: 1, max: 1, names: ['SUBMISSION'] },
    run: (ctx) =>
      withServer(ctx, async (remote) => {
        const { io, lang } = ctx;
        const id = ctx.positionals[0] ?? '';
        const expected = intOption(ctx, action, 'expected-version', {
          min: 0,
          max: 1_000_000,
          fallback: null,
        });
        if (!expected.ok) return expected.problem;
        const note = str(ctx, 'note');
        const done = remote.value(
          await remote.client.transition(id, action, {
            ...(note !== undefined && { note }),
            ...(expected.value !== null && { expectedVersion: expected.value }),
          }),
        );
        if (!done.ok) return done.problem;
        const body = done.value;
        if (ctx.json) io.stdout.write(toJson(body) + '\n');
        else
          io.stdout.write(
            lang === 'fa'
              ? `${body.submission.title}: ${statusText(body.submission.status, lang)} (نسخه ${plain(body.submission.currentVersion, lang)})\n`
              : `${body.submission.title}: ${body.submission.status} (version ${body.submission.currentVersion})\n`,
          );
        return EXIT.ok;
      }),
  };
}

/** `plan submit|review|approve|return|reopen SUBMISSION`: one workflow step. */
export const transitionCommands: readonly Command[] = WORKFLOW_ACTIONS.map(transitionCommand);

// ---------------------------------------------------------------------------------------------

/** `plan export`: the consolidated city plan of a cycle as `.xlsx`. */
export const exportCommand: Command = {
  name: 'export',
  summary: {
    fa: 'برنامه یکپارچه شهر در یک دوره (همه برنامه‌های تصویب‌شده، جمع‌ها، تراز مالی، سبد پروژه‌ها) را به‌صورت .xlsx می‌گیرد.',
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
    out: {
      type: 'string',
      value: 'FILE.xlsx',
      description: { fa: 'پرونده خروجی', en: 'output file' },
    },
    force: {
      type: 'boolean',
      description: { fa: 'رونویسی پرونده موجود', en: 'overwrite an existing file' },
    },
  },
  positionals: { min: 0, max: 0, names: [] },
  run: (ctx) =>
    withServer(ctx, async (remote) => {
      const { io, lang } = ctx;
      const cycle = requireOption(ctx, 'export', 'cycle', { fa: 'دوره برنامه', en: 'plan cycle' });
      if (!cycle.ok) return cycle.problem;
      const out = requireOption(ctx, 'export', 'out', { fa: 'پرونده خروجی', en: 'output file' });
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
