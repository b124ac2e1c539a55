/**
 * What the pane's views share: the language, the Office adapter, the add-in's storage, the
 * register's fetch, and the workbook as last read and checked. Provided once by the pane, so
 * that tests give the views a mock adapter and a fake fetch.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { Fetch, Finding, Language, Plan, RawWorkbook } from '#core';
import { validateWorkbook } from '#core';
import type { KeyValueStore } from '../api/connection';
import type { PaneOffice } from '../office/pane';

/** The outside world as the pane sees it. */
export interface PaneServices {
  office: PaneOffice;
  store: KeyValueStore;
  fetch?: Fetch;
  /** The register's address to offer when none was saved (the origin the pane came from). */
  defaultServer?: string;
  /**
   * Where the build put HiGHS's WebAssembly (the optimal portfolio), fetched only when asked;
   * without it the solver looks beside its own script.
   */
  solverWasmUrl?: string;
}

/** The open workbook, read and validated. */
export interface WorkbookCheck {
  workbook: RawWorkbook;
  /** Every table's name, contract or not. */
  names: string[];
  plan: Plan;
  findings: Finding[];
}

/** The state every view reads. */
export interface PaneContext extends PaneServices {
  lang: Language;
  setLang(lang: Language): void;
  /** The last check, or null before the first. */
  check: WorkbookCheck | null;
  checking: boolean;
  /** Why the last read failed (Excel's message), or null. */
  readError: string | null;
  /** Reads and validates the workbook again. */
  recheck(): Promise<WorkbookCheck | null>;
  /** Signed in to a practice municipality (`/api/me`): the header says so (issue 20). */
  practice: boolean;
  setPractice(practice: boolean): void;
}

/** The context (the pane provides it). */
export const PaneCtx = createContext<PaneContext | null>(null);

/** The pane's context in a view. */
export function usePane(): PaneContext {
  const ctx = useContext(PaneCtx);
  if (!ctx) throw new Error('usePane outside the pane');
  return ctx;
}

/** Reads and validates the workbook through the adapter (the core does the validating). */
export async function checkWorkbook(office: PaneOffice): Promise<WorkbookCheck> {
  const { workbook, names } = await office.readAllTables();
  const { plan, findings } = validateWorkbook(workbook);
  return { workbook, names, plan, findings };
}

/**
 * The workbook check as React state: `recheck` on demand, and again after the tables change
 * (debounced by the adapter) while `auto` is on.
 */
export function useWorkbookCheck(office: PaneOffice, auto: boolean) {
  const [check, setCheck] = useState<WorkbookCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const latest = useRef(0);
  const recheck = useCallback(async () => {
    const ticket = ++latest.current;
    setChecking(true);
    try {
      const out = await checkWorkbook(office);
      // A slower earlier read must not overwrite a newer one.
      if (ticket === latest.current) {
        setCheck(out);
        setReadError(null);
      }
      return out;
    } catch (error) {
      if (ticket === latest.current) setReadError((error as Error).message);
      return null;
    } finally {
      if (ticket === latest.current) setChecking(false);
    }
  }, [office]);
  useEffect(() => {
    if (!auto) return;
    let stop: (() => Promise<void>) | undefined;
    let cancelled = false;
    office
      .watchTables(() => void recheck())
      .then((w) => {
        if (cancelled) void w.stop();
        else stop = w.stop;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      void stop?.();
    };
  }, [office, auto, recheck]);
  return { check, checking, readError, recheck };
}
