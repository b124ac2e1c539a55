/**
 * The one place the CLI asks the core whether a workbook is valid: reading
 * and validation, including the fiscal balance against the chosen revenue
 * scenario (plan-workbook.md, "What valid means").
 */
import type { Finding, RawWorkbook } from '#core';
import { validateWorkbook } from '#core';

/** Every finding about a workbook, with an optional reference workbook (the city framework). */
export function checkWorkbook(workbook: RawWorkbook, reference?: RawWorkbook): Finding[] {
  return validateWorkbook(workbook, reference ? { reference } : {}).findings;
}
