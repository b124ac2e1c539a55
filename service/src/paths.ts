/**
 * Where the project's files are, whether the service runs from its sources
 * (`service/src`, with tsx) or compiled (`dist/service/src`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let root: string | null = null;

/** The project's root folder: the nearest folder above this file whose package.json is ours. */
export function projectRoot(): string {
  if (root !== null) return root;
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if (
          (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'plan-register'
        )
          return (root = dir);
      } catch {
        // Not a readable package.json: keep looking upwards.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the plan-register project folder');
    dir = parent;
  }
}
