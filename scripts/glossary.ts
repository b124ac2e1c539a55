/**
 * Writes docs/glossary.md from the core's glossary (shared/src/glossary).
 *
 *   npm run docs:glossary
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderGlossaryMarkdown } from '#core';

writeFileSync(join(__dirname, '..', 'docs', 'glossary.md'), renderGlossaryMarkdown());
