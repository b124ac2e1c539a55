/**
 * The shape of a command and the parsing of its arguments with
 * `node:util` parseArgs. Every command takes `--json`, `--lang fa|en` and
 * `--help`; bad arguments come back as a problem that names the fix.
 */
import { parseArgs } from 'node:util';
import type { Bilingual, Language } from '#core';
import type { CliIo, CliProblem } from './io';
import { EXIT } from './io';
import { isLanguage, fsi } from '#core';

/** One option of a command. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder in usage text (`FILE`). */
  value?: string;
  description: Bilingual;
}

/** What a command receives after parsing. */
export interface CommandContext {
  io: CliIo;
  lang: Language;
  json: boolean;
  /** Option values by name (strings or true). */
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** A `plan` command. */
export interface Command {
  name: string;
  summary: Bilingual;
  /** Usage line after `plan `, e.g. `validate FILE.xlsx [--reference FILE.xlsx]`. */
  usage: string;
  /** One or more example invocations (after `plan `). */
  examples: string[];
  options: Record<string, OptionSpec>;
  /** Positional arguments: how many are allowed and what they are. */
  positionals: { min: number; max: number; names: string[] };
  run(ctx: CommandContext): Promise<number>;
}

/** Options every command has. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  json: {
    type: 'boolean',
    description: {
      fa: 'خروجی \u2066JSON\u2069 برای برنامه‌ها',
      en: 'machine-readable JSON output',
    },
  },
  lang: {
    type: 'string',
    value: 'fa|en',
    description: {
      fa: 'زبان خروجی (پیش‌فرض \u2066fa\u2069)',
      en: 'language of the output (default fa)',
    },
  },
  help: { type: 'boolean', short: 'h', description: { fa: 'همین راهنما', en: 'this help' } },
};

/** Parsed arguments, or the problem with them. */
export type Parsed =
  | {
      ok: true;
      lang: Language;
      json: boolean;
      help: boolean;
      values: CommandContext['values'];
      positionals: string[];
    }
  | { ok: false; lang: Language; problem: CliProblem };

/** The `--lang` value in raw arguments, before full parsing (so that errors speak it). */
export function langOf(argv: readonly string[]): Language {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[i + 1] : a?.startsWith('--lang=') ? a.slice(7) : undefined;
    if (isLanguage(v)) return v;
  }
  return 'fa';
}

/** Parses a command's arguments. */
export function parseCommandArgs(command: Command, argv: string[]): Parsed {
  const lang = langOf(argv);
  const options = { ...COMMON_OPTIONS, ...command.options };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(options).map(([name, o]) => [
          name,
          o.short ? { type: o.type, short: o.short } : { type: o.type },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      lang,
      problem: {
        code: EXIT.input,
        message: {
          fa: `آرگومان‌های فرمان ${command.name} درست نیستند: ${detail}`,
          en: `bad arguments for ${command.name}: ${detail}`,
        },
        helpFor: command.name,
      },
    };
  }
  const values = parsed.values as CommandContext['values'];
  const help = values.help === true;
  const langValue = values.lang;
  if (langValue !== undefined && !isLanguage(langValue))
    return {
      ok: false,
      lang,
      problem: {
        code: EXIT.input,
        message: {
          fa: `\u2066--lang\u2069 باید \u2066fa\u2069 یا \u2066en\u2069 باشد، نه «${fsi(String(langValue))}»`,
          en: `--lang must be fa or en, not "${String(langValue)}"`,
        },
        helpFor: command.name,
      },
    };
  const positionals = parsed.positionals;
  if (!help) {
    const { min, max, names } = command.positionals;
    if (positionals.length < min || positionals.length > max) {
      const wanted = names.join(' ') || '-';
      return {
        ok: false,
        lang,
        problem: {
          code: EXIT.input,
          message:
            positionals.length < min
              ? {
                  fa: `فرمان ${command.name} به ${wanted} نیاز دارد`,
                  en: `${command.name} needs ${wanted}`,
                }
              : {
                  fa: `آرگومان اضافی: ${positionals.slice(max).join(' ')}`,
                  en: `unexpected argument: ${positionals.slice(max).join(' ')}`,
                },
          helpFor: command.name,
        },
      };
    }
  }
  return {
    ok: true,
    lang: isLanguage(langValue) ? langValue : lang,
    json: values.json === true,
    help,
    values,
    positionals,
  };
}

/** The help text of a command. */
export function commandHelp(command: Command, lang: Language): string {
  const options = { ...command.options, ...COMMON_OPTIONS };
  const lines = [
    `plan ${command.usage}`,
    '',
    lang === 'fa' ? command.summary.fa : command.summary.en,
    '',
    lang === 'fa' ? 'گزینه‌ها:' : 'Options:',
  ];
  const shown = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`;
    return [flag, lang === 'fa' ? o.description.fa : o.description.en] as const;
  });
  const width = Math.max(...shown.map(([f]) => f.length));
  for (const [flag, text] of shown) lines.push(`  ${flag.padEnd(width)}  ${text}`);
  lines.push('', lang === 'fa' ? 'نمونه:' : 'Example:');
  for (const e of command.examples) lines.push(`  plan ${e}`);
  return lines.join('\n') + '\n';
}

/** A required string option, or a problem naming it. */
export function requireOption(
  ctx: CommandContext,
  command: string,
  name: string,
  what: Bilingual,
): { ok: true; value: string } | { ok: false; problem: CliProblem } {
  const v = ctx.values[name];
  if (typeof v === 'string' && v !== '') return { ok: true, value: v };
  return {
    ok: false,
    problem: {
      code: EXIT.input,
      message: {
        fa: `گزینه --${name} لازم است (${what.fa})`,
        en: `option --${name} is required (${what.en})`,
      },
      helpFor: command,
    },
  };
}

/** A whole-number option within bounds, its default when absent, or a problem. */
export function intOption(
  ctx: CommandContext,
  command: string,
  name: string,
  bounds: { min: number; max: number; fallback: number | null },
): { ok: true; value: number | null } | { ok: false; problem: CliProblem } {
  const v = ctx.values[name];
  if (v === undefined) return { ok: true, value: bounds.fallback };
  const text =
    typeof v === 'string' ? v.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)) : '';
  const n = Number(text);
  if (text !== '' && Number.isInteger(n) && n >= bounds.min && n <= bounds.max)
    return { ok: true, value: n };
  return {
    ok: false,
    problem: {
      code: EXIT.input,
      message: {
        fa: `--${name} باید عددی صحیح از ${bounds.min} تا ${bounds.max} باشد، نه «${fsi(String(v))}»`,
        en: `--${name} must be a whole number from ${bounds.min} to ${bounds.max}, not "${String(v)}"`,
      },
      helpFor: command,
    },
  };
}
