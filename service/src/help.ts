/**
 * The help pages (issue 20) served by the register, with no login: `GET /help` (the list),
 * `GET /help/:topic?lang=fa|en` (a page as HTML, right-to-left in Persian) and the same as
 * JSON at `GET /api/help` and `GET /api/help/:topic`. The texts and their figures are the
 * core's (`helpPage`); this file only writes HTML. An unknown topic is a 404 that says so in
 * both languages and links to the list.
 */
import { Router } from 'express';
import type { Request, Response } from 'express';
import type { HelpBlock, HelpInline, Language } from '#core';
import { HELP_PAGE_PATH, helpPage, helpPageUrl, helpTopics, isLanguage } from '#core';
import { apiError } from './http/errors';

/** Where the pages are (the core's, so the add-in's links to them cannot drift). */
export const HELP_PATH = HELP_PAGE_PATH;

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A typed value inside Persian text, kept in its own direction. */
const isolated = (text: string) => `<bdi>${escape(text)}</bdi>`;

const href = (topic: string, lang: Language) => helpPageUrl('', topic, lang);

function inline(parts: readonly HelpInline[], lang: Language): string {
  return parts
    .map((p) => {
      switch (p.kind) {
        case 'code':
          return `<bdi dir="ltr"><code>${escape(p.text)}</code></bdi>`;
        case 'strong':
          return `<strong>${escape(p.text)}</strong>`;
        case 'link':
          return `<a href="${escape(href(p.topic, lang))}">${escape(p.text)}</a>`;
        default:
          return isolates(escape(p.text));
      }
    })
    .join('');
}

/**
 * A left-to-right isolate of the text (an ID or code a figure names, `ltr()` in the core) as a
 * `<bdi>` that never breaks: a budget code such as 01-01-1-001 would otherwise wrap at a
 * hyphen and read backwards across the two lines of a Persian paragraph.
 */
function isolates(html: string): string {
  return html.replace(/\u2066([^\u2066\u2069]*)\u2069/g, '<bdi dir="ltr" class="id">$1</bdi>');
}

/** A figure (or an empty cell) of a table: aligned as numbers are. */
const NUMBER = /^[-−\u2066\u2069]*[0-9۰-۹.,٫٬]*[%٪]?$/;

function block(b: HelpBlock, lang: Language): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${inline(b.content, lang)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inline(b.content, lang)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${inline(i, lang)}</li>`).join('')}</ul>`;
    case 'table': {
      const numeric = b.header.map(
        (_, i) =>
          b.rows.every((r) => NUMBER.test((r[i] ?? []).map((c) => c.text).join(''))) &&
          b.rows.some((r) => (r[i] ?? []).length > 0),
      );
      // A column of IDs (one word each, with a digit: P-001, SC01) is kept on one line.
      const ids = b.header.map((_, i) =>
        b.rows.every((r) =>
          /^[^\s]*[0-9۰-۹][^\s]*$/u.test((r[i] ?? []).map((c) => c.text).join('')),
        ),
      );
      const cell = (tag: 'th' | 'td', c: HelpInline[], i: number) => {
        const cls = numeric[i] ? 'num' : tag === 'td' && ids[i] ? 'id' : null;
        return `<${tag}${cls === null ? '' : ` class="${cls}"`}>${inline(c, lang)}</${tag}>`;
      };
      return (
        `<table><thead><tr>${b.header.map((h, i) => cell('th', h, i)).join('')}</tr></thead>` +
        `<tbody>${b.rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('')}</tbody></table>`
      );
    }
  }
}

const UI = {
  register: { fa: 'سامانه ثبت برنامه', en: 'Plan Register' },
  help: { fa: 'راهنما', en: 'Help' },
  other: { fa: 'English', en: 'فارسی' },
  all: { fa: 'همه موضوع‌های راهنما', en: 'All help topics' },
  concepts: { fa: 'مفهوم‌ها و محاسبه‌ها', en: 'Concepts and calculations' },
  codes: { fa: 'کدهای یافته', en: 'Finding codes' },
  missingTitle: { fa: 'این موضوع راهنما ندارد', en: 'No such help topic' },
} as const;

/** The page around a body: direction, language, a readable measure, no script. */
function layout(lang: Language, title: string, body: string, path: string): string {
  const other: Language = lang === 'fa' ? 'en' : 'fa';
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · ${UI.help[lang]} · ${UI.register[lang]}</title>
<link rel="icon" href="data:,">
<style>
body { margin: 0; background: #f5f5f5; color: #242424; font: 16px/1.8 ${lang === 'fa' ? '"Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, ' : ''}"Segoe UI", system-ui, sans-serif; }
header { background: #0f6cbd; color: #fff; padding: .6rem 1.5rem; display: flex; justify-content: space-between; align-items: center; }
header a { color: #fff; }
main { max-width: 46rem; margin: 1.5rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
h1 { font-size: 1.5rem; line-height: 1.5; margin-top: 0; }
h2 { font-size: 1.15rem; margin-top: 1.8rem; border-bottom: 1px solid #e0e0e0; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d1d1d1; padding: .3rem .8rem; text-align: start; }
th { background: #f0f0f0; }
/* Figures read left to right in both languages (the minus sign before the digits, as in Excel), aligned on their units. */
td.num { direction: ltr; text-align: right; font-variant-numeric: tabular-nums; }
th.num { text-align: right; }
code { font: .9em/1 ui-monospace, "DejaVu Sans Mono", monospace; background: #f0f0f0; padding: .1em .3em; border-radius: 3px; white-space: nowrap; }
bdi.id, td.id { white-space: nowrap; }
a { color: #0f6cbd; }
nav { margin-top: 2rem; font-size: .9rem; }
</style>
</head>
<body>
<header><span>${UI.register[lang]} · ${UI.help[lang]}</span><a href="${escape(`${path}?lang=${other}`)}" lang="${other}" hreflang="${other}">${UI.other[lang]}</a></header>
<main>
${body}
<nav><a href="${HELP_PATH}?lang=${lang}">${UI.all[lang]}</a></nav>
</main>
</body>
</html>
`;
}

/** The language asked for (`?lang=`, default Persian), or null when it is neither. */
function langOf(req: Request): Language | null {
  const q = req.query.lang;
  if (q === undefined) return 'fa';
  return typeof q === 'string' && isLanguage(q) ? q : null;
}

const badLang = () =>
  apiError(
    'INVALID_REQUEST',
    'زبان باید \u2066fa\u2069 یا \u2066en\u2069 باشد.',
    'lang must be fa or en.',
  );

function indexBody(lang: Language): string {
  const all = helpTopics();
  const list = (kind: 'concept' | 'code') =>
    `<ul>${all
      .filter((t) => t.kind === kind)
      .map(
        (t) =>
          `<li><a href="${escape(href(t.topic, lang))}">${kind === 'code' ? `<bdi dir="ltr"><code>${escape(t.topic)}</code></bdi> · ` : ''}${escape(t.title[lang])}</a></li>`,
      )
      .join('')}</ul>`;
  return `<h1>${UI.help[lang]}</h1><h2>${UI.concepts[lang]}</h2>${list('concept')}<h2>${UI.codes[lang]}</h2>${list('code')}`;
}

/** The HTML pages (`/help`, `/help/:topic`). */
export function helpPages(): Router {
  const router = Router();
  router.get('/', (req: Request, res: Response, next) => {
    const lang = langOf(req);
    if (lang === null) return next(badLang());
    res.type('html').send(layout(lang, UI.help[lang], indexBody(lang), HELP_PATH));
  });
  router.get('/:topic', (req: Request, res: Response, next) => {
    const lang = langOf(req);
    if (lang === null) return next(badLang());
    const topic = String(req.params.topic);
    const page = helpPage(topic, lang);
    const path = `${HELP_PATH}/${encodeURIComponent(topic)}`;
    if (!page) {
      const body =
        `<h1>${UI.missingTitle[lang]}</h1>` +
        `<p>${lang === 'fa' ? `«${isolated(topic)}» نه کد یافته است و نه مفهومی که راهنما دارد.` : `“${escape(topic)}” is neither a finding code nor a concept with a help page.`}</p>` +
        `<p><a href="${HELP_PATH}?lang=${lang}">${UI.all[lang]}</a></p>`;
      res
        .status(404)
        .type('html')
        .send(layout(lang, UI.missingTitle[lang], body, path));
      return;
    }
    const body = page.blocks.map((b) => block(b, lang)).join('\n');
    res.type('html').send(layout(lang, page.title, body, `${HELP_PATH}/${page.topic}`));
  });
  return router;
}

/** The JSON API of the help (`/api/help`, `/api/help/:topic`), public like the pages. */
export function helpApi(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json(helpTopics());
  });
  router.get('/:topic', (req, res, next) => {
    const lang = langOf(req);
    if (lang === null) return next(badLang());
    const topic = String(req.params.topic);
    const page = helpPage(topic, lang);
    if (!page)
      return next(
        apiError(
          'NOT_FOUND',
          `راهنمایی برای «\u2068${topic.slice(0, 64)}\u2069» نیست؛ فهرست موضوع‌ها در \u2066/api/help\u2069 است.`,
          `There is no help on "${topic.slice(0, 64)}"; the topics are listed at /api/help.`,
        ),
      );
    res.json({
      topic: page.topic,
      kind: page.kind,
      lang: page.lang,
      title: page.title,
      markdown: page.markdown,
    });
  });
  return router;
}
