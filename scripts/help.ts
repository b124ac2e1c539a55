/**
 * Writes shared/src/help/generated/texts.ts from the help pages in help/ (Markdown, the one
 * source): each concept page `help/<lang>/<concept>.md`, and the codes from
 * `help/<lang>/codes.md`, one `## CODE` section each.
 *
 *   npm run docs:help
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHelpModule } from './help-module';

writeFileSync(
  join(__dirname, '..', 'shared', 'src', 'help', 'generated', 'texts.ts'),
  renderHelpModule(join(__dirname, '..', 'help')),
);
