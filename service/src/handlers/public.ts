/**
 * The public plan (docs/api.md, "The public plan"): without signing in, the plan of a
 * municipality's adopted and published snapshots, and their published tables as open data.
 * A snapshot not published (or not there, or of another municipality) is one 404: the public
 * cannot tell an unpublished snapshot from none. What leaves is the core's rule
 * (`publicPlanOf`, `publishedTable`): never people, comments or drafts. A published snapshot
 * never changes, so its plan is computed once and kept (a few, newest used first).
 */
import type { ApiPublicPlan, ApiPublicSnapshotList, CanonicalTable } from '#core';
import { measureCityPlan, PUBLIC_PATHS, publicPlanOf, publishedTable } from '#core';
import { assembleCityPlan } from '../consolidate';
import { notFound } from '../http/errors';
import type { SnapshotRecord } from '../repositories';
import { TENANT_ID_PATTERN } from '../repositories';
import type { AppDeps } from './context';
import { canonicalJson, sha256Hex } from '../db/canonical';
import { publicSignoffs } from './signatures';
import { baselineOf, toApiSnapshot } from './snapshots';

const planTerm = { fa: 'برنامه منتشرشده', en: 'A published plan' };

/** The municipality of a public URL, or 404. */
async function municipalityOf(deps: AppDeps, code: string) {
  if (!TENANT_ID_PATTERN.test(code)) throw notFound(planTerm);
  const m = await deps.repos.tenants.get(code);
  if (m === null) throw notFound(planTerm);
  // The register keeps one name (as the municipality calls itself); both languages show it.
  return {
    code: m.id,
    name: { fa: m.name, en: m.name },
    ...(m.practice && { practice: true as const }),
  };
}

/** A published snapshot, with its cycle: the latest, or the one named; else 404. */
export async function publishedSnapshot(
  deps: AppDeps,
  code: string,
  at?: { cycleStart: number; number: number },
) {
  const municipality = await municipalityOf(deps, code);
  let snapshot: SnapshotRecord | null;
  if (at === undefined) {
    snapshot = (await deps.repos.snapshots.listPublished(code))[0] ?? null;
  } else {
    const cycle = await deps.repos.cycles.getByStartYear(code, at.cycleStart);
    snapshot =
      cycle === null ? null : await deps.repos.snapshots.getByNumber(code, cycle.id, at.number);
  }
  if (snapshot === null || snapshot.publishedAt === null || snapshot.status !== 'adopted')
    throw notFound(planTerm);
  const cycle = await deps.repos.cycles.get(code, snapshot.cycleId);
  if (cycle === null) throw notFound(planTerm);
  const baseline = baselineOf(await deps.repos.snapshots.list(code, cycle.id))?.id ?? null;
  return { municipality, snapshot, cycle, api: toApiSnapshot(snapshot, cycle, baseline) };
}

type Published = Awaited<ReturnType<typeof publishedSnapshot>>;

interface Computed {
  tables: CanonicalTable[];
  plan: ApiPublicPlan;
}

/** Plans of published snapshots already computed, by tenant and hash (insertion = use order). */
const computed = new Map<string, Promise<Computed>>();
const KEEP = 8;

async function compute(deps: AppDeps, published: Published): Promise<Computed> {
  const { snapshot, cycle, municipality } = published;
  const pinned = new Map(snapshot.sources.map((s) => [s.submissionId, s.version]));
  const assembled = await assembleCityPlan(deps, snapshot.tenantId, cycle.id, pinned);
  const measured = await measureCityPlan(assembled.workbook, { findings: assembled.findings });
  const plan = publicPlanOf(assembled.tables, {
    municipality,
    snapshot: published.api,
    cycle: { startYear: cycle.startYear, endYear: cycle.endYear, title: cycle.title },
    years: measured.years,
    totals: measured.totals,
    fiscal: measured.fiscal,
  });
  return { tables: assembled.tables, plan };
}

/** The computed public plan of a published snapshot (kept once computed). */
export async function publicPlan(deps: AppDeps, published: Published): Promise<Computed> {
  const key = `${published.snapshot.tenantId}/${published.snapshot.sha256}`;
  let entry = computed.get(key);
  if (entry === undefined) {
    entry = compute(deps, published);
    entry.catch(() => computed.delete(key));
    while (computed.size >= KEEP) computed.delete(computed.keys().next().value as string);
  } else computed.delete(key);
  computed.set(key, entry);
  return entry;
}

/**
 * The public plan of a published snapshot with its partner agencies' sign-offs, which are
 * signed after publication (so not kept with the plan), and the ETag of the two: the
 * snapshot's hash, and after it a hash of the sign-offs when there are any.
 */
export async function publicPlanWithSignoffs(
  deps: AppDeps,
  published: Published,
): Promise<{ plan: ApiPublicPlan; etag: string }> {
  const { tables, plan } = await publicPlan(deps, published);
  const signoffs = await publicSignoffs(deps, published.snapshot, tables);
  const sha = published.snapshot.sha256;
  if (signoffs.size === 0) return { plan, etag: `"${sha}"` };
  const strategies = plan.strategies.map((s) => ({ ...s, signoffs: signoffs.get(s.id) ?? [] }));
  const of = sha256Hex(canonicalJson(strategies.map((s) => s.signoffs)));
  return { plan: { ...plan, strategies }, etag: `"${sha}-${of.slice(0, 16)}"` };
}

/**
 * Any snapshot's plan in the public plan's shape, for those who read snapshots (the council's
 * review, `GET /api/snapshots/{id}/plan`): what the public would read once it is published.
 * Computed each time (a snapshot under review still moves; only a published one is kept).
 */
export async function snapshotPlanOf(deps: AppDeps, tenantId: string, id: string) {
  const snapshot = await deps.repos.snapshots.get(tenantId, id);
  if (snapshot === null) throw notFound({ fa: 'نسخه ثبت‌شده برنامه شهر', en: 'The snapshot' });
  const municipality = await municipalityOf(deps, tenantId);
  const cycle = await deps.repos.cycles.get(tenantId, snapshot.cycleId);
  if (cycle === null) throw notFound({ fa: 'نسخه ثبت‌شده برنامه شهر', en: 'The snapshot' });
  const baseline = baselineOf(await deps.repos.snapshots.list(tenantId, cycle.id))?.id ?? null;
  const api = toApiSnapshot(snapshot, cycle, baseline);
  return (await compute(deps, { municipality, snapshot, cycle, api })).plan;
}

/** One published table of a snapshot as open data, or 404 for a key not published. */
export async function publicTable(deps: AppDeps, published: Published, key: string) {
  const { tables, plan } = await publicPlan(deps, published);
  const data = publishedTable(tables, key, plan.years);
  if (data === null) throw notFound({ fa: `جدول منتشرشده ${key}`, en: `A published table ${key}` });
  return data;
}

/** The published snapshots of a municipality, newest publication first. */
export async function publicSnapshots(deps: AppDeps, code: string): Promise<ApiPublicSnapshotList> {
  const municipality = await municipalityOf(deps, code);
  const published = await deps.repos.snapshots.listPublished(code);
  const cycles = new Map((await deps.repos.cycles.list(code)).map((c) => [c.id, c]));
  const baselines = new Map<string, string | null>();
  for (const cycleId of new Set(published.map((s) => s.cycleId)))
    baselines.set(cycleId, baselineOf(await deps.repos.snapshots.list(code, cycleId))?.id ?? null);
  return {
    municipality,
    snapshots: published.flatMap((s) => {
      const cycle = cycles.get(s.cycleId);
      if (cycle === undefined) return [];
      const api = toApiSnapshot(s, cycle, baselines.get(s.cycleId) ?? null);
      return [
        {
          cycleStart: api.cycleStart,
          number: api.number,
          baseline: api.baseline,
          sha256: api.sha256,
          adoption: api.adoption,
          publishedAt: api.publishedAt,
          url: PUBLIC_PATHS.snapshot(code, api.cycleStart, api.number),
        },
      ];
    }),
  };
}
