/**
 * Refuses request bodies over their limit AS THEY ARRIVE. The body parsers (body-parser,
 * multer) stop keeping a body past its limit, but they go on reading (and discarding) the
 * rest until the client stops sending, and only then answer 413: a client streaming an
 * endless body, or declaring a `Content-Length` of a terabyte, holds a connection and the
 * server's attention for as long as it likes. This guard answers 413 at once (from the
 * declared length, or as soon as the bytes counted pass the limit) and closes the
 * connection, so nothing more is read.
 */
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { errorBody, tooLarge } from './errors';

/** The limit of a request's body in bytes by its media type, or null for no body expected. */
export type LimitOf = (req: Request) => number | null;

/** The guard; mount it before the body parsers. */
export function bodyLimit(limitOf: LimitOf, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const limit = limitOf(req);
    if (limit === null) {
      next();
      return;
    }
    const refuse = (received: number) => {
      if (res.headersSent) return;
      logger.warn({ requestId: req.id, limit, received }, 'request body over the limit');
      res.set('Connection', 'close');
      res.on('finish', () => req.socket.destroy());
      res.status(413).json(errorBody(tooLarge(), req));
    };
    const declared = Number(req.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > limit) {
      refuse(declared);
      return;
    }
    let received = 0;
    // Counted where the chunks are emitted, without a 'data' listener of its own: a listener
    // would start the stream flowing before a parser further down the chain (after
    // authentication, which waits on the database) is listening, and chunks would be lost.
    const emit = req.emit.bind(req) as (event: string | symbol, ...args: unknown[]) => boolean;
    req.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event === 'data' && !res.headersSent) {
        received += (args[0] as { length: number }).length;
        if (received > limit) refuse(received);
      }
      return emit(event, ...args);
    }) as typeof req.emit;
    next();
  };
}
