/**
 * `plan admin`: people and API tokens, written straight into the register's database (the
 * same `openDatabase` and repositories as the service, every change audited with no actor).
 * It talks to the database, not to the API, because it is how a register gets its first
 * administrator: before any token exists there is nobody the API would let in. Run it where
 * the database is (`DATABASE_URL`, `PLAN_DATA_DIR`, or `--database-url`/`--data-dir`); a
 * PGlite folder must not be open in a running service at the same time.
 */
import { fsi } from '#core';
import type { Database } from '../../service/src/db';
import { DEFAULT_DATA_DIR, openDatabase } from '../../service/src/db';
import type { Repositories } from '../../service/src/repositories';
import { createRepositories, fileAuditHeadStore } from '../../service/src/repositories';
import type { Role } from '../../service/src/repositories/users';
import { ROLES } from '../../service/src/repositories/users';
import type { Command, CommandContext } from '../command';
import { intOption, requireOption } from '../command';
import { textTable } from '../format';
import type { CliProblem } from '../io';
import { EXIT, reportProblem, toJson } from '../io';
import { pathOf } from '../load';
import { verifyAction } from './verify';

const ACTIONS = [
  'tenant-create',
  'department-create',
  'user-create',
  'token-issue',
  'token-revoke',
  'tokens',
  'verify',
] as const;
type AdminAction = (typeof ACTIONS)[number];

const str = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.values[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

const problem = (fa: string, en: string, code: number = EXIT.findings): CliProblem => ({
  code,
  message: { fa, en },
});

/** The database the command opens: options, then the environment, then `.data/pglite`. */
function target(ctx: CommandContext): { url: string } | { dataDir: string } {
  const env = ctx.io.env ?? process.env;
  const url = str(ctx, 'database-url') ?? (env.DATABASE_URL || undefined);
  if (str(ctx, 'data-dir') === undefined && url !== undefined) return { url };
  const dir = str(ctx, 'data-dir') ?? (env.PLAN_DATA_DIR || DEFAULT_DATA_DIR);
  return { dataDir: dir.startsWith('memory://') ? dir : pathOf(ctx.io, dir) };
}

/**
 * The register's data root, where the audit chains' heads are anchored (`audit-head/`): the
 * option, then `PLAN_DATA_ROOT`, then `.data`, as the service reads it (docs/configuration.md).
 */
function dataRoot(ctx: CommandContext): string {
  const env = ctx.io.env ?? process.env;
  return pathOf(ctx.io, str(ctx, 'data-root') ?? (env.PLAN_DATA_ROOT || '.data'));
}

async function runAction(
  ctx: CommandContext,
  action: AdminAction,
  repos: Repositories,
): Promise<CliProblem | { json: unknown; text: string }> {
  const env = ctx.io.env ?? process.env;
  const tenant = str(ctx, 'tenant') ?? (env.PLAN_TENANT || 'sample');
  const need = (name: string, what: { fa: string; en: string }) =>
    requireOption(ctx, `admin`, name, what);
  const userOf = async () => {
    const email = need('email', { fa: 'رایانامه کاربر', en: "the user's e-mail" });
    if (!email.ok) return email.problem;
    const user = await repos.users.getByEmail(tenant, email.value);
    return (
      user ??
      problem(`کاربر ${email.value} در ${tenant} نیست`, `no user ${email.value} in ${tenant}`)
    );
  };
  switch (action) {
    case 'tenant-create': {
      const name = need('name', { fa: 'نام شهرداری', en: 'name of the municipality' });
      if (!name.ok) return name.problem;
      const r = await repos.tenants.create({ id: tenant, name: name.value }, null);
      if (!r.ok)
        return problem(
          `شهرداری ${tenant} ساخته نشد (${r.reason})`,
          `tenant ${tenant} not created (${r.reason})`,
        );
      return { json: { tenant: r.tenant.id, name: r.tenant.name }, text: `tenant ${r.tenant.id}` };
    }
    case 'department-create': {
      const code = need('code', { fa: 'کد واحد', en: 'department code' });
      if (!code.ok) return code.problem;
      const name = need('name', { fa: 'نام واحد', en: 'department name' });
      if (!name.ok) return name.problem;
      const r = await repos.departments.create(
        tenant,
        { code: code.value, name: name.value },
        null,
      );
      if (!r.ok)
        return problem(`واحد ساخته نشد (${r.reason})`, `department not created (${r.reason})`);
      return {
        json: { id: r.department.id, code: r.department.code, name: r.department.name },
        text: `department ${r.department.code} ${r.department.id}`,
      };
    }
    case 'user-create': {
      const email = need('email', { fa: 'رایانامه کاربر', en: "the user's e-mail" });
      if (!email.ok) return email.problem;
      const roleText = need('roles', {
        fa: `نقش‌ها از ${ROLES.join(',')}`,
        en: `roles from ${ROLES.join(',')}`,
      });
      if (!roleText.ok) return roleText.problem;
      const roles = roleText.value.split(',').map((r) => r.trim());
      const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (bad.length || roles.length === 0)
        return problem(
          `نقش نادرست: ${bad.join(',')}؛ نقش‌ها: ${ROLES.join(',')}`,
          `unknown role: ${bad.join(',')}; roles: ${ROLES.join(',')}`,
          EXIT.input,
        );
      let departmentId: string | null = null;
      const code = str(ctx, 'department');
      if (code !== undefined) {
        const dept = await repos.departments.getByCode(tenant, code);
        if (dept === null) return problem(`واحد ${code} نیست`, `no department ${code}`);
        departmentId = dept.id;
      }
      const r = await repos.users.create(
        tenant,
        {
          email: email.value,
          displayName: str(ctx, 'name') ?? email.value,
          departmentId,
          roles: roles as Role[],
        },
        null,
      );
      if (!r.ok) return problem(`کاربر ساخته نشد (${r.reason})`, `user not created (${r.reason})`);
      return {
        json: { id: r.user.id, email: r.user.email, roles: r.user.roles, departmentId },
        text: `user ${r.user.email} ${r.user.id} (${r.user.roles.join(',')})`,
      };
    }
    case 'token-issue': {
      const user = await userOf();
      if ('code' in user) return user;
      const days = intOption(ctx, 'admin', 'expires-days', { min: 1, max: 3650, fallback: null });
      if (!days.ok) return days.problem;
      const r = await repos.tokens.issue(
        tenant,
        {
          userId: user.id,
          name: str(ctx, 'name') ?? 'cli',
          // Days of 86,400,000 ms from now: an expiry date, not a calendar computation.
          expiresAt: days.value === null ? null : new Date(Date.now() + days.value * 86_400_000),
        },
        null,
      );
      if (!r.ok) return problem(`توکن صادر نشد (${r.reason})`, `token not issued (${r.reason})`);
      // The one place the secret is shown: it is not stored, only its hash.
      return {
        json: {
          id: r.token.id,
          prefix: r.token.prefix,
          token: r.secret,
          expiresAt: r.token.expiresAt,
        },
        text: `${r.secret}\n(id ${r.token.id})`,
      };
    }
    case 'token-revoke': {
      const id = need('id', { fa: 'شناسه توکن', en: 'token id' });
      if (!id.ok) return id.problem;
      const r = await repos.tokens.revoke(tenant, id.value, null);
      if (!r.ok) return problem(`توکن باطل نشد (${r.reason})`, `token not revoked (${r.reason})`);
      return {
        json: { id: r.token.id, revoked: true },
        text: `revoked ${r.token.id} (${r.token.prefix}…)`,
      };
    }
    case 'tokens': {
      const user = await userOf();
      if ('code' in user) return user;
      const list = await repos.tokens.listForUser(tenant, user.id);
      return {
        json: list.map((t) => ({
          id: t.id,
          name: t.name,
          prefix: t.prefix,
          createdAt: t.createdAt,
          expiresAt: t.expiresAt,
          revoked: t.revoked,
        })),
        text: textTable(
          ['id', 'name', 'prefix', 'revoked'],
          list.map((t) => [t.id, t.name, t.prefix, String(t.revoked)]),
        ).trimEnd(),
      };
    }
    case 'verify':
      return verifyAction(repos, tenant, { anchorHead: ctx.values['anchor-head'] === true });
  }
}

/** `plan admin ACTION`: tenants, departments, users and API tokens, in the database itself. */
export const adminCommand: Command = {
  name: 'admin',
  summary: {
    fa: 'مدیریت مستقیم پایگاه داده سامانه ثبت برنامه: ساخت شهرداری، واحد و کاربر، صدور، فهرست و ابطال توکن \u2066API\u2069 (برای راه‌اندازی نخستین مدیر)، و وارسی زنجیره ممیزی و هش همه نسخه‌ها (\u2066verify\u2069).',
    en: 'Works on the register database directly: create a tenant, department or user, issue, list or revoke API tokens (how the first administrator is made), and verify the audit chain and every version against its hashes (verify).',
  },
  usage: `admin ${ACTIONS.join('|')} [--tenant ID] [--database-url URL | --data-dir DIR] …`,
  examples: [
    'admin user-create --email admin@city.ir --roles admin --data-dir .data/pglite',
    'admin token-issue --email admin@city.ir --name laptop --expires-days 90',
    'admin token-revoke --id 5d2a…',
    'admin verify --data-dir .data/pglite --data-root .data',
  ],
  options: {
    tenant: {
      type: 'string',
      value: 'ID',
      description: {
        fa: 'شهرداری (پیش‌فرض \u2066PLAN_TENANT\u2069 یا \u2066sample\u2069)',
        en: 'tenant (default PLAN_TENANT or sample)',
      },
    },
    'database-url': {
      type: 'string',
      value: 'URL',
      description: {
        fa: 'نشانی \u2066PostgreSQL\u2069 (پیش‌فرض \u2066DATABASE_URL\u2069)',
        en: 'PostgreSQL URL (default DATABASE_URL)',
      },
    },
    'data-dir': {
      type: 'string',
      value: 'DIR',
      description: {
        fa: 'پوشه \u2066PGlite\u2069 (پیش‌فرض \u2066PLAN_DATA_DIR\u2069 یا \u2066.data/pglite\u2069)',
        en: 'PGlite folder (default PLAN_DATA_DIR or .data/pglite)',
      },
    },
    'data-root': {
      type: 'string',
      value: 'DIR',
      description: {
        fa: 'پوشه داده دفتر که سر زنجیره ممیزی در آن امضا و نگه داشته می‌شود (پیش‌فرض \u2066PLAN_DATA_ROOT\u2069 یا \u2066.data\u2069)',
        en: "the register's data root, where the audit chain's signed head is kept (default PLAN_DATA_ROOT or .data)",
      },
    },
    'anchor-head': {
      type: 'boolean',
      description: {
        fa: '\u2066verify\u2069: پس از وارسی زنجیره، سر کنونی آن را امضا و نگه دار (نخستین بار پس از ارتقا یا جابه‌جایی پوشه داده)',
        en: 'verify: once the chain verifies, sign and keep its head as the anchor (first run after an upgrade or a moved data root)',
      },
    },
    email: {
      type: 'string',
      value: 'EMAIL',
      description: { fa: 'رایانامه کاربر', en: "user's e-mail" },
    },
    name: {
      type: 'string',
      value: 'TEXT',
      description: {
        fa: 'نام (شهرداری، واحد، کاربر یا برچسب توکن)',
        en: 'name (tenant, department, user, or token label)',
      },
    },
    code: { type: 'string', value: 'CODE', description: { fa: 'کد واحد', en: 'department code' } },
    department: {
      type: 'string',
      value: 'CODE',
      description: { fa: 'واحد کاربر', en: "user's department" },
    },
    roles: {
      type: 'string',
      value: 'R1,R2',
      description: { fa: `نقش‌ها: ${ROLES.join(',')}`, en: `roles: ${ROLES.join(',')}` },
    },
    id: { type: 'string', value: 'ID', description: { fa: 'شناسه توکن', en: 'token id' } },
    'expires-days': {
      type: 'string',
      value: 'N',
      description: { fa: 'انقضای توکن پس از \u2066N\u2069 روز', en: 'token expires after N days' },
    },
  },
  positionals: { min: 1, max: 1, names: ['ACTION'] },
  async run(ctx) {
    const { io, lang } = ctx;
    const action = ctx.positionals[0] as AdminAction;
    if (!ACTIONS.includes(action))
      return reportProblem(
        io,
        {
          ...problem(
            `کار «${fsi(action)}» شناخته نیست؛ کارها: ${ACTIONS.join('، ')}`,
            `unknown action "${action}"; actions: ${ACTIONS.join(', ')}`,
            EXIT.input,
          ),
          helpFor: 'admin',
        },
        lang,
      );
    let db: Database;
    try {
      db = await openDatabase(target(ctx));
    } catch (e) {
      const msg = (e as { messages?: { fa: string; en: string } }).messages;
      const detail = (e as Error).message;
      return reportProblem(
        io,
        problem(
          `پایگاه داده باز نشد: ${msg?.fa ?? detail}`,
          `could not open the database: ${msg?.en ?? detail}`,
          EXIT.input,
        ),
        lang,
      );
    }
    const headKey = (io.env ?? process.env).PLAN_AUDIT_HEAD_KEY ?? '';
    try {
      const out = await runAction(
        ctx,
        action,
        createRepositories(db.prisma, {
          reader: db.reader,
          // Every change made here anchors its chain's head where the service does.
          auditHead: fileAuditHeadStore(dataRoot(ctx), headKey === '' ? {} : { key: headKey }),
        }),
      );
      if ('code' in out) return reportProblem(io, out, lang);
      io.stdout.write((ctx.json ? toJson(out.json) : out.text) + '\n');
      return EXIT.ok;
    } finally {
      await db.close();
    }
  },
};
