/**
 * What a command talks to: output streams, the working directory, and the
 * exit codes it returns. Tests pass their own streams and run commands in
 * process.
 */
import type { Bilingual, Language } from '#core';
import { persianNumerals } from '#core';

/** Something text can be written to (`process.stdout` is one). */
export interface TextSink {
  write(text: string): unknown;
}

/** The command's surroundings. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** Directory relative paths are resolved from (default: the process's). */
  cwd?: string;
  /** Environment variables (default: the process's); `plan login` and server commands read it. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The output of a Persian run that is not JSON: every number a message or a table writes
 * comes out in Persian digits (the core's `persianNumerals`; IDs, codes and typed values are
 * isolated and keep theirs). JSON stays as it is: it is for programs.
 */
export function persianOutput(io: CliIo): CliIo {
  const sink = (s: TextSink): TextSink => ({
    write: (text: string) => s.write(persianNumerals(text)),
  });
  return { ...io, stdout: sink(io.stdout), stderr: sink(io.stderr) };
}

/** Exit codes of every command. */
export const EXIT = {
  /** Done; for `validate`: no errors. */
  ok: 0,
  /** The input was read but has errors (findings), or a calculation has no answer. */
  findings: 1,
  /** The command could not run: bad arguments, a missing or unreadable file. */
  input: 2,
} as const;

/** Picks the message of a language. */
export function say(message: Bilingual, lang: Language): string {
  return lang === 'fa' ? message.fa : message.en;
}

/** A problem that stops a command before it produces output. */
export interface CliProblem {
  /** Exit code to return. */
  code: number;
  message: Bilingual;
  /** The command whose help shows how to fix it (adds a hint to the message). */
  helpFor?: string;
}

/** Writes a problem to stderr and returns its exit code. */
export function reportProblem(io: CliIo, problem: CliProblem, lang: Language): number {
  const hint = problem.helpFor
    ? lang === 'fa'
      ? `\nراهنما: \u2066plan help\u2069 ${problem.helpFor}`
      : `\nSee: plan help ${problem.helpFor}`
    : '';
  io.stderr.write(`plan: ${say(problem.message, lang)}${hint}\n`);
  return problem.code;
}

/** JSON text of a value, bigints (exact Rials) as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}
