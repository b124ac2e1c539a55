/**
 * The register serves the help (issue 20) over HTTP with no login: a page for every finding
 * code and concept in Persian (right to left) and English, the same as JSON under /api, and a
 * clear 404 for a topic that has none.
 */
import request from 'supertest';
import { HELP_CODES, HELP_CONCEPTS } from '#core';
import type { Harness } from './api-harness';
import { openHarness } from './api-harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('pglite');
}, 120_000);
afterAll(async () => {
  await h.close();
});

const topics = [...HELP_CONCEPTS, ...Object.keys(HELP_CODES)];

describe('GET /help/:topic', () => {
  it('answers 200 with an HTML page for every code and concept, in both languages', async () => {
    const failed: string[] = [];
    for (const lang of ['fa', 'en'])
      for (const topic of topics) {
        const r = await request(h.app).get(`/help/${topic}?lang=${lang}`);
        if (r.status !== 200 || !r.type.includes('html'))
          failed.push(`${lang} ${topic} ${r.status}`);
      }
    expect(failed).toEqual([]);
  }, 120_000);

  it('writes Persian right to left, English left to right, each linking to the other', async () => {
    const fa = await request(h.app).get('/help/ahp');
    expect(fa.text).toContain('<html lang="fa" dir="rtl">');
    expect(fa.text).toContain('نسبت سازگاری');
    expect(fa.text).toContain('href="/help/ahp?lang=en"');
    // A link inside the page goes to the other topic, in the page's language.
    expect(fa.text).toContain('href="/help/AHP_INCONSISTENT?lang=fa"');
    const en = await request(h.app).get('/help/AHP_INCONSISTENT?lang=en');
    expect(en.text).toContain('<html lang="en" dir="ltr">');
    expect(en.text).toContain('Consistency ratio above 0.10');
    expect(en.text).toContain('href="/help/ahp?lang=en"');
  });

  it('finds a code typed in lower case', async () => {
    expect((await request(h.app).get('/help/operating_deficit?lang=en')).status).toBe(200);
  });

  it('answers an unknown topic with a 404 page that says so and links to the list', async () => {
    const r = await request(h.app).get('/help/NO_SUCH_TOPIC?lang=en');
    expect(r.status).toBe(404);
    expect(r.type).toContain('html');
    expect(r.text).toContain('No such help topic');
    expect(r.text).toContain('href="/help?lang=en"');
    const fa = await request(h.app).get('/help/NO_SUCH_TOPIC');
    expect(fa.status).toBe(404);
    expect(fa.text).toContain('این موضوع راهنما ندارد');
  });

  it('lists every topic at /help', async () => {
    const r = await request(h.app).get('/help?lang=en');
    expect(r.status).toBe(200);
    for (const topic of topics) expect(r.text).toContain(`href="/help/${topic}?lang=en"`);
  });

  it('refuses a language it does not have', async () => {
    const r = await request(h.app).get('/help/ahp?lang=de');
    expect(r.status).toBe(400);
  });
});

describe('GET /api/help', () => {
  it('lists every topic with its title, with no token', async () => {
    const r = await request(h.app).get('/api/help');
    expect(r.status).toBe(200);
    expect((r.body as Array<{ topic: string }>).map((t) => t.topic)).toEqual(topics);
  });

  it('gives a page as Markdown, its figures filled in', async () => {
    const r = await request(h.app).get('/api/help/swot?lang=en');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ topic: 'swot', kind: 'concept', lang: 'en' });
    expect(r.body.markdown).not.toContain('{{');
  });

  it('answers an unknown topic with NOT_FOUND in both languages', async () => {
    const r = await request(h.app).get('/api/help/NO_SUCH_TOPIC');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('NOT_FOUND');
    expect(r.body.message.en).toContain('NO_SUCH_TOPIC');
  });
});
