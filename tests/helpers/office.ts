/**
 * LibreOffice and poppler as the tests use them: whether they are installed, and a document
 * converted to PDF on a fresh profile (the same conversion for the council workbook, the plan
 * book and the bill).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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
