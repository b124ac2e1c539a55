/**
 * The project's one language type: its list (the contract's `Language` values), its guard
 * (what `--lang`, the pane's stored choice and the add-in's messages accept), and the rule
 * that turns a host's locale into a language (the pane's first language and the custom
 * functions' error messages use the same one, so they cannot disagree).
 */
import { LANGUAGES, LANGUAGE_KEYS, isLanguage, languageOfLocale } from '#core';

describe('the language type', () => {
  it('lists the contract’s languages, Persian first', () => {
    expect(LANGUAGE_KEYS).toEqual(['fa', 'en']);
    expect(LANGUAGE_KEYS).toEqual(LANGUAGES.map((l) => l.value));
  });

  it('accepts exactly a language key', () => {
    expect(isLanguage('fa')).toBe(true);
    expect(isLanguage('en')).toBe(true);
    for (const v of ['FA', 'fa-IR', 'فارسی', 'Persian', '', null, undefined, 1])
      expect(isLanguage(v)).toBe(false);
  });

  it('reads a locale: English for an English one, Persian for any other or none', () => {
    expect(languageOfLocale('en-US')).toBe('en');
    expect(languageOfLocale('EN-gb')).toBe('en');
    expect(languageOfLocale('en')).toBe('en');
    expect(languageOfLocale('fa-IR')).toBe('fa');
    // Before, the custom functions gave English here while the pane opened in Persian.
    expect(languageOfLocale('de-DE')).toBe('fa');
    expect(languageOfLocale('ar-SA')).toBe('fa');
    expect(languageOfLocale(undefined)).toBe('fa');
    expect(languageOfLocale('')).toBe('fa');
  });
});
