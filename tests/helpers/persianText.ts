/**
 * Finds the project's own Persian text in its sources (string and template literals that
 * hold Persian letters, read with the TypeScript parser) and what is wrong with each: a Latin
 * letter or digit outside a placeholder (`${…}`, `{name}`) and outside a left-to-right
 * isolate (the core's `ltr()`, U+2066 … U+2069), or a variant the glossary says to avoid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface PersianTextProblem {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly problem: string;
}

/** Persian or Arabic letters (not the Persian comma or digits alone). */
const PERSIAN = /[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]/;
// `{name}` placeholders, and the codes of Excel's headers and footers (&P page, &N pages).
const PLACEHOLDER = /\{[A-Za-z_][A-Za-z0-9_]*\}|&[PNDTAF]/g;
const ISOLATED = /[\u2066\u2067\u2068][^\u2069]*\u2069/g;
const LATIN = /[A-Za-z0-9]+/;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated' && entry.name !== 'node_modules') sourceFiles(path, out);
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The Latin left in one static part of a Persian text, or null. */
export function latinIn(part: string): string | null {
  const rest = part.replace(PLACEHOLDER, '').replace(ISOLATED, '');
  return LATIN.exec(rest)?.[0] ?? null;
}

/**
 * Every problem in the Persian literals under `dirs` (relative to `root`). `avoid` lists the
 * glossary's refused variants; files matching `skip` are not read.
 */
export function scanPersianText(
  root: string,
  dirs: readonly string[],
  avoid: ReadonlyArray<{ readonly variant: string; readonly use: string }>,
  skip: readonly RegExp[],
): PersianTextProblem[] {
  const problems: PersianTextProblem[] = [];
  for (const dir of dirs) {
    for (const path of sourceFiles(join(root, dir))) {
      const file = relative(root, path).split('\\').join('/');
      if (skip.some((s) => s.test(file))) continue;
      const source = ts.createSourceFile(
        path,
        readFileSync(path, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
      );
      const visit = (node: ts.Node): void => {
        let parts: string[] | null = null;
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
          parts = [node.text];
        else if (ts.isTemplateExpression(node))
          parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
        if (parts && parts.some((p) => PERSIAN.test(p))) {
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          const text = parts.join('${…}');
          const latin = parts.map(latinIn).find((l) => l !== null);
          if (latin) problems.push({ file, line, text, problem: `Latin «${latin}» not isolated` });
          for (const a of avoid)
            if (text.includes(a.variant))
              problems.push({
                file,
                line,
                text,
                problem: `«${a.variant}»: the glossary says «${a.use}»`,
              });
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return problems;
}

/**
 * The lines of a Persian output that still hold Latin outside bidi isolates: a Latin digit,
 * or a word of two letters or more that is not an ID or code (`P-016`, `S2.2`, a finding
 * code such as `FISCAL_DEFICIT`) nor one of `allowed` (words of the plan's own data).
 */
export function latinLeft(output: string, allowed: ReadonlySet<string> = new Set()): string[] {
  const problems: string[] = [];
  for (const line of output.split('\n')) {
    if (!PERSIAN.test(line)) continue;
    const rest = line
      .replace(ISOLATED, '')
      // An ID or code: Latin letters with digits, dots and hyphens (P-016, SRC-OTH, S2.2).
      .replace(/[A-Za-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*/g, (id) => (/[0-9-]/.test(id) ? '' : id));
    const digits = /[0-9]/.test(rest);
    const words = (rest.match(/[A-Za-z_]{2,}/g) ?? []).filter(
      (w) => !/^[A-Z]+(?:_[A-Z]+)+$/.test(w) && !allowed.has(w),
    );
    if (digits || words.length > 0) problems.push(line);
  }
  return problems;
}
