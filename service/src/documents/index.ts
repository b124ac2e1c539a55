/**
 * The documents the council reads, from the register: the plan book and the council bill of
 * a cycle, made from its consolidation by the documents module the CLI uses too
 * (`io/documents`). Until adopted snapshots exist every consolidation is a plan not adopted,
 * so every document made now is a draft (`adopted: null`). The council's resolutions come
 * from the same facts the consolidation's cover lists (`coverFacts`).
 */
import { councilBillDocx, planBookDocx } from '../../../io';
import { consolidate } from '../consolidate';
import { coverFacts } from '../consolidate/document';
import type { AppDeps } from '../handlers/context';

/** The media type of a `.docx` (ECMA-376, registered with IANA). */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The documents the register makes, by the last segment of their path. */
export const DOCUMENTS = {
  'plan-book': planBookDocx,
  'council-bill': councilBillDocx,
} as const;
export type DocumentName = keyof typeof DOCUMENTS;

/** A document of a cycle's consolidated plan, as `.docx` bytes. */
export async function cycleDocument(
  deps: AppDeps,
  tenantId: string,
  cycleId: string,
  name: DocumentName,
  printedOn: Date = new Date(),
): Promise<Uint8Array> {
  const [report, facts] = await Promise.all([
    consolidate(deps, tenantId, cycleId),
    coverFacts(deps, tenantId, cycleId, printedOn),
  ]);
  return DOCUMENTS[name](report, {
    municipality: facts.municipality,
    printedOn,
    resolutions: facts.submissions.flatMap((s) =>
      s.councilResolution === null ? [] : [s.councilResolution],
    ),
    // No snapshot is adopted yet (monitoring and web issues): every document is a draft.
    adopted: null,
  });
}
