/**
 * The public routes (`/api/public`, no sign-in; mounted before authentication): the latest
 * published plan of a municipality, its published snapshots, each at its stable URL, and
 * their published tables as open data (CSV, `.xlsx`, JSON). Every answer is cacheable:
 * `Cache-Control: public`, and an `ETag` from the snapshot's hash, so a client's
 * `If-None-Match` is answered 304 (express's freshness check).
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import type { ApiPublishedTable, PublicFormat } from '#core';
import { PUBLIC_FORMATS } from '#core';
import { writeCsvTable, writeRawWorkbook } from '../../../io';
import type { AppDeps } from '../handlers/context';
import {
  publicPlanWithSignoffs,
  publicSnapshots,
  publicTable,
  publishedSnapshot,
} from '../handlers/public';
import { notFound, notFoundRoute } from '../http/errors';
import { XLSX_TYPE } from '../http/upload-body';

/** How long a shared cache may keep an answer before asking again (with its ETag). */
const MAX_AGE = 300;

const Code = z.string().min(1).max(64);
const At = z.object({
  code: Code,
  cycleStart: z.coerce.number().int().min(1000).max(9999),
  number: z.coerce.number().int().min(1).max(1_000_000),
});
const FILE = new RegExp(`^([a-z-]{1,40})\\.(${PUBLIC_FORMATS.join('|')})$`);

function cacheable(res: Response, etag: string): void {
  res.set('Cache-Control', `public, max-age=${MAX_AGE}`);
  res.set('ETag', etag);
}

/** The `/api/public` router. */
export function publicRouter(deps: AppDeps): Router {
  const router = Router();

  router.get('/:code/plan', async (req, res) => {
    const published = await publishedSnapshot(deps, Code.parse(req.params.code));
    const { plan, etag } = await publicPlanWithSignoffs(deps, published);
    cacheable(res, etag);
    res.json(plan);
  });

  router.get('/:code/snapshots', async (req, res) => {
    const list = await publicSnapshots(deps, Code.parse(req.params.code));
    // Changes when a snapshot is published: the hash of the hashes listed.
    const tag = createHash('sha256')
      .update(list.snapshots.map((s) => s.sha256).join(','))
      .digest('hex');
    cacheable(res, `"${tag}"`);
    res.json(list);
  });

  router.get('/:code/snapshots/:cycleStart/:number', async (req, res) => {
    const at = At.parse(req.params);
    const published = await publishedSnapshot(deps, at.code, at);
    const { plan, etag } = await publicPlanWithSignoffs(deps, published);
    cacheable(res, etag);
    res.json(plan);
  });

  const sendTable = async (
    req: Request,
    res: Response,
    published: Awaited<ReturnType<typeof publishedSnapshot>>,
    file: string,
  ) => {
    const match = FILE.exec(file);
    if (match === null) throw notFound({ fa: `پرونده ${file}`, en: `The file ${file}` });
    const [, key = '', format = 'json'] = match as unknown as [string, string, PublicFormat];
    const data = await publicTable(deps, published, key);
    const { snapshot, cycle, municipality } = published;
    const name = `${municipality.code}-${cycle.startYear}-${snapshot.number}-${key}`;
    const tag = `${snapshot.sha256}-${key}.${format}`;
    if (format === 'json') {
      cacheable(res, `"${tag}"`);
      const body: ApiPublishedTable = {
        ...data,
        snapshot: { cycleStart: cycle.startYear, number: snapshot.number, sha256: snapshot.sha256 },
      };
      res.json(body);
      return;
    }
    if (format === 'csv') {
      cacheable(res, `"${tag}"`);
      res
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${name}.csv"`)
        .send(Buffer.from(writeCsvTable(data.columns, data.rows)));
      return;
    }
    // The workbook's bytes carry the time they were written: equal in content, not in bytes.
    cacheable(res, `W/"${tag}"`);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    const bytes = await writeRawWorkbook(
      { tables: [{ name: data.table, header: data.columns, rows: data.rows }] },
      {
        lang: 'fa',
        guide: false,
        printedOn: snapshot.publishedAt ?? snapshot.createdAt,
        practice: municipality.practice === true,
      },
    );
    res
      .type(XLSX_TYPE)
      .set('Content-Disposition', `attachment; filename="${name}.xlsx"`)
      .send(Buffer.from(bytes));
  };

  router.get('/:code/plan/tables/:file', async (req, res) => {
    const published = await publishedSnapshot(deps, Code.parse(req.params.code));
    await sendTable(req, res, published, String(req.params.file));
  });

  router.get('/:code/snapshots/:cycleStart/:number/tables/:file', async (req, res) => {
    const at = At.parse(req.params);
    const published = await publishedSnapshot(deps, at.code, at);
    await sendTable(req, res, published, String(req.params.file));
  });

  // Anything else under the public prefix is not there (not a sign-in question).
  router.use(notFoundRoute);
  return router;
}
