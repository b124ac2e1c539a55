/**
 * `docs/glossary.md`, rendered from the glossary and the contract's and the workflow's
 * vocabularies, so the document cannot drift from the terms the software uses.
 */
import * as enums from '../contract/enums';
import type { EnumValue } from '../contract/enums';
import {
  ACTION_CAPTIONS,
  ROLE_CAPTIONS,
  STATUS_CAPTIONS,
  ROLES,
  SUBMISSION_STATUSES,
  WORKFLOW_ACTIONS,
} from '../contract/workflow';
import type { Bilingual } from '../findings';
import { GLOSSARY, GLOSSARY_SECTIONS } from './index';

/** The vocabularies of the contract and the workflow that the document lists, in order. */
const VOCABULARIES: ReadonlyArray<{ title: Bilingual; values: ReadonlyArray<EnumValue> }> = [
  {
    title: { fa: 'نقش‌ها', en: 'Roles' },
    values: ROLES.map((r) => ({ value: r, ...ROLE_CAPTIONS[r] })),
  },
  {
    title: { fa: 'وضعیت برنامه واحد', en: 'Submission statuses' },
    values: SUBMISSION_STATUSES.map((s) => ({ value: s, ...STATUS_CAPTIONS[s] })),
  },
  {
    title: { fa: 'کارهای گردش کار', en: 'Workflow actions' },
    values: WORKFLOW_ACTIONS.map((a) => ({ value: a, ...ACTION_CAPTIONS[a] })),
  },
  { title: { fa: 'نوع کارپوشه', en: 'Workbook kinds' }, values: enums.WORKBOOK_KINDS },
  { title: { fa: 'نوع واحد', en: 'Department kinds' }, values: enums.DEPARTMENT_KINDS },
  { title: { fa: 'سطح سند', en: 'Document levels' }, values: enums.DOC_LEVELS },
  { title: { fa: 'نوع سند', en: 'Document types' }, values: enums.DOC_TYPES },
  { title: { fa: 'عوامل محیطی', en: 'SWOT kinds' }, values: enums.SWOT_KINDS },
  { title: { fa: 'نوع راهبرد', en: 'Strategy types' }, values: enums.SWOT_TYPES },
  { title: { fa: 'منظر', en: 'Perspectives' }, values: enums.PERSPECTIVES },
  { title: { fa: 'نقش شهرداری', en: "Municipality's roles" }, values: enums.MUNICIPAL_ROLES },
  { title: { fa: 'طبقه درآمد', en: 'Revenue classes' }, values: enums.REVENUE_CLASSES },
  { title: { fa: 'روش پیش‌بینی درآمد', en: 'Forecast methods' }, values: enums.REVENUE_METHODS },
  { title: { fa: 'وضعیت پروژه', en: 'Project statuses' }, values: enums.PROJECT_STATUSES },
  { title: { fa: 'نوع فعالیت', en: 'Activity kinds' }, values: enums.ACTIVITY_KINDS },
  { title: { fa: 'جهت معیار', en: 'Criterion directions' }, values: enums.CRITERION_DIRECTIONS },
  { title: { fa: 'سطح شاخص', en: 'KPI levels' }, values: enums.KPI_LEVELS },
  { title: { fa: 'جهت شاخص', en: 'KPI directions' }, values: enums.KPI_DIRECTIONS },
  { title: { fa: 'دوره سنجش', en: 'KPI frequencies' }, values: enums.KPI_FREQUENCIES },
  { title: { fa: 'نوع ردیف بودجه', en: 'Budget kinds' }, values: enums.BUDGET_KINDS },
  { title: { fa: 'دوره', en: 'Periods' }, values: enums.PERIODS },
  { title: { fa: 'نوع ذی‌نفع', en: 'Stakeholder types' }, values: enums.STAKEHOLDER_TYPES },
  { title: { fa: 'یکای مبلغ', en: 'Units' }, values: enums.UNITS },
];

/** A table cell: pipes escaped, never empty. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|') || ' ';
}

/** The whole of `docs/glossary.md`. */
export function renderGlossaryMarkdown(): string {
  const out: string[] = [
    '# Glossary · واژه‌نامه',
    '',
    '<!-- Generated from shared/src/glossary by `npm run docs:glossary`; do not edit by hand. -->',
    '',
    'The Persian and English term of each word of the plan, as the pane, the `plan` command,',
    'the register and the documents use it. A Persian variant listed under *avoid* is refused',
    "in the project's own text by a test, so that one thing keeps one name everywhere. The",
    'second part lists the values of the enumerated columns and of the workflow, with the',
    'stable key that is stored and what a reader accepts in either language.',
    '',
  ];
  for (const section of GLOSSARY_SECTIONS) {
    out.push(`## ${section.title.en} · ${section.title.fa}`, '');
    out.push('| English | فارسی | meaning | معنا | avoid |', '|---|---|---|---|---|');
    for (const e of GLOSSARY.filter((g) => g.section === section.key)) {
      const avoid = 'avoid' in e && e.avoid ? e.avoid.join('، ') : '';
      out.push(
        `| ${cell(e.en)} | ${cell(e.fa)} | ${cell(e.definition.en)} | ${cell(e.definition.fa)} | ${cell(avoid)} |`,
      );
    }
    out.push('');
  }
  out.push('## Vocabularies · فهرست مقادیر', '');
  for (const vocabulary of VOCABULARIES) {
    out.push(`### ${vocabulary.title.en} · ${vocabulary.title.fa}`, '');
    out.push('| key | English | فارسی |', '|---|---|---|');
    for (const v of vocabulary.values)
      out.push(`| \`${v.value}\` | ${cell(v.en)} | ${cell(v.fa)} |`);
    out.push('');
  }
  return out.join('\n');
}
