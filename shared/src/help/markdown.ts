/**
 * The small Markdown of the help pages, parsed once here so that the command line (plain text
 * for a terminal) and the register (HTML) show the same page: headings (`#`, `##`),
 * paragraphs, lists (`- `), tables (`| a | b |`), and inline `code`, **bold** and links to
 * other help topics (`[text](TOPIC)`). Nothing else is needed by the pages, and nothing else
 * is recognised (a page that used more would show its marks as text, and a test would see it).
 */

/** A piece of a line. */
export type HelpInline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly topic: string };

/** A block of a page. */
export type HelpBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly content: HelpInline[] }
  | { readonly kind: 'paragraph'; readonly content: HelpInline[] }
  | { readonly kind: 'list'; readonly items: HelpInline[][] }
  | { readonly kind: 'table'; readonly header: HelpInline[][]; readonly rows: HelpInline[][][] };

const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** The inline pieces of one line of text. */
export function parseHelpInline(text: string): HelpInline[] {
  const out: HelpInline[] = [];
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > at) out.push({ kind: 'text', text: text.slice(at, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'strong', text: m[2] });
    else out.push({ kind: 'link', text: m[3] ?? '', topic: m[4] ?? '' });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => parseHelpInline(c.trim()));

/** The blocks of a page. */
export function parseHelpMarkdown(source: string): HelpBlock[] {
  const blocks: HelpBlock[] = [];
  const lines = source.split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = (lines[i] ?? '').trimEnd();
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = /^(#{1,2})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({
        kind: 'heading',
        level: heading[1] === '#' ? 1 : 2,
        content: parseHelpInline(heading[2] ?? ''),
      });
      i++;
      continue;
    }
    if (line.startsWith('|')) {
      const table: string[] = [];
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|'))
        table.push((lines[i++] ?? '').trim());
      const [head = '', , ...body] = table;
      blocks.push({ kind: 'table', header: cells(head), rows: body.map(cells) });
      continue;
    }
    if (line.startsWith('- ')) {
      const items: HelpInline[][] = [];
      while (i < lines.length && (lines[i] ?? '').startsWith('- '))
        items.push(parseHelpInline((lines[i++] ?? '').slice(2).trim()));
      blocks.push({ kind: 'list', items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const l = (lines[i] ?? '').trimEnd();
      if (l.trim() === '' || /^(#{1,2}\s|\||- )/.test(l)) break;
      para.push(l.trim());
      i++;
    }
    blocks.push({ kind: 'paragraph', content: parseHelpInline(para.join(' ')) });
  }
  return blocks;
}

/** The placeholders (`{{name}}`) of a text, in order. */
export function helpPlaceholders(source: string): string[] {
  return [...source.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '');
}
