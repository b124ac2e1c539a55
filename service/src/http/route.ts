/**
 * The one adapter between express and the handlers: a route names its path, method and the
 * schemas of its path parameters, query and body; the adapter parses them (a zod error is
 * 400), finds the caller, calls the handler and writes the reply it returns. Handlers never
 * touch express: they get the parsed request and give back a `Reply`.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import type { Principal } from '../auth';
import { principalOf, requireRole, sessionOf } from '../auth';
import type { SessionInfo } from '../auth/session';
import type { Role } from '../repositories';
import type { AppDeps } from '../handlers/context';

/** What a handler answers: a status (200 by default), headers, and one kind of body. */
export type Reply = {
  status?: number;
  headers?: Record<string, string>;
  /** `Set-Cookie` values (the session cookie). */
  cookies?: string[];
} & (
  | { json: unknown }
  | { file: Uint8Array; type: string; filename: string }
  | { text: string; type: string }
);

/** A request as a handler sees it. */
export interface Call<P, Q, B> {
  deps: AppDeps;
  p: Principal;
  /** The browser session when the request came with the session cookie; else null. */
  session: SessionInfo | null;
  /** The client's address (behind a trusted proxy, the one it names). */
  ip: string;
  params: P;
  query: Q;
  body: B;
  /** A request header. */
  header(name: string): string | undefined;
  /** The first of `types` the client accepts (content negotiation), or false. */
  accepts(types: string[]): string | false;
  /** The request's raw parts a push reads (`req.body` as parsed, `req.file`, its media type). */
  upload: {
    is(type: string): boolean;
    rawBody: unknown;
    file: Uint8Array | undefined;
    contentType: string;
    path: string;
  };
}

/** What a route checks and parses. */
export interface Schemas<P, Q, B> {
  /** Roles any one of which the route needs (403 before anything of the request is read). */
  roles?: readonly Role[];
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /**
   * Checks that run before the body is read (a push is admitted before its file is parsed),
   * then the body parsers.
   */
  before?: Handler<P, Q, undefined, void>;
  parsers?: RequestHandler[];
}

/** A handler. */
export type Handler<P, Q, B, R = Reply> = (call: Call<P, Q, B>) => Promise<R>;

function callOf<P, Q, B>(
  deps: AppDeps,
  req: Request,
  res: Response,
  schemas: Schemas<P, Q, B>,
  withBody: boolean,
): Call<P, Q, B> {
  return {
    deps,
    p: principalOf(res),
    session: sessionOf(res),
    ip: req.ip ?? '',
    params: (schemas.params?.parse(req.params) ?? {}) as P,
    query: (schemas.query?.parse(req.query) ?? {}) as Q,
    body: (withBody && schemas.body !== undefined ? schemas.body.parse(req.body) : undefined) as B,
    header: (name) => req.get(name),
    accepts: (types) => req.accepts(types),
    upload: {
      is: (type) => req.is(type) !== false && req.is(type) !== null,
      rawBody: req.body,
      file: req.file === undefined ? undefined : new Uint8Array(req.file.buffer),
      contentType: req.get('content-type') ?? '',
      path: `${req.baseUrl}${req.path}`,
    },
  };
}

function send(res: Response, reply: Reply): void {
  res.status(reply.status ?? 200).set(reply.headers ?? {});
  for (const cookie of reply.cookies ?? []) res.append('Set-Cookie', cookie);
  if (reply.status === 204) res.end();
  else if ('json' in reply) res.json(reply.json);
  else if ('file' in reply)
    res
      .type(reply.type)
      .set('Content-Disposition', `attachment; filename="${reply.filename}"`)
      .send(Buffer.from(reply.file));
  else res.type(reply.type).send(reply.text);
}

/** The route table of a router: `get`, `post`, `patch`, `delete` with schemas and a handler. */
export function routes(router: Router, deps: AppDeps) {
  const add =
    (method: 'get' | 'post' | 'patch' | 'delete') =>
    <P = Record<string, never>, Q = Record<string, never>, B = undefined>(
      path: string,
      schemas: Schemas<P, Q, B>,
      handler: Handler<P, Q, B>,
    ): void => {
      const { roles, before } = schemas;
      const admit: RequestHandler = async (req, res, next) => {
        if (roles !== undefined) requireRole(principalOf(res), ...roles);
        if (before !== undefined)
          await before(callOf(deps, req, res, schemas, false) as Call<P, Q, undefined>);
        next();
      };
      router[method](path, admit, ...(schemas.parsers ?? []), async (req, res) => {
        send(res, await handler(callOf(deps, req, res, schemas, true)));
      });
    };
  return { get: add('get'), post: add('post'), patch: add('patch'), delete: add('delete') };
}
