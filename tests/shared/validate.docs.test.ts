/**
 * docs/validation.md documents every finding code with the severity the code
 * carries, and nothing else: the catalogue and the document stay equal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { READER_CODES, VALIDATION_CODES } from '#core';

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'validation.md'), 'utf8');
const documented = new Map(
  [...doc.matchAll(/^\| `([A-Z_]+)` \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]),
);

describe('docs/validation.md', () => {
  it('lists every validation and reader code with its severity', () => {
    const catalogue = { ...VALIDATION_CODES, ...READER_CODES };
    const expected = Object.entries(catalogue).map(([code, info]) => [code, info.severity]);
    expect([...documented].sort()).toEqual(expected.sort());
  });

  it('gives every code a Persian message example', () => {
    const rows = doc.split('\n').filter((l) => /^\| `[A-Z_]+` \|/.test(l));
    for (const row of rows) expect(row).toMatch(/[\u0600-\u06ff]/);
  });
});
