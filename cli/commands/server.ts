/**
 * Commands that work against a register server (docs/api.md) with the credentials of
 * `plan login`: push a workbook, pull a version, see a submission's status, compare versions,
 * move a submission through the workflow, and export the consolidated city plan.
 */
import type { Finding, VersionDiff } from '#core';
import { formatDiff } from '#core';
import type { Command, CommandContext } from '../command';
import { intOption, requireOption } from '../command';
import { countsText, findingsText, sortForPeople, toJsonFinding } from '../findings';
import { plain, textTable } from '../format';
import type { CliIo, CliLang, CliProblem } from '../io';
import { EXIT, reportProblem, say, toJson } from '../io';
import { readInputBytes } from '../load';
import { checkOutPath, writeOut } from '../output';
import type { ApiResponse, Credentials } from '../remote';
import {
  callApi,
  errorBodyOf,
  loadCredentials,
  normalizeServer,
  refusal,
  saveCredentials,
  seg,
} from '../remote';

/** Media type of an `.xlsx` file (as the API names it). */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 50 MB: the workbook size limit of every command (docs/cli.md). */
const MAX_WORKBOOK_BYTES = 50 * 1_048_576;

const envOf = (io: CliIo) => io.env ?? process.env;

const str = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.values[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** Runs a server command body with credentials; problems go to stderr. */
async function withServer(
  ctx: CommandContext,
  body: (creds: Credentials) => Promise<number | CliProblem>,
): Promise<number> {
  const creds = await loadCredentials(envOf(ctx.io));
  if (!creds.ok) return reportProblem(ctx.io, creds.problem, ctx.lang);
  const out = await body(creds.value);
  return typeof out === 'number' ? out : reportProblem(ctx.io, out, ctx.lang);
}

/** A GET whose answer must be 200 (its JSON), or the problem. */
async function getJson<T>(creds: Credentials, path: string): Promise<T | CliProblem> {
  const res = await callApi(creds, { path });
  if (!res.ok) return res.problem;
  if (res.value.status !== 200) return refusal(res.value);
  return res.value.json as T;
}

const isProblem = (v: unknown): v is CliProblem =>
  v !== null && typeof v === 'object' && 'code' in v && 'message' in v && !('id' in v);

/** The API's submission. */
interface ApiSubmission {
  id: string;
  cycleId: string;
  departmentCode: string | null;
  kind: string;
  title: string;
  currentVersion: number;
  status: string;
  updatedAt: string;
}

const STATUS_FA: Record<string, string> = {
  draft: 'پیش‌نویس',
  submitted: 'فرستاده',
  reviewed: 'بازبینی‌شده',
  approved: 'تصویب‌شده',
};

const statusText = (s: string, lang: CliLang) => (lang === 'fa' ? (STATUS_FA[s] ?? s) : s);

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
    const me = await getJson<{ email: string; tenantId: string; roles: string[] }>(
      creds,
      '/api/me',
    );
    if (isProblem(me)) return reportProblem(io, me, lang);
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
  creds: Credentials,
): Promise<ApiSubmission | CliProblem> {
  const id = str(ctx, 'submission');
  if (id !== undefined) return getJson<ApiSubmission>(creds, `/api/submissions/${seg(id)}`);
  const dept = str(ctx, 'department');
  const kind = str(ctx, 'kind');
  if (dept === undefined || kind === undefined)
    return {
      code: EXIT.input,
      message: {
        fa: '--submission یا هر دو --department و --kind را بدهید',
        en: 'give --submission, or both --department and --kind',
      },
      helpFor: 'push',
    };
  const cycle = str(ctx, 'cycle');
  const q = new URLSearchParams({ department: dept, kind, ...(cycle && { cycleId: cycle }) });
  const list = await getJson<ApiSubmission[]>(creds, `/api/submissions?${q.toString()}`);
  if (isProblem(list)) return list;
  if (list.length !== 1)
    return {
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
    };
  return list[0] as ApiSubmission;
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
    withServer(ctx, async (creds) => {
      const { io } = ctx;
      const file = ctx.positionals[0] ?? '';
      const base = intOption(ctx, 'push', 'base', { min: 0, max: 1_000_000, fallback: null });
      if (!base.ok) return base.problem;
      const bytes = await readInputBytes(io, file, MAX_WORKBOOK_BYTES);
      if (!bytes.ok) return bytes.problem;
      const sub = await resolveSubmission(ctx, creds);
      if (isProblem(sub)) return sub;
      const baseVersion = base.value ?? sub.currentVersion;
      const key = str(ctx, 'idempotency-key');
      const res = await callApi(creds, {
        method: 'POST',
        path: `/api/submissions/${seg(sub.id)}/versions`,
        headers: {
          'Content-Type': XLSX_TYPE,
          'If-Match': `"${baseVersion}"`,
          ...(key !== undefined && { 'Idempotency-Key': key }),
        },
        body: bytes.value,
      });
      if (!res.ok) return res.problem;
      return pushAnswer(ctx, file, sub, res.value);
    }),
};

function pushAnswer(
  ctx: CommandContext,
  file: string,
  sub: ApiSubmission,
  res: ApiResponse,
): number | CliProblem {
  const { io, lang } = ctx;
  const error = errorBodyOf(res);
  if (res.status === 201) {
    const body = res.json as { version: number; warnings?: Finding[] };
    const warnings = body.warnings ?? [];
    const replayed = res.headers.get('idempotent-replayed') === 'true';
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
  if (res.status === 422 && error?.code === 'WORKBOOK_INVALID') {
    const findings = sortForPeople((error.details as { findings?: Finding[] }).findings ?? []);
    if (ctx.json)
      io.stdout.write(toJson({ error: error.code, findings: findings.map(toJsonFinding) }) + '\n');
    else
      io.stdout.write(
        findingsText(findings, lang) +
          (findings.length ? '\n' : '') +
          `${file}: ${countsText(findings, lang)}\n`,
      );
    io.stderr.write(`plan: ${say(error.message, lang)}\n`);
    return EXIT.findings;
  }
  if (res.status === 409 && error?.code === 'VERSION_CONFLICT') {
    const details = error.details as {
      baseVersion: number;
      currentVersion: number;
      changes: VersionDiff;
    };
    if (ctx.json) io.stdout.write(toJson({ error: error.code, ...details }) + '\n');
    else io.stdout.write(formatDiff(details.changes, lang));
    io.stderr.write(`plan: ${say(error.message, lang)}\n`);
    return EXIT.findings;
  }
  return refusal(res);
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
    withServer(ctx, async (creds) => {
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
      const res = await callApi(creds, {
        path: `/api/submissions/${seg(id)}/versions/${selector}?format=xlsx&source=${source}`,
      });
      if (!res.ok) return res.problem;
      if (res.value.status !== 200) return refusal(res.value);
      const written = await writeOut(full.value, out.value, res.value.bytes);
      if (!written.ok) return written.problem;
      const version = Number((res.value.headers.get('etag') ?? '').replace(/\D/g, ''));
      const regenerated = res.value.headers.get('x-plan-regenerated') === 'true';
      if (ctx.json)
        io.stdout.write(
          toJson({
            submission: id,
            version,
            regenerated,
            out: out.value,
            bytes: res.value.bytes.length,
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

interface ApiVersion {
  version: number;
  baseVersion: number | null;
  createdById: string;
  createdAt: string;
}
interface ApiEvent {
  version: number | null;
  action: string;
  fromStatus: string;
  toStatus: string;
  actorId: string | null;
  note: string | null;
  createdAt: string;
}
interface ApiComment {
  version: number | null;
  tableName: string | null;
  rowKey: string | null;
  columnKey: string | null;
  body: string;
  createdAt: string;
}

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
    withServer(ctx, async (creds) => {
      const { io, lang } = ctx;
      const id = ctx.positionals[0];
      if (id === undefined) {
        const list = await getJson<ApiSubmission[]>(creds, '/api/submissions');
        if (isProblem(list)) return list;
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
      const base = `/api/submissions/${seg(id)}`;
      const sub = await getJson<ApiSubmission>(creds, base);
      if (isProblem(sub)) return sub;
      const versions = await getJson<ApiVersion[]>(creds, `${base}/versions`);
      if (isProblem(versions)) return versions;
      const history = await getJson<ApiEvent[]>(creds, `${base}/history`);
      if (isProblem(history)) return history;
      const comments = await getJson<ApiComment[]>(creds, `${base}/comments`);
      if (isProblem(comments)) return comments;
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
          versions.map((v) => [
            plain(v.version, lang),
            v.baseVersion === null ? '-' : plain(v.baseVersion, lang),
            v.createdAt,
          ]),
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
            e.version === null ? '-' : plain(e.version, lang),
            e.note ?? '',
            e.createdAt,
          ]),
        ),
        fa ? 'یادداشت‌ها:' : 'Comments:',
        ...(comments.length === 0
          ? [fa ? '(هیچ)' : '(none)']
          : comments.map((c) => {
              const where = [c.tableName, c.rowKey, c.columnKey]
                .filter((x) => x !== null)
                .join(' ');
              const v = c.version === null ? '' : `v${c.version} `;
              return `- ${v}${where ? `${where}: ` : ''}${c.body}`;
            })),
      ];
      io.stdout.write(lines.join('\n') + '\n');
      return EXIT.ok;
    }),
};

// ---------------------------------------------------------------------------------------------

const SELECTOR = /^(\d+|latest|approved)$/;

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
    withServer(ctx, async (creds) => {
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
      const diff = await getJson<VersionDiff>(
        creds,
        `/api/submissions/${seg(id)}/diff?from=${a}&to=${b}`,
      );
      if (isProblem(diff)) return diff;
      ctx.io.stdout.write(ctx.json ? toJson(diff) + '\n' : formatDiff(diff, ctx.lang));
      return EXIT.ok;
    }),
};

// ---------------------------------------------------------------------------------------------

type Action = 'submit' | 'review' | 'approve' | 'return' | 'reopen';

const ACTION_SUMMARY: Record<Action, { fa: string; en: string }> = {
  submit: {
    fa: 'برنامه را برای بازبینی می‌فرستد (تهیه‌کننده).',
    en: 'Submits a plan for review (preparer).',
  },
  review: {
    fa: 'برنامه فرستاده‌شده را بازبینی‌شده اعلام می‌کند (بازبین).',
    en: 'Marks a submitted plan reviewed (reviewer).',
  },
  approve: {
    fa: 'برنامه بازبینی‌شده را تصویب می‌کند (تصویب‌کننده یا شورا؛ نه کسی که آن نسخه را فرستاده).',
    en: 'Approves a reviewed plan (approver or council; not whoever pushed or submitted that version).',
  },
  return: {
    fa: 'برنامه را برای اصلاح به تهیه‌کننده بازمی‌گرداند.',
    en: 'Returns a plan to its preparer for changes.',
  },
  reopen: {
    fa: 'برنامه تصویب‌شده را برای ویرایش بازمی‌گشاید.',
    en: 'Reopens an approved plan for editing.',
  },
};

function transitionCommand(action: Action): Command {
  return {
    name: action,
    summary: ACTION_SUMMARY[action],
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
      withServer(ctx, async (creds) => {
        const { io, lang } = ctx;
        const id = ctx.positionals[0] ?? '';
        const expected = intOption(ctx, action, 'expected-version', {
          min: 0,
          max: 1_000_000,
          fallback: null,
        });
        if (!expected.ok) return expected.problem;
        const note = str(ctx, 'note');
        const res = await callApi(creds, {
          method: 'POST',
          path: `/api/submissions/${seg(id)}/transitions`,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            action,
            ...(note !== undefined && { note }),
            ...(expected.value !== null && { expectedVersion: expected.value }),
          }),
        });
        if (!res.ok) return res.problem;
        if (res.value.status !== 200) return refusal(res.value);
        const body = res.value.json as { submission: ApiSubmission };
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
export const transitionCommands: readonly Command[] = (
  ['submit', 'review', 'approve', 'return', 'reopen'] as const
).map(transitionCommand);

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
    withServer(ctx, async (creds) => {
      const { io, lang } = ctx;
      const cycle = requireOption(ctx, 'export', 'cycle', { fa: 'دوره برنامه', en: 'plan cycle' });
      if (!cycle.ok) return cycle.problem;
      const out = requireOption(ctx, 'export', 'out', { fa: 'پرونده خروجی', en: 'output file' });
      if (!out.ok) return out.problem;
      const full = await checkOutPath(io, out.value, ctx.values.force === true, 'export');
      if (!full.ok) return full.problem;
      const res = await callApi(creds, {
        path: `/api/cycles/${seg(cycle.value)}/consolidation?format=xlsx`,
      });
      if (!res.ok) return res.problem;
      if (res.value.status !== 200) return refusal(res.value);
      const written = await writeOut(full.value, out.value, res.value.bytes);
      if (!written.ok) return written.problem;
      if (ctx.json)
        io.stdout.write(
          toJson({ cycle: cycle.value, out: out.value, bytes: res.value.bytes.length }) + '\n',
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
