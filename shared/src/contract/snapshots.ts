/**
 * The city plan's snapshots (docs/api.md, "Snapshots and the council"): the vocabulary of a
 * snapshot's statuses and actions, who may take each, and their captions, in one place. A
 * snapshot is the set of approved submission versions the city plan was consolidated from;
 * the council adopts or returns it, and an adopted snapshot may be published to the public
 * page. The first adopted snapshot of a cycle is its baseline; later ones are revisions.
 */
import type { Bilingual } from '../findings';
import { toPersianDigits } from '../util/text';
import type { Role } from './workflow';
import { ROLE_CAPTIONS } from './workflow';

/** Every status of a snapshot, in order (`returned` last: a side track, final). */
export const SNAPSHOT_STATUSES = ['made', 'council-review', 'adopted', 'returned'] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];

/** Every action on a snapshot. `publish` keeps the status (adopted) and sets `publishedAt`. */
export const SNAPSHOT_ACTIONS = ['send-to-council', 'adopt', 'return', 'publish'] as const;
export type SnapshotAction = (typeof SNAPSHOT_ACTIONS)[number];

/** One snapshot action's rule. */
export interface SnapshotRule {
  readonly from: readonly SnapshotStatus[];
  readonly to: SnapshotStatus;
  readonly roles: readonly Role[];
}

/** Who makes a snapshot by hand (the planning office: approvers; and admins). */
export const SNAPSHOT_MAKERS: readonly Role[] = ['approver', 'admin'];

/** The council stage. */
export const SNAPSHOT_RULES: Readonly<Record<SnapshotAction, SnapshotRule>> = {
  'send-to-council': { from: ['made'], to: 'council-review', roles: ['approver', 'admin'] },
  adopt: { from: ['council-review'], to: 'adopted', roles: ['council', 'admin'] },
  return: { from: ['council-review'], to: 'returned', roles: ['council', 'admin'] },
  publish: { from: ['adopted'], to: 'adopted', roles: ['council', 'admin'] },
};

/** Captions of the statuses. */
export const SNAPSHOT_STATUS_CAPTIONS: Readonly<Record<SnapshotStatus, Bilingual>> = {
  made: { fa: 'ساخته‌شده', en: 'Made' },
  'council-review': { fa: 'در بررسی شورا', en: 'In council review' },
  adopted: { fa: 'مصوب شورا', en: 'Adopted' },
  returned: { fa: 'بازگردانده از شورا', en: 'Returned by the council' },
};

/**
 * How a snapshot is named where a figure is measured against it (documents, the monitoring
 * view, the Article 71 report): «نسخه ۲ برنامه دوره ۱۴۰۵–۱۴۰۹», "Version 2 of the 1405–1409 plan".
 */
export function snapshotLabel(number: number, startYear: number, endYear: number): Bilingual {
  const fa = (n: number) => toPersianDigits(String(n));
  return {
    fa: `نسخه ${fa(number)} برنامه دوره ${fa(startYear)}–${fa(endYear)}`,
    en: `Version ${number} of the ${startYear}–${endYear} plan`,
  };
}

/**
 * The snapshot a cycle's figures are measured against (the monitoring view, the Article 71
 * report): the latest adopted (by number), else the latest; null when there is none. The
 * council's plan stands until it adopts another; before any adoption the newest is the plan.
 */
export function measuredSnapshotOf<S extends { number: number; status: SnapshotStatus }>(
  snapshots: readonly S[],
): S | null {
  const byNumber = [...snapshots].sort((a, b) => a.number - b.number);
  return byNumber.filter((s) => s.status === 'adopted').at(-1) ?? byNumber.at(-1) ?? null;
}

/** Captions of the actions (a button's label). */
export const SNAPSHOT_ACTION_CAPTIONS: Readonly<Record<SnapshotAction, Bilingual>> = {
  'send-to-council': { fa: 'فرستادن به شورا', en: 'Send to the council' },
  adopt: { fa: 'تصویب در شورا', en: 'Adopt' },
  return: { fa: 'بازگرداندن از شورا', en: 'Return' },
  publish: { fa: 'انتشار عمومی', en: 'Publish' },
};

/** Why a snapshot action is refused (the error code of the answer). */
export type SnapshotRefusal = 'FORBIDDEN' | 'INVALID_TRANSITION';

/**
 * Whether `roles` may take `action` on a snapshot in `status` (published: `publishedAt` set).
 * Null when allowed.
 */
export function judgeSnapshotAction(
  action: SnapshotAction,
  status: SnapshotStatus,
  published: boolean,
  roles: readonly Role[],
): { code: SnapshotRefusal; reason: Bilingual } | null {
  const rule = SNAPSHOT_RULES[action];
  if (!rule.roles.some((r) => roles.includes(r)))
    return {
      code: 'FORBIDDEN',
      reason: {
        fa: `این کار را تنها ${rule.roles.map((r) => ROLE_CAPTIONS[r].fa).join(' یا ')} می‌تواند.`,
        en: `Only ${rule.roles.join(', ')} may ${action} a snapshot.`,
      },
    };
  if (!rule.from.includes(status))
    return {
      code: 'INVALID_TRANSITION',
      reason: {
        fa: `نسخه ثبت‌شده برنامه در وضعیت «${SNAPSHOT_STATUS_CAPTIONS[status].fa}» است و «${SNAPSHOT_ACTION_CAPTIONS[action].fa}» از آن ممکن نیست.`,
        en: `The snapshot is ${SNAPSHOT_STATUS_CAPTIONS[status].en.toLowerCase()}; “${SNAPSHOT_ACTION_CAPTIONS[action].en}” is not possible from there.`,
      },
    };
  if (action === 'publish' && published)
    return {
      code: 'INVALID_TRANSITION',
      reason: {
        fa: 'این نسخه ثبت‌شده برنامه پیش‌تر منتشر شده است.',
        en: 'The snapshot is already published.',
      },
    };
  return null;
}
