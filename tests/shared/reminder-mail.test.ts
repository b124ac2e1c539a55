/**
 * The text of a reminder e-mail (the core's `reminderMail`), against a message written out by
 * hand here: what a department's person reads in a mail program, Persian first, then English.
 */
import { newIdempotencyKey, IDEMPOTENCY_KEY_PATTERN, reminderMail } from '#core';

const FSI = '\u2068';
const PDI = '\u2069';

describe('reminderMail', () => {
  const input = {
    department: { code: 'D-CIV', name: 'معاونت عمران' },
    sender: 'دفتر برنامه‌ریزی',
    periods: [{ year: 1405, period: 'H1' }],
    items: [
      { kind: 'project' as const, id: 'P-001', title: 'پل', period: { year: 1405, period: 'H1' } },
      {
        kind: 'kpi' as const,
        id: 'K-02',
        title: 'سرانه فضای سبز',
        period: { year: 1405, period: 'H1' },
      },
    ],
    note: 'تا پایان هفته',
    link: 'https://plan.example/me/tokens#notifications',
  };

  it('says the department, the period, each item and the note, in Persian then English', () => {
    const m = reminderMail(input);
    expect(m.subject).toBe('یادآوری گزارش پایش · Monitoring report reminder: معاونت عمران');
    const lines = m.text.split('\n');
    expect(lines[0]).toBe('یادآوری از دفتر برنامه‌ریزی برای معاونت عمران');
    expect(lines[1]).toBe('گزارش دوره شش‌ماهه اول ۱۴۰۵ هنوز داده نشده است (۲ مورد):');
    expect(lines[2]).toBe(`- پروژه ${FSI}P-001${PDI}: پل`);
    expect(lines[3]).toBe(`- شاخص ${FSI}K-02${PDI}: سرانه فضای سبز`);
    expect(lines).toContain('یادداشت: تا پایان هفته');
    expect(lines).toContain(
      `اعلان‌های شما در سامانه: ${FSI}https://plan.example/me/tokens#notifications${PDI}`,
    );
    expect(lines).toContain('Not yet reported for 1405 H1 (2 items):');
    expect(lines).toContain('- Project P-001: پل');
    expect(lines).toContain(
      'Your notifications in the register: https://plan.example/me/tokens#notifications',
    );
    // No Latin digit in the Persian half (IDs and the address are isolated).
    const persian = lines
      .slice(0, lines.indexOf('—'))
      .join('\n')
      .replace(/\u2068[^\u2069]*\u2069/g, '');
    expect(persian).not.toMatch(/[0-9]/);
  });

  it('names each item’s period when several are due, and marks a practice municipality', () => {
    const m = reminderMail({
      ...input,
      note: null,
      practice: true,
      periods: [
        { year: 1404, period: 'FY' },
        { year: 1405, period: 'H1' },
      ],
      items: [{ ...input.items[0]!, period: { year: 1404, period: 'FY' } }],
    });
    expect(m.subject.startsWith('[تمرینی] ')).toBe(true);
    expect(m.subject).toContain(' · [Practice] ');
    expect(m.text).not.toContain('یادداشت');
    expect(m.text).toContain('- Project P-001: پل (1404 Full year)');
    expect(m.text).toContain(`- پروژه ${FSI}P-001${PDI}: پل (کل سال ۱۴۰۴)`);
    expect(m.text).toContain('Not yet reported for 1404 Full year, 1405 H1 (1 item):');
  });
});

describe('newIdempotencyKey', () => {
  it('makes keys the register accepts, different each time', () => {
    const a = newIdempotencyKey('web');
    const b = newIdempotencyKey('web');
    expect(a).toMatch(IDEMPOTENCY_KEY_PATTERN);
    expect(a.startsWith('web-')).toBe(true);
    expect(a).not.toBe(b);
  });
});
