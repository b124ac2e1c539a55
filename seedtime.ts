import pino from 'pino';
import { testConfig } from './service/src/config';
import { seedSample } from './service/src/handlers/seed';
import { openTestDatabase } from './tests/helpers/db';
(async () => {
  const test = await openTestDatabase('pglite');
  const t0 = Date.now();
  await seedSample({ repos: test.repos, config: testConfig(), logger: pino({ level: 'silent' }), databaseKind: 'pglite' }, { tenantId: 'sample', tokenDir: null });
  console.log('seed ms', Date.now() - t0);
  await test.close();
})();
