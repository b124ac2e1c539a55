/**
 * Run by hostile-xlsx.test.ts in a child process with a capped V8 heap: reads each `.xlsx`
 * file named on the command line with the register's reader and prints, as one JSON line
 * per file, whether it was read, the refusal code and detail, and how long the read took; at the end,
 * the process's peak resident memory.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readXlsx } from '../../io';

/**
 * This process's peak resident memory in MB: `VmHWM` of /proc/self/status (Linux), which
 * starts afresh at exec. (getrusage's `maxRSS` does not: it keeps the peak of the process this
 * one was forked from, here the jest worker.)
 */
function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) / 1024;
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return process.resourceUsage().maxRSS / 1024;
}

async function main(): Promise<void> {
  for (const file of process.argv.slice(2)) {
    const bytes = new Uint8Array(readFileSync(file));
    const started = performance.now();
    const result = await readXlsx(bytes);
    const ms = performance.now() - started;
    process.stdout.write(
      JSON.stringify({
        file,
        ok: result.ok,
        code: result.ok ? null : result.error.code,
        detail: result.ok ? null : (result.error.detail ?? null),
        ms,
      }) + '\n',
    );
  }
  process.stdout.write(JSON.stringify({ peakRssMb: peakRssMb() }) + '\n');
}

void main();
