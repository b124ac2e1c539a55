/**
 * The seeded copies the tests start from (tests/helpers/seeded.ts): each test gets a database
 * of its own with what the seed made, and what one test changes no other test sees.
 */
import type { DbKind } from '../helpers/db';
import { openSeededDatabase } from '../helpers/seeded';

const KINDS: readonly DbKind[] = ['pglite', 'postgres'];

describe.each(KINDS)('seeded copies (%s)', (kind) => {
  it('give each test the seed and keep what one changes from the others', async () => {
    let seeds = 0;
    const seed = async (t: Awaited<ReturnType<typeof openSeededDatabase>>['test']) => {
      seeds++;
      const made = await t.repos.tenants.create({ id: 'copy-a', name: 'نمونه' }, null);
      if (!made.ok) throw new Error(made.reason);
      return { marker: `seed ${seeds}` };
    };
    const first = await openSeededDatabase(kind, `copies-${kind}`, seed);
    const second = await openSeededDatabase(kind, `copies-${kind}`, seed);
    try {
      // Within a jest run the seed runs once: the second database is a copy, with its meta.
      expect(seeds).toBe(process.env.PLAN_TEST_RUN_DIR === undefined ? 2 : 1);
      expect(second.meta).toEqual(first.meta);
      expect((await second.test.repos.tenants.list()).map((t) => t.id)).toEqual(['copy-a']);
      // A change in one copy is not in the other.
      const more = await first.test.repos.tenants.create({ id: 'copy-b', name: 'دیگر' }, null);
      expect(more.ok).toBe(true);
      expect((await first.test.repos.tenants.list()).map((t) => t.id).sort()).toEqual([
        'copy-a',
        'copy-b',
      ]);
      expect((await second.test.repos.tenants.list()).map((t) => t.id)).toEqual(['copy-a']);
    } finally {
      await first.test.close();
      await second.test.close();
    }
  });
});
