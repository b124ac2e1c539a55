/**
 * Writes the add-in manifest for a base URL, and records a new manifest version when the
 * custom functions metadata has changed.
 *
 *   node --import tsx scripts/addin-manifest.ts                         # manifest.xml for https://localhost:3000/addin/
 *   node --import tsx scripts/addin-manifest.ts --base-url https://plan.example.ir/addin/ --out dist/manifest.xml
 *   node --import tsx scripts/addin-manifest.ts --release "PLAN.FISCAL_GAP added"   # new version, then manifest.xml
 *
 * `--release` appends to addin/manifest-versions.json a version one step above the last
 * (third number +1, or `--version`) with the hash of the current functions.json; Office
 * refetches functions.json only when the manifest version changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { ManifestHistory } from '../addin/build/manifest';
import {
  DEFAULT_BASE_URL,
  compareVersions,
  currentRelease,
  metadataHash,
  renderManifest,
} from '../addin/build/manifest';
import { generateMetadata } from '../addin/build/metadata';

const repo = join(__dirname, '..');
const historyFile = join(repo, 'addin', 'manifest-versions.json');

/** The version after `version`: its third number plus one, the fourth reset. */
function nextVersion(version: string): string {
  const parts = version.split('.').map(Number);
  while (parts.length < 4) parts.push(0);
  parts[2] = (parts[2] ?? 0) + 1;
  parts[3] = 0;
  return parts.join('.');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string', default: process.env.ADDIN_BASE_URL ?? DEFAULT_BASE_URL },
      out: { type: 'string', default: join(repo, 'manifest.xml') },
      release: { type: 'string' },
      version: { type: 'string' },
    },
  });
  const history = JSON.parse(readFileSync(historyFile, 'utf8')) as ManifestHistory;
  if (values.release !== undefined) {
    const { en, fa } = await generateMetadata(
      join(repo, 'addin', 'src', 'functions', 'functions.ts'),
    );
    const last = history.releases.at(-1);
    const version = values.version ?? (last ? nextVersion(last.version) : '1.0.0.0');
    if (last && compareVersions(version, last.version) <= 0)
      throw new Error(`version ${version} is not above ${last.version}`);
    history.releases.push({ version, metadataSha256: metadataHash(en, fa), note: values.release });
    writeFileSync(historyFile, `${JSON.stringify(history, null, 2)}\n`);
    console.log(`manifest version ${version} recorded`);
  }
  const template = readFileSync(join(repo, 'addin', 'manifest.template.xml'), 'utf8');
  const xml = renderManifest(template, values['base-url'], currentRelease(history).version);
  writeFileSync(values.out, xml);
  console.log(`${relative(process.cwd(), values.out)} written for ${values['base-url']}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
