/**
 * The web face's addresses (shared/src/web/routes.ts): what each address names, the way back
 * from a page to its address, and which paths the register answers with the app's page.
 */
import fc from 'fast-check';
import type { WebRoute } from '#core';
import {
  accountPageOf,
  councilSnapshotOf,
  councilSnapshotPath,
  isWebPath,
  languageOfSearch,
  nextOfSearch,
  parseWebPath,
  PLAN_SECTIONS,
  signInPath,
  webPath,
} from '#core';

describe('parseWebPath', () => {
  it.each([
    ['/', '', { page: 'plan', municipality: null, snapshot: 'latest', section: 'overview' }],
    ['/plan', '', { page: 'plan', municipality: null, snapshot: 'latest', section: 'overview' }],
    [
      '/plan/tehran',
      '',
      { page: 'plan', municipality: 'tehran', snapshot: 'latest', section: 'overview' },
    ],
    [
      '/plan/tehran/kpis',
      '',
      { page: 'plan', municipality: 'tehran', snapshot: 'latest', section: 'kpis' },
    ],
    [
      '/plan/tehran/latest/projects/',
      '',
      { page: 'plan', municipality: 'tehran', snapshot: 'latest', section: 'projects' },
    ],
    [
      '/plan/tehran/1405/2/fiscal',
      '?lang=en',
      {
        page: 'plan',
        municipality: 'tehran',
        snapshot: { cycleStart: 1405, number: 2 },
        section: 'fiscal',
      },
    ],
    [
      '/plan/tehran/latest/search',
      '?q=%D9%BE%D8%A7%D8%B1%DA%A9',
      { page: 'plan', municipality: 'tehran', snapshot: 'latest', section: 'search', q: 'پارک' },
    ],
  ])('%s%s', (pathname, search, route) => {
    expect(parseWebPath(pathname, search)).toEqual(route);
  });

  it.each([
    '/plans',
    '/plan/tehran/1405',
    '/plan/tehran/1405/x/kpis',
    '/plan/tehran/latest/nothing',
    '/plan/tehran/1405/2/kpis/more',
    '/plan/te hran',
    '/api/public/tehran/plan',
  ])('%s names no page', (pathname) => {
    expect(parseWebPath(pathname)).toBeNull();
  });
});

describe('webPath', () => {
  it('writes the stable address of a snapshot and of the latest, English with ?lang=en', () => {
    const route: WebRoute = {
      page: 'plan',
      municipality: 'sample',
      snapshot: 'latest',
      section: 'kpis',
    };
    expect(webPath(route, 'fa')).toBe('/plan/sample/latest/kpis');
    expect(webPath({ ...route, snapshot: { cycleStart: 1405, number: 3 } }, 'en')).toBe(
      '/plan/sample/1405/3/kpis?lang=en',
    );
    expect(webPath({ ...route, section: 'search', q: 'پارک ۲' }, 'fa')).toBe(
      '/plan/sample/latest/search?q=%D9%BE%D8%A7%D8%B1%DA%A9+%DB%B2',
    );
    expect(webPath({ ...route, municipality: null }, 'en')).toBe('/?lang=en');
  });

  it('is read back by parseWebPath and languageOfSearch, for any page', () => {
    const route = fc.record({
      municipality: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
      snapshot: fc.oneof(
        fc.constant('latest' as const),
        fc.record({
          cycleStart: fc.integer({ min: 1, max: 9999 }),
          number: fc.integer({ min: 1, max: 999 }),
        }),
      ),
      section: fc.constantFrom(...PLAN_SECTIONS),
      q: fc.string({ minLength: 1 }),
      lang: fc.constantFrom('fa' as const, 'en' as const),
    });
    fc.assert(
      fc.property(route, ({ lang, q, ...r }) => {
        const page: WebRoute = { page: 'plan', ...r, ...(r.section === 'search' ? { q } : {}) };
        const address = new URL(webPath(page, lang), 'http://x');
        expect(parseWebPath(address.pathname, address.search)).toEqual(page);
        expect(languageOfSearch(address.search)).toBe(lang);
      }),
    );
  });
});

describe('isWebPath: what the register answers with the page', () => {
  it.each([
    ['/', true],
    ['/plan', true],
    ['/plan/sample/latest/kpis', true],
    ['/planning', false],
    ['/api/public/sample/plan', false],
    ['/addin/taskpane.html', false],
    ['/help/balances', false],
    ['/manifest.xml', false],
    ['/assets/index.js', false],
  ])('%s: %s', (pathname, expected) => {
    expect(isWebPath(pathname)).toBe(expected);
  });
});

describe("a person's own pages", () => {
  it('names the sign-in and the tokens, and the service serves them', () => {
    expect(accountPageOf('/signin')).toBe('signin');
    expect(accountPageOf('/me/tokens/')).toBe('tokens');
    expect(accountPageOf('/me/other')).toBeNull();
    expect(accountPageOf('/me/council')).toBe('council');
    expect(accountPageOf('/me/council/2f0c-aa/')).toBe('council-snapshot');
    expect(councilSnapshotOf('/me/council/2f0c-aa/')).toBe('2f0c-aa');
    expect(accountPageOf('/me/council/a/b')).toBeNull();
    expect(accountPageOf('/me/council/%3Cx%3E')).toBeNull();
    expect(councilSnapshotPath('2f0c-aa', 'en')).toBe('/me/council/2f0c-aa?lang=en');
    expect(accountPageOf('/plan/sample')).toBeNull();
    for (const p of ['/signin', '/me', '/me/tokens']) expect(isWebPath(p)).toBe(true);
    for (const p of ['/signing', '/mere', '/api/me/tokens']) expect(isWebPath(p)).toBe(false);
  });

  it('goes back after the sign-in only to a page of the app on this origin', () => {
    const back = (next: string) => nextOfSearch(`?next=${encodeURIComponent(next)}`);
    expect(back('/me/tokens?lang=en')).toBe('/me/tokens?lang=en');
    expect(back('/plan/sample/latest/kpis')).toBe('/plan/sample/latest/kpis');
    // Another site, a protocol, a path the app has no page at, the sign-in itself: the tokens.
    for (const bad of ['//evil.example/x', 'https://evil.example', '/\\evil', '/api/me', '/signin'])
      expect(back(bad)).toBe('/me/tokens');
    expect(nextOfSearch('')).toBe('/me/tokens');
    // The sign-in's own address reads back.
    expect(nextOfSearch(new URL(signInPath('/me/tokens', 'en'), 'http://x').search)).toBe(
      '/me/tokens',
    );
    expect(signInPath('/me/tokens', 'en')).toBe('/signin?next=%2Fme%2Ftokens&lang=en');
  });
});
