/**
 * The part of the Custom Functions runtime (`CustomFunctionsRuntime` 1.2+, the global
 * `CustomFunctions` that office.js defines in the shared runtime) that the add-in uses, as
 * types, and the lookup of that global. `@types/custom-functions-runtime` is not a dependency;
 * these follow its published shape. Imported as a namespace named `CustomFunctions`, so that
 * signatures read `CustomFunctions.CancelableInvocation`, the name `custom-functions-metadata`
 * recognises.
 */

/** The error codes by name, and the error text Excel shows for each. */
export interface ErrorCodes {
  readonly invalidValue: string;
  readonly notAvailable: string;
  readonly divisionByZero: string;
  readonly invalidNumber: string;
  readonly nullReference: string;
  readonly invalidName: string;
  readonly invalidReference: string;
}

/** An Excel error value with an optional message (shown with `#VALUE!` and `#N/A` only). */
export interface Error {
  readonly code: string;
  readonly message?: string;
}

/** What Excel passes as the last argument of a function that asks for it. */
export interface Invocation {
  address?: string;
  functionName?: string;
  parameterAddresses?: string[];
}

/** The invocation of a `@cancelable` function: Excel calls `onCanceled` when it gives up. */
export interface CancelableInvocation extends Invocation {
  onCanceled: () => void;
}

/** The runtime's `CustomFunctions` global. */
export interface Runtime {
  readonly Error: new (code: string, message?: string) => Error;
  readonly ErrorCode: ErrorCodes;
  associate(id: string, fn: (...args: never[]) => unknown): void;
}

/** The `CustomFunctions` global when office.js has defined it (not in tests or benchmarks). */
export function runtime(): Runtime | undefined {
  return (globalThis as { CustomFunctions?: Runtime }).CustomFunctions;
}
