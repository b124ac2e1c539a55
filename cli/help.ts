/**
 * `plan help CODE` and `plan help CONCEPT`: the core's help pages (help/*.md, issue 20) as
 * plain text for a terminal, and `plan help topics`, their list. Command help stays in
 * `command.ts`; `main` tries a command name first, so `plan help portfolio` is still the
 * command's help (the concept pages have names no command has).
 */
import type { HelpBlock, HelpInline, HelpPage, Language } from '#core';
import { helpTopics, ltr } from '#core';
import { textTable } from './format';

/** How a link to another topic reads in a terminal: the command that shows it. */
const helpCommand = (topic: string, lang: Language) =>
  lang === 'fa' ? ltr(`plan help ${topic}`) : `plan help ${topic}`;

/** A figure (or an empty cell): digits of either script, separators, a sign, a percent. */
const NUMBER = /^[-−]?[0-9۰-۹.,٫٬]*[%٪]?$/;

function inline(parts: readonly HelpInline[], lang: Language): string {
  return parts
    .map((p) => {
      switch (p.kind) {
        case 'code':
          return lang === 'fa' ? ltr(p.text) : p.text;
        case 'link':
          return `${p.text} (${helpCommand(p.topic, lang)})`;
        default:
          return p.text;
      }
    })
    .join('');
}

function block(b: HelpBlock, lang: Language): string {
  switch (b.kind) {
    case 'heading': {
      const text = inline(b.content, lang);
      const rule = (b.level === 1 ? '═' : '─').repeat(Math.min(60, [...text].length));
      return `${text}\n${rule}`;
    }
    case 'paragraph':
      return inline(b.content, lang);
    case 'list':
      return b.items.map((i) => `  • ${inline(i, lang)}`).join('\n');
    case 'table': {
      const rows = b.rows.map((r) => r.map((c) => inline(c, lang)));
      // Columns of figures only are right-aligned, as the other commands' tables.
      const right = new Set(
        b.header
          .map((_, i) => i)
          .filter((i) => rows.every((r) => NUMBER.test(r[i] ?? '')) && rows.some((r) => r[i])),
      );
      return textTable(
        b.header.map((h) => inline(h, lang)),
        rows,
        right,
      ).trimEnd();
    }
  }
}

/** A help page as terminal text. */
export function helpPageText(page: HelpPage): string {
  return page.blocks.map((b) => block(b, page.lang)).join('\n\n') + '\n';
}

/** `plan help topics`: every concept, then every finding code, with its title. */
export function helpTopicsText(lang: Language): string {
  const all = helpTopics();
  const rows = (kind: 'concept' | 'code') =>
    all
      .filter((t) => t.kind === kind)
      .map((t) => [lang === 'fa' ? ltr(t.topic) : t.topic, t.title[lang]]);
  const head = lang === 'fa' ? ['موضوع', 'عنوان'] : ['topic', 'title'];
  return (
    (lang === 'fa' ? 'مفهوم‌ها و محاسبه‌ها:\n' : 'Concepts and calculations:\n') +
    textTable(head, rows('concept')) +
    '\n' +
    (lang === 'fa' ? 'کدهای یافته:\n' : 'Finding codes:\n') +
    textTable(head, rows('code')) +
    '\n' +
    (lang === 'fa'
      ? `راهنمای هر موضوع: ${ltr('plan help')} <موضوع>\n`
      : 'Help on a topic: plan help <topic>\n')
  );
}
