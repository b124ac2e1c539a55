/**
 * Monitoring of execution (contract v2): the report at a period (`report.ts`), its vocabulary
 * (`vocabulary.ts`) and the Article 71 six-monthly report made from it (`article71.ts`).
 */
export * from './article71';
export * from './report';
export * from './vocabulary';
