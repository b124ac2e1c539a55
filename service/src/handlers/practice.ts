/**
 * The practice municipality (issue 20): `POST /api/admin/practice`, by an admin of a real
 * municipality, makes the municipality `<tenant>-practice` from the sample (monitoring
 * included, `seedSampleTenant`), or resets it: everything of it is deleted and it is seeded
 * again, so a push or an approval made in practice is gone. The real municipality's people
 * (those not disabled) become its accounts, with the same e-mails and roles and a one-time
 * password each, returned once to the admin: so anyone of the municipality can try every
 * step (push, review, approve, consult, adopt, monitor). Where the sample has no department of
 * a person's code, a preparer prepares for the sample's civil works (`SAMPLE_PREPARER_DEPT`);
 * an agency representative or a stakeholder speaks for the sample's own (SH13, SH03) unless
 * the sample names theirs. The practice municipality is a municipality like any other: its
 * sessions and tokens see nothing of the real one, nor the real one's of it.
 */
import type { ApiPractice, Role } from '#core';
import { practiceTenantId } from '#core';
import { hashPassword, oneTimePassword } from '../auth/password';
import { apiError } from '../http/errors';
import type { Handler } from '../http/route';
import { TENANT_ID_PATTERN } from '../repositories';
import type { AppDeps } from './context';
import { cityStakeholders } from './people';
import { SAMPLE_PREPARER_DEPT, seedSampleTenant } from './seed';

type None = Record<string, never>;

/** The practice municipality's code of a real municipality. */

/** Whom an outside person speaks for in practice when the sample does not name theirs. */
const SAMPLE_STAKEHOLDER: Readonly<Record<'agency' | 'stakeholder', string>> = {
  agency: 'SH13',
  stakeholder: 'SH03',
};

/** Makes, or resets, the practice municipality of `tenantId` (see the module comment). */
export async function makePractice(deps: AppDeps, tenantId: string): Promise<ApiPractice> {
  const { repos } = deps;
  const real = await repos.tenants.get(tenantId);
  if (real === null || real.practice)
    throw apiError(
      'FORBIDDEN',
      'شهرداری تمرینی را مدیر سامانه یک شهرداری واقعی می‌سازد، نه از درون خود شهرداری تمرینی.',
      'A practice municipality is made by an administrator of a real municipality, not from within a practice one.',
    );
  const id = practiceTenantId(tenantId);
  if (!TENANT_ID_PATTERN.test(id))
    throw apiError(
      'INVALID_REQUEST',
      `کد شهرداری \u2066${tenantId}\u2069 برای ساختن کد شهرداری تمرینی \u2066${id}\u2069 بلند است (بیش از ۴۰ نویسه).`,
      `The municipality code ${tenantId} is too long to make the practice code ${id} (over 40 characters).`,
    );
  const existing = await repos.tenants.get(id);
  if (existing !== null && !existing.practice)
    throw apiError(
      'ALREADY_EXISTS',
      `شهرداری واقعی با کد \u2066${id}\u2069 هست؛ شهرداری تمرینی ساخته نمی‌شود.`,
      `A real municipality with the code ${id} exists; no practice municipality is made.`,
    );
  const reset = existing !== null && (await repos.tenants.purgePractice(id));
  await seedSampleTenant(deps, {
    tenantId: id,
    tokenDir: null,
    practice: true,
    localAccounts: false,
  });
  // The chain seeded anew is shorter than the one anchored before the reset.
  if (reset) await repos.tenants.anchorNewChain(id);

  const stakeholders = await cityStakeholders(deps, id);
  const realDepartments = new Map(
    (await repos.departments.list(tenantId)).map((d) => [d.id, d.code]),
  );
  const accounts: ApiPractice['accounts'] = [];
  for (const person of await repos.users.list(tenantId)) {
    if (person.disabled) continue;
    const code = person.departmentId === null ? null : realDepartments.get(person.departmentId);
    let dept = code == null ? null : await repos.departments.getByCode(id, code);
    if (dept === null && person.roles.includes('preparer'))
      dept = await repos.departments.getByCode(id, SAMPLE_PREPARER_DEPT);
    const outside = person.roles.find(
      (r): r is 'agency' | 'stakeholder' => r === 'agency' || r === 'stakeholder',
    );
    const stakeholderId =
      outside === undefined
        ? null
        : person.stakeholderId !== null && stakeholders.has(person.stakeholderId)
          ? person.stakeholderId
          : SAMPLE_STAKEHOLDER[outside];
    const created = await repos.users.create(
      id,
      {
        email: person.email,
        displayName: person.displayName,
        departmentId: dept?.id ?? null,
        stakeholderId,
        roles: person.roles as Role[],
      },
      null,
    );
    if (!created.ok) continue;
    const secret = oneTimePassword();
    await repos.people.setPassword(
      id,
      created.user.id,
      { passwordHash: await hashPassword(secret, deps.config.sessions.scrypt), mustChange: true },
      null,
    );
    accounts.push({
      email: person.email,
      roles: person.roles,
      departmentCode: dept?.code ?? null,
      oneTimePassword: secret,
    });
  }
  return { tenantId: id, reset, accounts };
}

/** `POST /api/admin/practice`. */
export const makePracticeOperation: Handler<None, None, undefined> = async ({ deps, p }) => ({
  status: 201,
  headers: { 'Cache-Control': 'no-store' },
  json: await makePractice(deps, p.tenantId),
});
