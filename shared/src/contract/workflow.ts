/**
 * The register's workflow vocabulary, in one place: the roles people hold, the statuses a
 * submission passes through, the actions that move it, who may take each action, and their
 * Persian and English captions. The database stores the keys; the server judges every
 * transition with `judgeAction`; the CLI, the pane and the API documents show the captions.
 */
import type { Bilingual } from '../findings';
import type { StakeholderType } from './enums';

/**
 * Roles a person may hold (docs/configuration.md, "Roles"): the municipality's staff, then the
 * people outside it who take part in the plan (issue 15): `agency`, a representative of an
 * executive body (water, power, gas, police, education, …), and `stakeholder`, a member of an
 * NGO, a company, a university, an expert or a neighbourhood council. Each of the two is tied
 * to an entry of the city's `tblStakeholders` (`OUTSIDE_ROLES`).
 */
export const ROLES = [
  'preparer',
  'reviewer',
  'approver',
  'council',
  'admin',
  'agency',
  'stakeholder',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles that read every department's submissions and the city plan (city-wide staff): its
 * consolidation, snapshots, monitoring, documents and process. The register grants by it;
 * the add-in asks only for what it grants.
 */
export const CITY_WIDE_ROLES: readonly Role[] = ['reviewer', 'approver', 'council', 'admin'];

/**
 * Roles of people outside the municipality: each such person is tied to a `tblStakeholders`
 * entry (`StakeholderId`) of the city, reads the published plan and the consultation, and
 * nothing of the submissions (no workflow rule names these roles; `SUBMISSION_ROLES`).
 */
export const OUTSIDE_ROLES = ['agency', 'stakeholder'] as const satisfies readonly Role[];
export type OutsideRole = (typeof OUTSIDE_ROLES)[number];

/** Roles that work on submissions (list, read, push, comment, decide): the staff. */
export const SUBMISSION_ROLES: readonly Role[] = ROLES.filter(
  (r) => !(OUTSIDE_ROLES as readonly Role[]).includes(r),
);

/** True when a role is one of the outside roles (tied to a stakeholder). */
export function isOutsideRole(role: Role): role is OutsideRole {
  return (OUTSIDE_ROLES as readonly Role[]).includes(role);
}

/**
 * The `tblStakeholders.Type` values a person of an outside role may be tied to: an agency's
 * representative to an `agency` (contract v2), a stakeholder to any party that is not the
 * municipality's own (its council and departments have staff accounts) nor an agency.
 */
export const STAKEHOLDER_TYPES_OF_ROLE: Readonly<Record<OutsideRole, readonly StakeholderType[]>> =
  {
    agency: ['agency'],
    stakeholder: [
      'ngo',
      'private',
      'expert',
      'citizen-group',
      'university',
      'neighbourhood-council',
    ],
  };

/** Every status of a submission, in workflow order (`returned` last: it is a side track). */
export const SUBMISSION_STATUSES = [
  'draft',
  'submitted',
  'reviewed',
  'approved',
  'returned',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** Every workflow action, in the order a plan usually meets them. */
export const WORKFLOW_ACTIONS = ['submit', 'review', 'approve', 'return', 'reopen'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Captions of the roles. */
export const ROLE_CAPTIONS: Readonly<Record<Role, Bilingual>> = {
  preparer: { fa: 'تهیه‌کننده', en: 'Preparer' },
  reviewer: { fa: 'بازبین', en: 'Reviewer' },
  approver: { fa: 'تصویب‌کننده', en: 'Approver' },
  council: { fa: 'شورا', en: 'Council' },
  admin: { fa: 'مدیر سامانه', en: 'Administrator' },
  agency: { fa: 'نماینده دستگاه اجرایی', en: 'Agency representative' },
  stakeholder: { fa: 'ذی‌نفع', en: 'Stakeholder' },
};

/** Captions of the statuses. */
export const STATUS_CAPTIONS: Readonly<Record<SubmissionStatus, Bilingual>> = {
  draft: { fa: 'پیش‌نویس', en: 'Draft' },
  submitted: { fa: 'فرستاده برای بازبینی', en: 'Submitted' },
  reviewed: { fa: 'بازبینی‌شده', en: 'Reviewed' },
  approved: { fa: 'تصویب‌شده', en: 'Approved' },
  returned: { fa: 'بازگردانده برای اصلاح', en: 'Returned for changes' },
};

/** Captions of the actions (a button's label). */
export const ACTION_CAPTIONS: Readonly<Record<WorkflowAction, Bilingual>> = {
  submit: { fa: 'فرستادن برای بازبینی', en: 'Submit for review' },
  review: { fa: 'اعلام بازبینی', en: 'Mark reviewed' },
  approve: { fa: 'تصویب', en: 'Approve' },
  return: { fa: 'بازگرداندن برای اصلاح', en: 'Return for changes' },
  reopen: { fa: 'بازگشایی', en: 'Reopen' },
};

/** One action's rule: where it leaves from and goes to, and who may take it. */
export interface TransitionRule {
  readonly from: readonly SubmissionStatus[];
  readonly to: SubmissionStatus;
  /** Roles any one of which allows the action. */
  readonly roles: readonly Role[];
  /**
   * When set, the actor must belong to the submission's department unless they hold one of
   * these roles (a preparer submits only their own department's plan; an admin any).
   */
  readonly ownDepartmentUnless?: readonly Role[];
  /** The submission must have a pushed version (there is nothing to submit before). */
  readonly needsVersion?: boolean;
  /**
   * Four eyes: whoever pushed or submitted the version under decision may not take it (review
   * and approval: one person holding preparer and reviewer, or preparer and approver, never
   * judges their own work; returning it is always open).
   */
  readonly fourEyes?: boolean;
}

/** The workflow (docs/api.md, "Workflow"). */
export const TRANSITIONS: Readonly<Record<WorkflowAction, TransitionRule>> = {
  submit: {
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: ['preparer', 'admin'],
    ownDepartmentUnless: ['admin'],
    needsVersion: true,
  },
  review: { from: ['submitted'], to: 'reviewed', roles: ['reviewer'], fourEyes: true },
  approve: { from: ['reviewed'], to: 'approved', roles: ['approver', 'council'], fourEyes: true },
  return: {
    from: ['submitted', 'reviewed'],
    to: 'returned',
    roles: ['reviewer', 'approver', 'council'],
  },
  reopen: { from: ['approved'], to: 'draft', roles: ['approver', 'admin'] },
};

/**
 * Statuses in which a new version may be pushed: what is under review or approved does not
 * change under the reviewer's eyes. A push sets the status back to `draft`.
 */
export const EDITABLE_STATUSES: readonly SubmissionStatus[] = ['draft', 'returned'];

/** True when a string is a status key. */
export function isSubmissionStatus(value: string): value is SubmissionStatus {
  return (SUBMISSION_STATUSES as readonly string[]).includes(value);
}

/** True when a string is an action key. */
export function isWorkflowAction(value: string): value is WorkflowAction {
  return (WORKFLOW_ACTIONS as readonly string[]).includes(value);
}

/** True when a string is a role key. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Who acts. */
export interface WorkflowActor {
  readonly userId: string;
  readonly roles: readonly Role[];
  /** The actor's department (id), or null for city-wide staff. */
  readonly departmentId: string | null;
}

/** The submission acted on, as the actor saw it. */
export interface WorkflowSubject {
  readonly status: SubmissionStatus;
  readonly departmentId: string;
  /** 0 before the first push. */
  readonly currentVersion: number;
}

/** Who pushed and who submitted the current version (what four eyes looks at). */
export interface FourEyesFacts {
  /** The person who pushed the current version, or null when there is none. */
  readonly pushedBy: string | null;
  /** Everyone who submitted the current version. */
  readonly submittedBy: readonly string[];
}

/**
 * The API error code a refused action answers with: `FORBIDDEN` (role or department, 403),
 * `SAME_PERSON` (four eyes, 403), `INVALID_TRANSITION` (status or no version yet, 409).
 */
export type ActionRefusalCode = 'FORBIDDEN' | 'SAME_PERSON' | 'INVALID_TRANSITION';
export const ACTION_REFUSAL_CODES: readonly ActionRefusalCode[] = [
  'FORBIDDEN',
  'SAME_PERSON',
  'INVALID_TRANSITION',
];

/** Whether an actor may take an action now, and if not, why. */
export interface ActionVerdict {
  readonly action: WorkflowAction;
  readonly allowed: boolean;
  /** Null when allowed. */
  readonly code: ActionRefusalCode | null;
  /** Null when allowed. */
  readonly reason: Bilingual | null;
}

const roleList = (roles: readonly Role[]): Bilingual => ({
  fa: roles.map((r) => ROLE_CAPTIONS[r].fa).join(' یا '),
  en: roles.join(' or '),
});

const refuse = (
  action: WorkflowAction,
  code: ActionRefusalCode,
  reason: Bilingual,
): ActionVerdict => ({ action, allowed: false, code, reason });

const holds = (actor: WorkflowActor, roles: readonly Role[]) =>
  actor.roles.some((r) => roles.includes(r));

/**
 * Every check of an action except four eyes, in the order the server answers them: role,
 * department, status, a version to act on. Null when they all pass.
 */
function judgeBeforeFourEyes(
  action: WorkflowAction,
  actor: WorkflowActor,
  subject: WorkflowSubject,
): ActionVerdict | null {
  const rule = TRANSITIONS[action];
  if (!holds(actor, rule.roles)) {
    const roles = roleList(rule.roles);
    return refuse(action, 'FORBIDDEN', {
      fa: `این کار نقش ${roles.fa} می‌خواهد.`,
      en: `This needs the role ${roles.en}.`,
    });
  }
  if (
    rule.ownDepartmentUnless !== undefined &&
    !holds(actor, rule.ownDepartmentUnless) &&
    actor.departmentId !== subject.departmentId
  )
    return refuse(action, 'FORBIDDEN', {
      fa: `«${ACTION_CAPTIONS[action].fa}» فقط از دست کارکنان همین واحد برمی‌آید.`,
      en: `"${ACTION_CAPTIONS[action].en}" is for people of this department only.`,
    });
  if (!rule.from.includes(subject.status))
    return refuse(action, 'INVALID_TRANSITION', {
      fa: `«${ACTION_CAPTIONS[action].fa}» از وضعیت «${STATUS_CAPTIONS[subject.status].fa}» ممکن نیست.`,
      en: `"${ACTION_CAPTIONS[action].en}" is not possible from the status "${STATUS_CAPTIONS[subject.status].en}".`,
    });
  if (rule.needsVersion === true && subject.currentVersion === 0)
    return refuse(action, 'INVALID_TRANSITION', {
      fa: 'هنوز نسخه‌ای فرستاده نشده است.',
      en: 'No version has been pushed yet.',
    });
  return null;
}

/**
 * True when the verdict on an action hangs on four eyes: every other check passes and the
 * rule has it. The server reads who pushed and submitted the version only then.
 */
export function needsFourEyesFacts(
  action: WorkflowAction,
  actor: WorkflowActor,
  subject: WorkflowSubject,
): boolean {
  return (
    TRANSITIONS[action].fourEyes === true && judgeBeforeFourEyes(action, actor, subject) === null
  );
}

/**
 * Whether `actor` may take `action` on `subject` now. `facts` must be given whenever
 * `needsFourEyesFacts` says so (a missing one is a bug of the caller, and throws).
 */
export function judgeAction(
  action: WorkflowAction,
  actor: WorkflowActor,
  subject: WorkflowSubject,
  facts?: FourEyesFacts,
): ActionVerdict {
  const refused = judgeBeforeFourEyes(action, actor, subject);
  if (refused !== null) return refused;
  if (TRANSITIONS[action].fourEyes === true) {
    if (facts === undefined) throw new Error(`judgeAction(${action}) needs the four-eyes facts`);
    if (facts.pushedBy === actor.userId || facts.submittedBy.includes(actor.userId))
      return refuse(action, 'SAME_PERSON', {
        fa: `کسی که نسخه را فرستاده یا ارسال کرده نمی‌تواند «${ACTION_CAPTIONS[action].fa}» را انجام دهد.`,
        en: `The person who pushed or submitted the version cannot take "${ACTION_CAPTIONS[action].en}" on it.`,
      });
  }
  return { action, allowed: true, code: null, reason: null };
}

/** Whether an actor may push a new version now, and if not, why. */
export interface PushVerdict {
  readonly allowed: boolean;
  /** The error code a push would answer with; null when allowed. */
  readonly code: 'FORBIDDEN' | 'NOT_EDITABLE' | null;
  /** Null when allowed. */
  readonly reason: Bilingual | null;
}

/** Roles that push versions (a preparer only for their own department; an admin any). */
export const PUSH_ROLES: readonly Role[] = ['preparer', 'admin'];

/**
 * Whether `actor` may push a new version of `subject` now, by the register's rule (the same
 * order as its checks of a push): a preparer of the submission's department or an admin, and
 * a status that takes new versions (`EDITABLE_STATUSES`: what is under review or approved
 * does not change under the reviewer's eyes). A version conflict is a later question, of the
 * push itself.
 */
export function judgePush(actor: WorkflowActor, subject: WorkflowSubject): PushVerdict {
  const admin = actor.roles.includes('admin');
  if (!holds(actor, PUSH_ROLES) || (!admin && actor.departmentId !== subject.departmentId))
    return {
      allowed: false,
      code: 'FORBIDDEN',
      reason: {
        fa: 'فقط تهیه‌کنندگان همین واحد می‌توانند برای آن نسخه بفرستند.',
        en: 'Only preparers of this department may push for it.',
      },
    };
  if (!EDITABLE_STATUSES.includes(subject.status))
    return { allowed: false, code: 'NOT_EDITABLE', reason: notEditableReason(subject.status) };
  return { allowed: true, code: null, reason: null };
}

/** Why a submission in `status` takes no new version (the register's `NOT_EDITABLE`). */
export function notEditableReason(status: SubmissionStatus): Bilingual {
  return {
    fa: `برنامه در وضعیت «${STATUS_CAPTIONS[status].fa}» است و نسخه تازه نمی‌پذیرد (نخست بازگردانده یا بازگشوده شود).`,
    en: `The submission is ${status} and takes no new version (it must be returned or reopened first).`,
  };
}

/** The verdict on every action, in `WORKFLOW_ACTIONS` order. */
export function judgeActions(
  actor: WorkflowActor,
  subject: WorkflowSubject,
  facts?: FourEyesFacts,
): ActionVerdict[] {
  return WORKFLOW_ACTIONS.map((action) => judgeAction(action, actor, subject, facts));
}
