/**
 * The `plan` command line: `plan <command> [options]`. Commands live in
 * `commands/`; every one takes `--json`, `--lang fa|en` and `--help`.
 * `main` never throws on bad input: it writes to stderr and returns an exit
 * code (0 done, 1 errors found, 2 could not run).
 */
import { fsi, helpPage } from '#core';
import type { Language } from '#core';
import type { Command } from './command';
import { commandHelp, langOf, parseCommandArgs } from './command';
import { COMMANDS } from './commands';
import { helpPageText, helpTopicsText } from './help';
import type { CliIo } from './io';
import { EXIT, persianOutput, reportProblem } from './io';

const DEFAULT_IO: CliIo = { stdout: process.stdout, stderr: process.stderr };

function overview(lang: Language): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = [
    lang === 'fa'
      ? '\u2066plan\u2069: ابزار خط فرمان برنامه پنج‌ساله راهبردی-عملیاتی شهر و شهرداری'
      : 'plan: command line of the five-year strategic-operational plan of the city and municipality',
    '',
    lang === 'fa'
      ? 'کاربرد: \u2066plan\u2069 <فرمان> [گزینه‌ها]'
      : 'Usage: plan <command> [options]',
    '',
    lang === 'fa' ? 'فرمان‌ها:' : 'Commands:',
    ...COMMANDS.map(
      (c) =>
        `  ${c.name.padEnd(width)}  ${(lang === 'fa' ? c.summary.fa : c.summary.en).split(/(?<=[.!؟])\s/)[0]}`,
    ),
    '',
    lang === 'fa'
      ? 'راهنمای هر فرمان: \u2066plan help\u2069 <فرمان>  ·  خروجی انگلیسی: \u2066--lang en\u2069  ·  خروجی ماشینی: \u2066--json\u2069'
      : 'Help on a command: plan help <command>  ·  Persian/English output: --lang fa|en  ·  machine output: --json',
    lang === 'fa'
      ? 'راهنمای یک کد یافته یا یک محاسبه: \u2066plan help\u2069 <کد یا مفهوم>، مانند \u2066plan help AHP_INCONSISTENT\u2069  ·  فهرست آن‌ها: \u2066plan help topics\u2069'
      : 'Help on a finding code or a calculation: plan help <code or concept>, e.g. plan help AHP_INCONSISTENT  ·  their list: plan help topics',
  ];
  return lines.join('\n') + '\n';
}

function find(name: string | undefined): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** Runs the `plan` command with its arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], given: CliIo = DEFAULT_IO): Promise<number> {
  const lang = langOf(argv);
  const io = lang === 'fa' && !argv.includes('--json') ? persianOutput(given) : given;
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    io.stdout.write(overview(lang));
    return first === undefined ? EXIT.input : EXIT.ok;
  }
  if (first === 'help') {
    // The first word that is not an option nor the value of `--lang`.
    const topic = rest.find((a, i) => !a.startsWith('-') && rest[i - 1] !== '--lang');
    if (topic === undefined) {
      io.stdout.write(overview(lang));
      return EXIT.ok;
    }
    const command = find(topic);
    if (command) {
      io.stdout.write(commandHelp(command, lang));
      return EXIT.ok;
    }
    if (topic === 'topics') {
      io.stdout.write(helpTopicsText(lang));
      return EXIT.ok;
    }
    const page = helpPage(topic, lang);
    if (page) {
      io.stdout.write(helpPageText(page));
      return EXIT.ok;
    }
    return reportProblem(
      io,
      {
        code: EXIT.input,
        message: {
          fa: `«${fsi(topic)}» نه فرمان است، نه کد یافته و نه مفهومی که راهنما دارد؛ فهرست موضوع‌ها: \u2066plan help topics\u2069`,
          en: `"${topic}" is no command, finding code or concept with a help page; the topics: plan help topics`,
        },
        helpFor: '',
      },
      lang,
    );
  }
  const command = find(first);
  if (!command) {
    const names = COMMANDS.map((c) => c.name).join(', ');
    return reportProblem(
      io,
      {
        code: EXIT.input,
        message: {
          fa: `فرمان «${fsi(first)}» شناخته نیست؛ فرمان‌ها: ${names}`,
          en: `unknown command "${first}"; commands: ${names}`,
        },
      },
      lang,
    );
  }
  const parsed = parseCommandArgs(command, rest);
  if (!parsed.ok) return reportProblem(io, parsed.problem, parsed.lang);
  if (parsed.help) {
    io.stdout.write(commandHelp(command, parsed.lang));
    return EXIT.ok;
  }
  return command.run({
    io,
    lang: parsed.lang,
    json: parsed.json,
    values: parsed.values,
    positionals: parsed.positionals,
  });
}
