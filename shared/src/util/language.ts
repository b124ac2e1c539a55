/**
 * The one language type of the project: the languages every message, caption and output
 * comes in (the contract's `Language` values, `tblPlanInfo` Language), with its list, its
 * guard and the reading of a host's locale. The pane, the functions, the CLI and the register
 * all take a `Language`; none spells its own.
 */
import type { Language } from '../contract/enums';
import { LANGUAGES } from '../contract/enums';

/** Every language's key, in the contract's order (`fa` first: the users are Persian-first). */
export const LANGUAGE_KEYS: readonly Language[] = LANGUAGES.map((l) => l.value);

/** True when `value` is one of the languages (`fa`, `en`): exactly the key, no caption. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGE_KEYS as readonly string[]).includes(value);
}

/**
 * The language of a host's locale (Office's `displayLanguage`, e.g. `en-US`, `fa-IR`):
 * English for an English locale, Persian for any other or none. Persian first: the users
 * are Persian-speaking staff, and a locale the project does not speak gets their language.
 */
export function languageOfLocale(locale: string | null | undefined): Language {
  return locale != null && /^en\b/i.test(locale.trim()) ? 'en' : 'fa';
}
