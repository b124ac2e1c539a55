/**
 * Owners who act, by e-mail (issue 20): the text of a reminder e-mail, where the register has
 * an SMTP server (docs/configuration.md, "E-mail"). One message in both languages, Persian
 * first, since the register keeps no language per person; the same facts as the in-app
 * notification (the department, the due periods, the KPIs and projects not reported, the
 * planning office's note) and the address of the person's notifications page.
 */
import { PRACTICE_MARK } from '../glossary';
import { periodCaption } from '../monitor/article71';
import { fsi, toPersianDigits } from '../util/text';

/** What a reminder e-mail says. */
export interface ReminderMailInput {
  readonly department: { readonly code: string; readonly name: string };
  readonly sender: string;
  readonly periods: readonly { readonly year: number; readonly period: string }[];
  readonly items: readonly {
    readonly kind: 'kpi' | 'project';
    readonly id: string;
    readonly title: string;
    readonly period: { readonly year: number; readonly period: string };
  }[];
  readonly note: string | null;
  /** The absolute address of the person's notifications (`/me/tokens#notifications`). */
  readonly link: string;
  /** Marked as practice (a practice municipality, issue 20). */
  readonly practice?: boolean;
}

/** A plain-text e-mail. */
export interface MailText {
  readonly subject: string;
  readonly text: string;
}

/** The subject and text of a reminder e-mail (plain text: nothing in it is read as HTML). */
export function reminderMail(m: ReminderMailInput): MailText {
  const many = m.periods.length > 1;
  const faItem = (i: ReminderMailInput['items'][number]) =>
    `- ${i.kind === 'kpi' ? 'شاخص' : 'پروژه'} ${fsi(i.id)}: ${i.title}` +
    (many ? ` (${periodCaption(i.period.year, i.period.period, 'fa')})` : '');
  const enItem = (i: ReminderMailInput['items'][number]) =>
    `- ${i.kind === 'kpi' ? 'KPI' : 'Project'} ${i.id}: ${i.title}` +
    (many ? ` (${periodCaption(i.period.year, i.period.period, 'en')})` : '');
  const faPeriods = m.periods.map((p) => periodCaption(p.year, p.period, 'fa')).join('، ');
  const enPeriods = m.periods.map((p) => periodCaption(p.year, p.period, 'en')).join(', ');
  const practice = m.practice === true;
  const faSubject = `${practice ? `[${PRACTICE_MARK.fa}] ` : ''}یادآوری گزارش پایش`;
  const enSubject = `${practice ? `[${PRACTICE_MARK.en}] ` : ''}Monitoring report reminder`;
  const fa = [
    `یادآوری از ${m.sender} برای ${m.department.name}`,
    `گزارش دوره ${faPeriods} هنوز داده نشده است (${toPersianDigits(String(m.items.length))} مورد):`,
    ...m.items.map(faItem),
    ...(m.note === null ? [] : ['', `یادداشت: ${m.note}`]),
    '',
    `اعلان‌های شما در سامانه: ${fsi(m.link)}`,
  ];
  const en = [
    `Reminder from ${m.sender} to ${m.department.name}`,
    `Not yet reported for ${enPeriods} (${m.items.length} ${m.items.length === 1 ? 'item' : 'items'}):`,
    ...m.items.map(enItem),
    ...(m.note === null ? [] : ['', `Note: ${m.note}`]),
    '',
    `Your notifications in the register: ${m.link}`,
  ];
  return {
    subject: `${faSubject} · ${enSubject}: ${m.department.name}`,
    text: [...fa, '', '—', '', ...en, ''].join('\n'),
  };
}
