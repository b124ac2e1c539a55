/**
 * Persian that is Persian (issue 11): the project's own Persian strings (messages, captions,
 * enum captions, help) hold no Latin letter or digit except IDs and codes isolated for bidi
 * with the core's `ltr()`, and use the glossary's terms, not the variants it refuses.
 */
import { join } from 'node:path';
import { GLOSSARY, ltr, makeFinding, persianNumerals, renderGlossaryMarkdown } from '#core';
import { readFileSync } from 'node:fs';
import { latinIn, scanPersianText } from '../helpers/persianText';

const root = join(__dirname, '..', '..');
const avoid = GLOSSARY.flatMap((e) =>
  'avoid' in e && e.avoid ? e.avoid.map((variant) => ({ variant, use: e.fa })) : [],
);
/**
 * Not the project's own text: the sample city's plan is a municipality's data (its staff
 * write `BRT` and `GIS` in project titles as they do in real plans), and the glossary names
 * the variants it refuses.
 */
const SKIP = [
  /^shared\/src\/sample\/content\.ts$/,
  /^shared\/src\/glossary\/index\.ts$/,
  // The glossary document's headings are bilingual by design (English · Persian).
  /^shared\/src\/glossary\/markdown\.ts$/,
];

describe('the Persian text scanner', () => {
  it('finds Latin outside placeholders and isolates, and nothing inside them', () => {
    expect(latinIn('سناریوی Scenario')).toBe('Scenario');
    expect(latinIn('سال 1405')).toBe('1405');
    expect(latinIn('سال ۱۴۰۵ و {n} پروژه')).toBeNull();
    expect(latinIn(`جدول ${ltr('tblProjects')} خالی است`)).toBeNull();
  });
});

describe('persianNumerals: the numbers of Persian text in Persian digits', () => {
  // Hand-worked: each digit 0–9 maps to U+06F0–U+06F9; '.' between digits is the Persian
  // decimal separator U+066B and ',' the thousands separator U+066C.
  it.each([
    ['سال 1405', 'سال ۱۴۰۵'],
    ['نسبت 0.25 است.', 'نسبت ۰\u066b۲۵ است.'],
    ['1,500 ریال', '۱\u066c۵۰۰ ریال'],
    ['سال 1405.', 'سال ۱۴۰۵.'],
    ['چندک P90 و Q1', 'چندک P90 و Q1'],
    ['شناسه P-014 در 1406', 'شناسه P-014 در ۱۴۰۶'],
    ['مانده -500 ریال', 'مانده -۵۰۰ ریال'],
    [`${ltr('tbl2')} و \u2068پروژه 12\u2069 در 7`, `${ltr('tbl2')} و \u2068پروژه 12\u2069 در ۷`],
  ])('%s', (input, expected) => {
    expect(persianNumerals(input)).toBe(expected);
  });

  it('is applied to the Persian message of every finding, never to the English one', () => {
    const f = makeFinding('error', 'X', {}, { fa: 'سال 1405', en: 'year 1405' });
    expect(f.message).toEqual({ fa: 'سال ۱۴۰۵', en: 'year 1405' });
  });
});

describe('Persian strings of the project', () => {
  it('hold no Latin letter or digit outside an isolate, and no term the glossary refuses', () => {
    const problems = scanPersianText(
      root,
      ['shared/src', 'io', 'cli', 'service/src', 'addin/src', 'web/src'],
      avoid,
      SKIP,
    );
    expect(
      problems.map((p) => `${p.file}:${p.line}: ${p.problem}: ${p.text.slice(0, 100)}`),
    ).toEqual([]);
  });
});

describe('the glossary', () => {
  it('has one entry per key and per Persian and English term', () => {
    for (const field of ['key', 'fa', 'en'] as const) {
      const seen = GLOSSARY.map((e) => e[field]);
      expect(seen.filter((v, i) => seen.indexOf(v) !== i)).toEqual([]);
    }
  });

  it('never lists as a variant to avoid a term it uses', () => {
    const used = new Set(GLOSSARY.map((e) => e.fa));
    expect(avoid.filter((a) => used.has(a.variant))).toEqual([]);
  });

  it('is the source of docs/glossary.md (npm run docs:glossary)', () => {
    expect(readFileSync(join(root, 'docs', 'glossary.md'), 'utf8')).toBe(renderGlossaryMarkdown());
  });
});
