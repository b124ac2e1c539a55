/**
 * Help where the question arises (issue 20): one page per finding code and per concept, in
 * Persian and English, from the Markdown in help/; every figure of a worked example filled
 * from the sample city; every link resolving; the Persian of the pages as Persian as the
 * project's other Persian text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  GLOSSARY,
  HELP_CODES,
  HELP_CONCEPTS,
  READER_CODES,
  VALIDATION_CODES,
  findHelpTopic,
  helpPage,
  helpSource,
  helpTopics,
  helpValues,
  unresolvedHelpPlaceholders,
} from '#core';
import type { HelpBlock, HelpInline } from '#core';
import { renderHelpModule, splitCodes } from '../../scripts/help-module';

const root = join(__dirname, '..', '..');
const dir = join(root, 'help');
const LANGS = ['fa', 'en'] as const;
const topics = [...HELP_CONCEPTS, ...Object.keys(HELP_CODES)];
const kindOf = (t: string) =>
  (HELP_CONCEPTS as readonly string[]).includes(t) ? ('concept' as const) : ('code' as const);

const inlines = (b: HelpBlock): HelpInline[] =>
  b.kind === 'list'
    ? b.items.flat()
    : b.kind === 'table'
      ? [...b.header.flat(), ...b.rows.flat(2)]
      : b.content;

describe('the help texts', () => {
  it('are the module npm run docs:help writes from help/', () => {
    expect(readFileSync(join(root, 'shared', 'src', 'help', 'generated', 'texts.ts'), 'utf8')).toBe(
      renderHelpModule(dir),
    );
  });

  it.each(LANGS)(
    '%s: one entry for every finding code, and none for a code that is not',
    (lang) => {
      const codes = splitCodes(readFileSync(join(dir, lang, 'codes.md'), 'utf8'));
      const all = [...Object.keys(VALIDATION_CODES), ...Object.keys(READER_CODES)];
      expect(Object.keys(codes).sort()).toEqual([...new Set(all)].sort());
      for (const [code, text] of Object.entries(codes))
        expect([code, text.length > 20]).toEqual([code, true]);
    },
  );

  it.each(LANGS)('%s: one page for every concept, and no page that is not listed', (lang) => {
    const files = readdirSync(join(dir, lang)).filter((f) => f !== 'codes.md');
    expect(files.sort()).toEqual(HELP_CONCEPTS.map((c) => `${c}.md`).sort());
  });

  it('fill every figure of every page from the sample city', () => {
    const unresolved = LANGS.flatMap((lang) =>
      topics.flatMap((t) =>
        unresolvedHelpPlaceholders(helpSource(t, kindOf(t), lang) ?? '').map(
          (p) => `${lang}/${t}: ${p}`,
        ),
      ),
    );
    expect(unresolved).toEqual([]);
    for (const lang of LANGS)
      for (const t of topics) expect(helpPage(t, lang)?.markdown).not.toMatch(/\{\{/);
  });

  it('link only to topics that have a page', () => {
    const broken: string[] = [];
    for (const lang of LANGS)
      for (const t of topics)
        for (const b of helpPage(t, lang)?.blocks ?? [])
          for (const i of inlines(b))
            if (i.kind === 'link' && findHelpTopic(i.topic) === null)
              broken.push(`${lang}/${t} → ${i.topic}`);
    expect(broken).toEqual([]);
  });

  it('find a topic as typed, in any case; nothing for an unknown one', () => {
    expect(findHelpTopic('swot_weights_sum')).toEqual({ topic: 'SWOT_WEIGHTS_SUM', kind: 'code' });
    expect(findHelpTopic('AHP')).toEqual({ topic: 'ahp', kind: 'concept' });
    expect(findHelpTopic('NO_SUCH_CODE')).toBeNull();
    expect(helpPage('NO_SUCH_CODE', 'fa')).toBeNull();
    expect(helpTopics()).toHaveLength(HELP_CONCEPTS.length + Object.keys(HELP_CODES).length);
  });

  it('give a code page its title and severity from the catalogue', () => {
    const page = helpPage('DUPLICATE_ID', 'en');
    expect(page?.title).toBe('DUPLICATE_ID · Duplicate ID');
    expect(page?.markdown).toContain('Severity: error');
    expect(helpPage('DUPLICATE_ID', 'fa')?.markdown).toContain('شدت: خطا');
  });
});

describe('the worked examples', () => {
  const v = helpValues();
  const en = (k: string) => v.get(k)?.en;

  it('the plan chain: the sample’s counts, and P-001 followed up to its goal', () => {
    // Counted by hand in shared/src/sample/content.ts: 6 goals, 15 strategies (13 led, 2
    // facilitated: S2-3 and S6-2), 25 programs, 20 schemes, 40 projects, 60 activities.
    expect(
      ['goals', 'strategies', 'programs', 'schemes', 'projects', 'activities'].map((k) =>
        en(`chain.${k}`),
      ),
    ).toEqual(['6', '15', '25', '20', '40', '60']);
    expect([en('chain.role.lead'), en('chain.role.facilitator')]).toEqual(['13', '2']);
    // P-001 (a neighbourhood park, scheme SC01, program PG01): 360,818 + 573,300 million
    // Rials in 1405 and 1406 = 934,118 million ≈ 934 billion.
    expect([en('chain.project.id'), en('chain.scheme.id'), en('chain.program.id')]).toEqual([
      'P-001',
      'SC01',
      'PG01',
    ]);
    expect(en('chain.project.years')).toBe('1405 and 1406');
    expect(en('chain.project.cost')).toBe('934');
    expect(v.get('chain.project.cost')?.fa).toBe('۹۳۴');
  });

  it('KPI progress: K12 of the sample, hand-worked', () => {
    // Sample K12 (landfilled waste, to decrease): baseline 520, target 1405 500, actual 502
    // (shared/src/sample/content.ts); progress = (502 − 520) / (500 − 520) = 18 / 20 = 90%,
    // on track from 90%.
    expect([en('kpi.id'), en('kpi.baseline'), en('kpi.target'), en('kpi.actual')]).toEqual([
      'K12',
      '520',
      '500',
      '502',
    ]);
    expect(en('kpi.progress')).toBe('90.0%');
    expect(en('kpi.status')).toBe('On track');
  });

  it('the fiscal gap is the revenue less the spending, and the three balances add up to it', () => {
    const n = (k: string) => Number((en(k) ?? '').replace(/,/g, ''));
    // Rounded to whole billions, so a sum may differ by the rounding of its parts (±1 each).
    expect(Math.abs(n('fiscal.revenue') - n('fiscal.total') - n('fiscal.gap'))).toBeLessThanOrEqual(
      2,
    );
    expect(
      Math.abs(
        n('heads.operating') +
          n('heads.capitalBalance') +
          n('heads.financialBalance') -
          n('heads.gap'),
      ),
    ).toBeLessThanOrEqual(3);
    expect(n('heads.gap')).toBe(n('fiscal.gap'));
  });

  it('AHP: CR = CI / RI, and RI is Saaty’s 1.12 for five criteria', () => {
    // Saaty (1980), random index table: RI(5) = 1.12.
    expect(en('ahp.ri')).toBe('1.12');
    const ci = Number(en('ahp.ci'));
    expect(Number(en('ahp.cr'))).toBeCloseTo(ci / 1.12, 3);
  });

  it('SWOT: each total is the sum of its two sides', () => {
    const n = (k: string) => Number(en(k));
    expect(n('swot.S') + n('swot.W')).toBeCloseTo(n('swot.ife'), 2);
    expect(n('swot.O') + n('swot.T')).toBeCloseTo(n('swot.efe'), 2);
  });
});

describe('the Persian help pages', () => {
  const PERSIAN = /[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]/;
  const avoid = GLOSSARY.flatMap((e) =>
    'avoid' in e && e.avoid ? e.avoid.map((variant) => ({ variant, use: e.fa })) : [],
  );
  const files = readdirSync(join(dir, 'fa')).map((f) => join(dir, 'fa', f));

  it('hold no Latin letter or digit outside `code`, {{figures}} and link targets', () => {
    const problems: string[] = [];
    for (const file of files)
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!PERSIAN.test(line)) return;
          const rest = line
            .replace(/`[^`]*`/g, '')
            .replace(/\{\{[^}]*\}\}/g, '')
            .replace(/\]\([^)]*\)/g, ']');
          const latin = /[A-Za-z0-9]+/.exec(rest);
          if (latin) problems.push(`${file.slice(root.length + 1)}:${i + 1}: «${latin[0]}»`);
        });
    expect(problems).toEqual([]);
  });

  it('use the glossary’s terms, not the variants it refuses', () => {
    const problems: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const a of avoid)
        if (text.includes(a.variant)) problems.push(`${file}: «${a.variant}» → «${a.use}»`);
    }
    expect(problems).toEqual([]);
  });

  it('the figures filled into Persian pages are in Persian digits', () => {
    const page = helpPage('swot', 'fa')?.markdown ?? '';
    expect(page).not.toMatch(/[0-9]/);
  });
});
