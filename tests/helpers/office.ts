/**
 * LibreOffice and poppler as the tests use them: whether they are installed, and a document
 * converted to PDF on a fresh profile (the same conversion for the council workbook, the plan
 * book and the bill).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const has = (tool: string, arg: string) =>
  spawnSync(tool, [arg], { encoding: 'utf8' }).status === 0;

/** True when `soffice` and `pdfinfo` can run here. */
export const officeTools = (): boolean => has('soffice', '--version') && has('pdfinfo', '-v');

/**
 * Writes `bytes` as `dir/name.ext`, converts it to PDF with LibreOffice (a profile under
 * `dir`, so no user's settings leak in) and returns the PDF's path.
 */
export function officeToPdf(dir: string, name: string, ext: string, bytes: Uint8Array): string {
  const source = join(dir, `${name}.${ext}`);
  writeFileSync(source, bytes);
  const profile = pathToFileURL(join(dir, 'profile')).href;
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      join(dir, 'out'),
      source,
    ],
    { stdio: 'ignore', timeout: 240_000 },
  );
  return join(dir, 'out', `${name}.pdf`);
}

/** The number of pages of a PDF (poppler's `pdfinfo`). */
export const pdfPages = (pdf: string): number =>
  Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);

/** The text of one page of a PDF (poppler's `pdftotext`). */
export const pdfPageText = (pdf: string, page: number): string =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
  });

/** One page of a PDF as `<dir>/<name>.png` at 70 dpi, for a person to look at (`pdftoppm`). */
export function pdfPageToPng(pdf: string, page: number, dir: string, name: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', [
    '-r',
    '70',
    '-f',
    String(page),
    '-l',
    String(page),
    '-png',
    '-singlefile',
    pdf,
    join(dir, name),
  ]);
}
