/**
 * The roles of the register's people (docs/configuration.md, "Roles"): the vocabulary the
 * database's CHECK constraint, the API's request schemas, the CLI and the pane share.
 */

/** Every role, in the order of the workflow, with its captions. */
export const ROLE_CAPTIONS = [
  { value: 'preparer', fa: 'تهیه‌کننده', en: 'Preparer' },
  { value: 'reviewer', fa: 'بررسی‌کننده', en: 'Reviewer' },
  { value: 'approver', fa: 'تصویب‌کننده', en: 'Approver' },
  { value: 'council', fa: 'شورای شهر', en: 'Council' },
  { value: 'admin', fa: 'مدیر سامانه', en: 'Administrator' },
] as const;

/** What a user may do; a user holds any number of roles. */
export type Role = (typeof ROLE_CAPTIONS)[number]['value'];

/** Every role, in the order of the workflow. */
export const ROLES = ROLE_CAPTIONS.map((r) => r.value) as [Role, ...Role[]];

/** True for a role's value. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
