/**
 * Help where the question arises (issue 20): a short page, in Persian and English, for every
 * finding code and for every calculation a municipal user meets, each concept with a worked
 * example from the sample city. The texts are Markdown in the repository's `help/` folder
 * (`help/fa/*.md`, `help/en/*.md`; the codes in `codes.md`, one `## CODE` section each), the
 * one source; `npm run docs:help` turns them into `generated/texts.ts` so that this core,
 * which does no I/O, holds them, and the command line, the register and the add-in take them
 * from here. A test keeps the module equal to the folder. Figures in a page are placeholders
 * (`{{swot.ife}}`) filled from the sample plan by the core's own calculations (`values.ts`).
 */
import type { Language } from '../contract/enums';
import type { Bilingual, Severity } from '../findings';
import { READER_CODES, VALIDATION_CODES } from '../validate/codes';
import { HELP_TEXTS } from './generated/texts';
import type { HelpBlock } from './markdown';
import { helpPlaceholders, parseHelpMarkdown } from './markdown';
import { helpValues } from './values';

export * from './markdown';
export { helpValues } from './values';
export type { HelpValues } from './values';

/** The concept pages, in the order an index lists them (each is `help/<lang>/<key>.md`). */
export const HELP_CONCEPTS = [
  'plan-chain',
  'swot',
  'ahp',
  'priority-score',
  'capital-portfolio',
  'revenue-forecast',
  'fiscal-gap',
  'balances',
  'budget-stages',
  'kpi-progress',
  'earned-value',
  'budget-execution',
] as const;

export type HelpConcept = (typeof HELP_CONCEPTS)[number];

/** Every finding code with a help page: validation's and the reader's. */
export const HELP_CODES: Readonly<Record<string, { readonly severity: Severity } & Bilingual>> = {
  ...VALIDATION_CODES,
  ...READER_CODES,
};

/** Where the register serves the help pages (`/help/:topic?lang=fa|en`). */
export const HELP_PAGE_PATH = '/help';

/**
 * The address of a topic's help page on a register (`origin`: its address, as the pane and
 * the CLI keep it, with or without a trailing slash).
 */
export function helpPageUrl(origin: string, topic: string, lang: Language): string {
  return `${origin.replace(/\/+$/, '')}${HELP_PAGE_PATH}/${encodeURIComponent(topic)}?lang=${lang}`;
}

/** What a topic is: a finding code or a concept. */
export type HelpTopicKind = 'code' | 'concept';

/** One help page, ready to show. */
export interface HelpPage {
  /** The topic as the page's address names it: the code (`SWOT_WEIGHTS_SUM`) or concept key (`ahp`). */
  readonly topic: string;
  readonly kind: HelpTopicKind;
  readonly lang: Language;
  /** The page's title (its first heading, without marks). */
  readonly title: string;
  /** The page's Markdown with every figure filled in. */
  readonly markdown: string;
  readonly blocks: HelpBlock[];
}

/**
 * The topic a user typed, as the pages name it: a code in upper case (`duplicate_id` is
 * `DUPLICATE_ID`), a concept in lower case; null when there is no such page.
 */
export function findHelpTopic(typed: string): { topic: string; kind: HelpTopicKind } | null {
  const t = typed.trim();
  const upper = t.toUpperCase();
  if (Object.hasOwn(HELP_CODES, upper)) return { topic: upper, kind: 'code' };
  const lower = t.toLowerCase();
  if ((HELP_CONCEPTS as readonly string[]).includes(lower))
    return { topic: lower, kind: 'concept' };
  return null;
}

/** Fills `{{name}}` from the worked examples' figures; unknown names are left as they are. */
export function fillHelpPlaceholders(source: string, lang: Language): string {
  const values = helpValues();
  return source.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (all, name: string) => {
    const v = values.get(name);
    return v === undefined ? all : v[lang];
  });
}

/** Placeholders of a page's source that no figure fills (a test keeps this empty). */
export function unresolvedHelpPlaceholders(source: string): string[] {
  const values = helpValues();
  return helpPlaceholders(source).filter((name) => !values.has(name));
}

const SEVERITY_LINE: Record<Severity, Bilingual> = {
  error: {
    fa: '**شدت: خطا.** تا رفع نشود، کارپوشه به سامانه ثبت برنامه فرستاده نمی‌شود.',
    en: '**Severity: error.** The workbook cannot be pushed to the Plan Register until it is fixed.',
  },
  warning: {
    fa: '**شدت: هشدار.** فرستادن را متوقف نمی‌کند، ولی آن را بازبینی کنید.',
    en: '**Severity: warning.** It does not stop a push, but review it.',
  },
};

/** The Markdown source of a topic in a language, before its figures are filled. */
export function helpSource(topic: string, kind: HelpTopicKind, lang: Language): string | null {
  const texts = HELP_TEXTS[lang];
  if (kind === 'concept') return texts.concepts[topic] ?? null;
  const info = HELP_CODES[topic];
  const body = texts.codes[topic];
  if (!info || body === undefined) return null;
  return `# \`${topic}\` · ${info[lang]}\n\n${SEVERITY_LINE[info.severity][lang]}\n\n${body}\n`;
}

const plainText = (blocks: HelpBlock[]): string => {
  const first = blocks.find((b) => b.kind === 'heading');
  return first && first.kind === 'heading' ? first.content.map((c) => c.text).join('') : '';
};

/** The page of a topic (a code or a concept, as typed), or null when there is none. */
export function helpPage(typed: string, lang: Language): HelpPage | null {
  const found = findHelpTopic(typed);
  if (!found) return null;
  const source = helpSource(found.topic, found.kind, lang);
  if (source === null) return null;
  const markdown = fillHelpPlaceholders(source, lang);
  const blocks = parseHelpMarkdown(markdown);
  return { ...found, lang, title: plainText(blocks), markdown, blocks };
}

/** Every topic with a page: the concepts in order, then the codes in catalogue order. */
export function helpTopics(): Array<{ topic: string; kind: HelpTopicKind; title: Bilingual }> {
  const title = (topic: string): Bilingual => ({
    fa: helpPage(topic, 'fa')?.title ?? topic,
    en: helpPage(topic, 'en')?.title ?? topic,
  });
  return [
    ...HELP_CONCEPTS.map((c) => ({
      topic: c,
      kind: 'concept' as const,
      title: title(c),
    })),
    ...Object.keys(HELP_CODES).map((c) => ({
      topic: c,
      kind: 'code' as const,
      title: { fa: HELP_CODES[c]?.fa ?? c, en: HELP_CODES[c]?.en ?? c },
    })),
  ];
}
