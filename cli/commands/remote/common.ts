/**
 * What every command against a register (docs/api.md) shares: the stored credentials of
 * `plan login` turned into the register's client, the client's failures as problems, and the
 * small pieces of output they all print. One file per command sits beside this one.
 */
import type { ApiFailure, ApiResult, Language, RegisterClient, SubmissionStatus } from '#core';
import { STATUS_CAPTIONS } from '#core';
import type { CommandContext } from '../../command';
import type { CliIo, CliProblem } from '../../io';
import { reportProblem } from '../../io';
import type { Loaded } from '../../load';
import { clientOf, loadCredentials, refusal } from '../../remote';

/** The environment credentials are looked up in: the one tests pass, else the process's. */
export const envOf = (io: CliIo) => io.env ?? process.env;

/** A string option's value, or undefined when it is absent or empty. */
export const stringOption = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.values[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** The register as a command body sees it: its client, and failures as problems. */
export interface Remote {
  client: RegisterClient;
  /** A call's value, or its failure as a problem. */
  value<T>(result: ApiResult<T>): Loaded<T>;
  refused(error: ApiFailure): CliProblem;
}

/** Runs a server command body with the stored credentials; problems go to stderr. */
export async function withServer(
  ctx: CommandContext,
  body: (remote: Remote) => Promise<number | CliProblem>,
): Promise<number> {
  const creds = await loadCredentials(envOf(ctx.io));
  if (!creds.ok) return reportProblem(ctx.io, creds.problem, ctx.lang);
  const refused = (error: ApiFailure) => refusal(creds.value, error);
  const out = await body({
    client: clientOf(creds.value),
    refused,
    value: (r) => (r.ok ? { ok: true, value: r.value } : { ok: false, problem: refused(r.error) }),
  });
  return typeof out === 'number' ? out : reportProblem(ctx.io, out, ctx.lang);
}

/** A status as the CLI prints it: its key in English (what `--status` filters take), else its caption. */
export const statusText = (s: SubmissionStatus, lang: Language) =>
  lang === 'fa' ? STATUS_CAPTIONS[s].fa : s;
