/**
 * Imported before the service by crash.test.ts (`node --import tsx --import this-file`): the
 * process kills ITSELF with SIGKILL at the moment a push's 201 is about to be written, that
 * is after the push's transaction committed and before a byte of the answer left. A timer
 * outside the process hits that window (well under a millisecond) by chance only; this
 * puts the kill exactly there. Only for the push whose `Idempotency-Key` is
 * `PLAN_TEST_KILL_KEY` (so that the retry, a replay, gets its answer). The service's own
 * code is not changed.
 */
import http from 'node:http';

const PUSH = /^\/api\/submissions\/[^/]+\/versions(?:\?|$)/;
const KEY = process.env.PLAN_TEST_KILL_KEY ?? '';
const original = http.ServerResponse.prototype.writeHead;

http.ServerResponse.prototype.writeHead = function writeHead(
  this: http.ServerResponse,
  ...args: Parameters<typeof original>
) {
  const status = typeof args[0] === 'number' ? args[0] : this.statusCode;
  if (
    KEY !== '' &&
    this.req.headers['idempotency-key'] === KEY &&
    this.req.method === 'POST' &&
    // express strips the mount path (`/api`) from `req.url` inside its routers.
    PUSH.test((this.req as { originalUrl?: string }).originalUrl ?? this.req.url ?? '') &&
    status === 201 &&
    this.getHeader('idempotent-replayed') === undefined
  )
    process.kill(process.pid, 'SIGKILL');
  return original.apply(this, args);
} as typeof original;
