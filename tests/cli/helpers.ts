/** Runs the `plan` command in process, with captured output, in a scratch folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';

/** What a run of `plan` produced. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `plan ...argv` with `cwd` as its working directory. */
export async function plan(cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

/** A scratch folder for a test file, removed afterwards. */
export function scratch(): { dir: () => string } {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir: () => dir };
}

/** Folder of the committed fixtures. */
export const FIXTURES = join(__dirname, '..', 'fixtures');
