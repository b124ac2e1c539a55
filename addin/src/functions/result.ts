/**
 * What a PLAN.* function gives back: a value, or an Excel error with a message in Persian and
 * English. The wrappers return `FnError` as a value (easy to test, never thrown); only the
 * entry points in `functions.ts` turn it into `CustomFunctions.Error`, the documented way a
 * custom function reports an error to its cell.
 */
import type { Bilingual, Language } from '#core';
import { languageOfLocale } from '#core';
import type * as CustomFunctions from './customFunctions';
import { runtime } from './customFunctions';

/** Which Excel error a failure shows as. */
export type ErrorKind = 'value' | 'na' | 'num' | 'div0';

/** A failure of a PLAN.* function, as a value. */
export class FnError {
  constructor(
    readonly kind: ErrorKind,
    readonly message: Bilingual,
  ) {}
}

/** A result or the Excel error to show instead. */
export type Out<T> = T | FnError;

/** True when `v` is a failure. */
export function isFnError(v: unknown): v is FnError {
  // Most results are numbers or text: no prototype walk for them (this runs on every call).
  return typeof v === 'object' && v !== null && v instanceof FnError;
}

/** `#VALUE!`: an argument has the wrong type or an impossible value. */
export function valueError(fa: string, en: string): FnError {
  return new FnError('value', { fa, en });
}

/** `#N/A`: what was asked for does not exist (no such budget code, no history). */
export function notAvailable(fa: string, en: string): FnError {
  return new FnError('na', { fa, en });
}

/** `#NUM!`: the numbers give no finite answer. */
export function numError(fa: string, en: string): FnError {
  return new FnError('num', { fa, en });
}

/** Maps an `Out` through `f` unless it is a failure. */
export function mapOut<T, U>(out: Out<T>, f: (value: T) => Out<U>): Out<U> {
  return isFnError(out) ? out : f(out);
}

let messageLanguage: Language = 'fa';

/**
 * Chooses the language of error messages from Office's display language by the pane's own
 * rule (`languageOfLocale`: `en-US` → English, anything else → Persian), so that a cell's
 * message and the pane always speak the same language.
 */
export function setMessageLanguage(displayLanguage: string | undefined): void {
  messageLanguage = languageOfLocale(displayLanguage);
}

/** The language error messages are shown in. */
export function getMessageLanguage(): Language {
  return messageLanguage;
}

const EXCEL_CODE: Record<ErrorKind, keyof CustomFunctions.ErrorCodes> = {
  value: 'invalidValue',
  na: 'notAvailable',
  num: 'invalidNumber',
  div0: 'divisionByZero',
};

/** The same codes as Excel shows them, for hosts without the runtime (tests, benchmark). */
const EXCEL_TEXT: Record<ErrorKind, string> = {
  value: '#VALUE!',
  na: '#N/A',
  num: '#NUM!',
  div0: '#DIV/0!',
};

/** The error object Excel expects; a plain `{ code, message }` outside Office. */
export type ExcelError = CustomFunctions.Error | { code: string; message?: string };

/**
 * The Excel error for a failure. Excel shows a message only with `#VALUE!` and `#N/A`
 * (custom-functions-errors, "The CustomFunctions.Error object"), so others carry none.
 */
export function toExcelError(e: FnError): ExcelError {
  const withMessage = e.kind === 'value' || e.kind === 'na';
  const message = withMessage ? e.message[messageLanguage] : undefined;
  const cf = runtime();
  const error: ExcelError = cf
    ? new cf.Error(cf.ErrorCode[EXCEL_CODE[e.kind]], message)
    : message === undefined
      ? { code: EXCEL_TEXT[e.kind] }
      : { code: EXCEL_TEXT[e.kind], message };
  issued.add(error);
  return error;
}

/** Excel errors made here, so that a catch can tell them from exceptions. */
const issued = new WeakSet<object>();

/**
 * The value of a wrapper's result for Excel: the value itself, or the Excel error thrown
 * (the documented way a custom function reports an error to its cell).
 */
export function excelValue<T>(out: Out<T>): T {
  if (isFnError(out)) throw toExcelError(out);
  return out;
}

/**
 * What an entry point's `catch` throws: an Excel error made by `excelValue` as it is, any
 * other exception (a bug) as `#VALUE!` saying so, never the exception itself.
 */
export function asExcelError(e: unknown): ExcelError {
  return typeof e === 'object' && e !== null && issued.has(e)
    ? (e as ExcelError)
    : toExcelError(internalError(e));
}

/** What a bug looks like to the user: `#VALUE!` saying so, never an exception. */
export function internalError(cause: unknown): FnError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return valueError(`خطای داخلی افزونه: ${detail}`, `internal error of the add-in: ${detail}`);
}
