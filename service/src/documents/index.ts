/**
 * The documents the council reads, from the register: the plan book and the council bill of
 * a cycle, made by the documents module the CLI uses too (`io/documents`). A document is made
 * from a snapshot of the city plan (docs/documents.md): the one asked for, or the cycle's
 * latest; from an adopted snapshot it names the snapshot and prints the council's resolution
 * and vote; from any other (or, before a cycle has a snapshot, from its live consolidation)
 * every page says «پیش‌نویس». Resolutions noted on approvals (`coverFacts`) are printed too.
 */
import { fsi, snapshotLabel, toPersianDigits } from '#core';
import { councilBillDocx, planBookDocx } from '../../../io';
import { consolidate } from '../consolidate';
import { coverFacts } from '../consolidate/document';
import type { AppDeps } from '../handlers/context';
import type { SnapshotRecord } from '../repositories';

/** The media type of a `.docx` (ECMA-376, registered with IANA). */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The documents the register makes, by the last segment of their path. */
export const DOCUMENTS = {
  'plan-book': planBookDocx,
  'council-bill': councilBillDocx,
} as const;
export type DocumentName = keyof typeof DOCUMENTS;

/** How an adopted snapshot is named in its documents, and its resolution as printed. */
export function adoptionText(
  s: Pick<SnapshotRecord, 'number' | 'resolution'>,
  cycle: { startYear: number; endYear: number },
): { name: string; resolution: string } | null {
  const r = s.resolution;
  if (r === null) return null;
  const fa = (n: number) => toPersianDigits(String(n));
  return {
    name: snapshotLabel(s.number, cycle.startYear, cycle.endYear).fa,
    resolution: `مصوبه شماره ${fsi(r.resolutionNumber)} مورخ ${toPersianDigits(r.resolutionDate)} شورای اسلامی شهر، با ${fa(r.votesFor)} رأی موافق، ${fa(r.votesAgainst)} رأی مخالف و ${fa(r.votesAbstaining)} رأی ممتنع`,
  };
}

/**
 * A document of a cycle as `.docx` bytes: of `snapshot` when given, else of the cycle's
 * latest snapshot, else of its live consolidation (a draft).
 */
export async function cycleDocument(
  deps: AppDeps,
  tenantId: string,
  cycleId: string,
  name: DocumentName,
  printedOn: Date = new Date(),
  snapshot?: SnapshotRecord,
): Promise<Uint8Array> {
  const chosen = snapshot ?? (await deps.repos.snapshots.list(tenantId, cycleId)).at(-1);
  const pinned =
    chosen === undefined
      ? undefined
      : new Map(chosen.sources.map((s) => [s.submissionId, s.version]));
  const [report, facts] = await Promise.all([
    consolidate(deps, tenantId, cycleId, pinned),
    coverFacts(deps, tenantId, cycleId, printedOn),
  ]);
  const adoption =
    chosen !== undefined && chosen.status === 'adopted' ? adoptionText(chosen, facts.cycle) : null;
  return DOCUMENTS[name](report, {
    municipality: facts.municipality,
    printedOn,
    resolutions: [
      ...(adoption === null ? [] : [adoption.resolution]),
      ...facts.submissions.flatMap((s) =>
        s.councilResolution === null ? [] : [s.councilResolution],
      ),
    ],
    adopted: adoption?.name ?? null,
  });
}
