/**
 * Redraws the add-in's icons into `addin/public/assets` (see `addin/build/icons.ts`).
 * Usage: `node --import tsx scripts/addin-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allIcons } from '../addin/build/icons';

const dir = join(__dirname, '..', 'addin', 'public', 'assets');
mkdirSync(dir, { recursive: true });
for (const { file, png } of allIcons()) writeFileSync(join(dir, file), png);
console.log(`icons written to addin/public/assets`);
