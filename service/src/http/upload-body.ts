/**
 * The body parsers of a push: a raw `.xlsx` body, or a multipart form with the file in the
 * field `file` (JSON is parsed by the app for every route). A form the multipart parser
 * cannot read (no boundary, cut short, a broken part header) is the client's mistake: 400
 * `INVALID_REQUEST` with a bilingual reason, never a 500.
 */
import type { RequestHandler } from 'express';
import express from 'express';
import multer, { MulterError } from 'multer';
import type { Config } from '../config';
import { apiError } from './errors';

/** Media type of an `.xlsx` file. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 400 for a multipart form that cannot be read (busboy's reason in `details`). */
function malformedForm(reason: string) {
  return apiError(
    'INVALID_REQUEST',
    'فرم چندبخشی خوانا نیست (ناقص است یا مرز بخش‌ها را ندارد)؛ فایل را دوباره بفرستید.',
    'The multipart form cannot be read (it is cut short or has no boundary); send the file again.',
    { reason },
  );
}

/** The parsers, in order: raw `.xlsx`, then multipart (each passes other media types on). */
export function uploadBody(config: Pick<Config, 'xlsxLimitBytes'>): RequestHandler[] {
  const raw = express.raw({ type: XLSX_TYPE, limit: config.xlsxLimitBytes });
  const form = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: config.xlsxLimitBytes, files: 1, fields: 5 },
  }).single('file');
  const multipart: RequestHandler = (req, res, next) => {
    form(req, res, (error: unknown) => {
      // Multer's own errors (limits, an unexpected field) are mapped by the error handler;
      // anything else from the form parser (busboy) means the form itself is broken.
      if (error === undefined || error === null || error instanceof MulterError) next(error);
      else next(malformedForm(error instanceof Error ? error.message : String(error)));
    });
  };
  return [raw, multipart];
}
