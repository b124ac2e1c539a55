/**
 * Issue item 3: random sequences of push / submit / review / approve / return / reopen /
 * comment / pull, by every role, on the plans of three departments, checked step by step
 * against a model written from docs/api.md (who may act, and the workflow's states), with
 * fast-check (fixed seed; failures shrink to the shortest sequence).
 *
 * The sequences run in-process against the real handlers and repositories (each sequence
 * gets a new plan cycle, and a new submission of each department it touches, so sequences
 * do not see each other);
 * pushes store small tables through the repository after the handler's own department
 * check (the workbook validation of the HTTP push is proven in flow.test.ts, the
 * authorisation of every endpoint over HTTP in authz.test.ts).
 *
 * Runs: 1,000 sequences per CI run (the minimum), split 700 on PGlite and 300 on
 * PostgreSQL: ≈45 ms each here, mostly the audited writes that set a sequence up, and the
 * whole reliability folder must stay within its CI budget (docs/reliability.md).
 * `PLAN_MODEL_RUNS=N` runs N on each database.
 */
import fc from 'fast-check';
import type { Principal } from '../../service/src/auth';
import { requireDepartment } from '../../service/src/auth';
import { pullJson, readableSubmission, transition } from '../../service/src/handlers/submissions';
import type { AppDeps } from '../../service/src/handlers/context';
import { ApiError } from '../../service/src/http/errors';
import pino from 'pino';
import { testConfig } from '../../service/src/config';
import type { Role } from '../../service/src/repositories';
import type { DbKind } from '../helpers/db';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from '../service/api-harness';
import { openHarness, TENANT } from '../service/api-harness';

const RUNS_OF: Record<DbKind, number> = process.env.PLAN_MODEL_RUNS
  ? {
      pglite: Number(process.env.PLAN_MODEL_RUNS),
      postgres: Number(process.env.PLAN_MODEL_RUNS),
      citus: Number(process.env.PLAN_MODEL_RUNS),
    }
  : { pglite: 700, postgres: 300, citus: 100 };
const MAX_COMMANDS = 6;

type Status = 'draft' | 'submitted' | 'reviewed' | 'approved' | 'returned';
type Action = 'submit' | 'review' | 'approve' | 'return' | 'reopen';
type Person = 'admin' | 'prepA' | 'prepB' | 'prepC' | 'reviewer' | 'approver' | 'council';
const PEOPLE: Person[] = ['admin', 'prepA', 'prepB', 'prepC', 'reviewer', 'approver', 'council'];
const ACTIONS: Action[] = ['submit', 'review', 'approve', 'return', 'reopen'];

/** The model of one plan. */
interface PlanModel {
  status: Status;
  version: number;
  pushedBy: Person | null;
  submittedBy: Person | null;
  comments: number;
}

/** docs/api.md, "Workflow": from which states each action moves, and where to. */
const FLOW: Record<Action, { from: Status[]; to: Status }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  review: { from: ['submitted'], to: 'reviewed' },
  approve: { from: ['reviewed'], to: 'approved' },
  return: { from: ['submitted', 'reviewed'], to: 'returned' },
  reopen: { from: ['approved'], to: 'draft' },
};
/** docs/api.md: who may carry out each action. */
const MAY: Record<Action, Role[]> = {
  submit: ['preparer', 'admin'],
  review: ['reviewer'],
  approve: ['approver', 'council'],
  return: ['reviewer', 'approver', 'council'],
  reopen: ['approver', 'admin'],
};

type Command =
  | { kind: 'push'; who: Person; plan: number; stale: boolean }
  | { kind: 'act'; who: Person; plan: number; action: Action }
  | { kind: 'comment'; who: Person; plan: number }
  | { kind: 'pull'; who: Person; plan: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('push' as const),
    who: fc.constantFrom(...PEOPLE),
    plan: fc.nat(2),
    stale: fc.boolean(),
  }),
  // Workflow actions weighted up: most sequences should get past "submit".
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      who: fc.constantFrom(...PEOPLE),
      plan: fc.nat(2),
      action: fc.constantFrom(...ACTIONS),
    }),
  },
  fc.record({
    kind: fc.constant('comment' as const),
    who: fc.constantFrom(...PEOPLE),
    plan: fc.nat(2),
  }),
  fc.record({
    kind: fc.constant('pull' as const),
    who: fc.constantFrom(...PEOPLE),
    plan: fc.nat(2),
  }),
);

describe.each(DB_KINDS)('the workflow against its model (%s)', (kind) => {
  const RUNS = RUNS_OF[kind];
  let h: Harness;
  let deps: AppDeps;
  const people = new Map<Person, Principal>();
  const departments: string[] = [];
  let nextYear = 2000;

  beforeAll(async () => {
    h = await openHarness(kind);
    deps = {
      repos: h.test.repos,
      config: testConfig(),
      logger: pino({ level: 'silent' }),
      databaseKind: kind,
    };
    const codes = ['D-CIV', 'D-TRF'];
    for (const d of await h.test.repos.departments.list(TENANT))
      if (
        codes.length < 3 &&
        !codes.includes(d.code) &&
        (await h.test.repos.users.getByEmail(
          TENANT,
          `preparer.${d.code.toLowerCase()}@${TENANT}.example`,
        ))
      )
        codes.push(d.code);
    const emails: Record<Person, string> = {
      admin: 'admin',
      reviewer: 'reviewer',
      approver: 'approver',
      council: 'council',
      prepA: `preparer.${codes[0]!.toLowerCase()}`,
      prepB: `preparer.${codes[1]!.toLowerCase()}`,
      prepC: `preparer.${codes[2]!.toLowerCase()}`,
    };
    for (const code of codes)
      departments.push((await h.test.repos.departments.getByCode(TENANT, code))!.id);
    for (const p of PEOPLE) {
      const u = (await h.test.repos.users.getByEmail(TENANT, `${emails[p]}@${TENANT}.example`))!;
      people.set(p, {
        tenantId: TENANT,
        userId: u.id,
        email: u.email,
        displayName: u.displayName,
        departmentId: u.departmentId,
        stakeholderId: null,
        roles: u.roles,
        via: 'api-token',
      });
    }
  });
  afterAll(async () => {
    await h.close();
  });

  /** What the model says a command does: the HTTP status class, and the new plan state. */
  function expected(c: Command, m: PlanModel, dept: string): { status: number; next: PlanModel } {
    const p = people.get(c.who)!;
    const has = (...roles: Role[]) => p.roles.some((r) => roles.includes(r));
    const reads = has('reviewer', 'approver', 'council', 'admin') || p.departmentId === dept;
    switch (c.kind) {
      case 'pull':
        return { status: !reads ? 403 : m.version === 0 ? 404 : 200, next: m };
      case 'comment':
        return reads
          ? { status: 201, next: { ...m, comments: m.comments + 1 } }
          : { status: 403, next: m };
      case 'push': {
        const writes = has('admin') || (has('preparer') && p.departmentId === dept);
        if (!writes) return { status: 403, next: m };
        if (c.stale && m.version > 0) return { status: 409, next: m };
        if (!['draft', 'returned'].includes(m.status)) return { status: 409, next: m };
        return {
          status: 201,
          next: {
            ...m,
            version: m.version + 1,
            status: 'draft',
            pushedBy: c.who,
            submittedBy: null,
          },
        };
      }
      case 'act': {
        if (!reads || !has(...MAY[c.action])) return { status: 403, next: m };
        if (c.action === 'submit' && !has('admin') && p.departmentId !== dept)
          return { status: 403, next: m };
        if (
          (c.action === 'approve' || c.action === 'review') &&
          (m.pushedBy === c.who || m.submittedBy === c.who)
        )
          return { status: 403, next: m };
        if (!FLOW[c.action].from.includes(m.status)) return { status: 409, next: m };
        if (m.version === 0) return { status: 409, next: m };
        return {
          status: 200,
          next: {
            ...m,
            status: FLOW[c.action].to,
            submittedBy: c.action === 'submit' ? c.who : m.submittedBy,
          },
        };
      }
    }
  }

  /** Runs a command on the register; the HTTP status it would answer with. */
  async function run(c: Command, id: string, version: number): Promise<number> {
    const p = people.get(c.who)!;
    try {
      switch (c.kind) {
        case 'pull':
          await pullJson(deps, p, id, 'latest', 'keys');
          return 200;
        case 'comment': {
          const sub = await readableSubmission(deps, p, id);
          const r = await deps.repos.comments.add(TENANT, {
            body: 'نظر',
            submissionId: sub.id,
            authorId: p.userId,
          });
          return r.ok ? 201 : 404;
        }
        case 'push': {
          const sub = (await deps.repos.submissions.get(TENANT, id))!;
          requireDepartment(p, sub.departmentId, true); // the handler's check (pushVersion)
          const r = await deps.repos.versions.createVersion(TENANT, {
            submissionId: id,
            baseVersion: c.stale && version > 0 ? version - 1 : version,
            tables: { tblNotes: [{ Note: `${c.who} ${version}` }] },
            validation: null,
            actorId: p.userId,
          });
          return r.kind === 'created' ? 201 : r.kind === 'not-found' ? 404 : 409;
        }
        case 'act':
          await transition(deps, p, id, { action: c.action });
          return 200;
      }
    } catch (error) {
      if (error instanceof ApiError) return error.status;
      throw error;
    }
  }

  it(`matches the model over ${RUNS} random sequences`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: MAX_COMMANDS }),
        async (commands) => {
          const cycle = await h.test.repos.cycles.create(
            TENANT,
            { startYear: nextYear++, title: 'model', planningDepartmentId: departments[0]! },
            people.get('admin')!.userId,
          );
          if (!cycle.ok) throw new Error(cycle.reason);
          // A department's plan is created when the sequence first touches it (the cost of a
          // sequence is mostly these audited writes).
          const ids = new Map<number, string>();
          const idOf = async (plan: number) => {
            const known = ids.get(plan);
            if (known !== undefined) return known;
            const s = await h.test.repos.submissions.create(
              TENANT,
              {
                cycleId: cycle.cycle.id,
                departmentId: departments[plan]!,
                kind: 'department',
                title: 'model',
              },
              people.get('admin')!.userId,
            );
            if (!s.ok) throw new Error(s.reason);
            ids.set(plan, s.submission.id);
            return s.submission.id;
          };
          const models: PlanModel[] = departments.map(() => ({
            status: 'draft',
            version: 0,
            pushedBy: null,
            submittedBy: null,
            comments: 0,
          }));
          for (const c of commands) {
            const m = models[c.plan]!;
            const id = await idOf(c.plan);
            const want = expected(c, m, departments[c.plan]!);
            const got = await run(c, id, m.version);
            expect({ c, status: got }).toEqual({ c, status: want.status });
            models[c.plan] = want.next;
            const sub = (await h.test.repos.submissions.get(TENANT, id))!;
            expect({ c, status: sub.status, version: sub.currentVersion }).toEqual({
              c,
              status: want.next.status,
              version: want.next.version,
            });
          }
          for (const [plan, id] of ids)
            expect((await h.test.repos.comments.list(TENANT, id)).length).toBe(
              models[plan]!.comments,
            );
        },
      ),
      { numRuns: RUNS, seed: 20261124 },
    );
  }, 300_000);
});
