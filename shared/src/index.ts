/**
 * The plan core: the workbook contract, readers, validation and calculations.
 * Pure: no I/O, no clock, no Office, no DOM, no express, no Prisma.
 */
export * from './contract/enums';
export * from './contract/tables';
export * from './contract/schemas';
export * from './contract/kinds';
export * from './contract/workflow';
export * from './contract/snapshots';
export * from './contract/signatures';
export * from './contract/consultation';
export * from './findings';
export * from './money';
export * from './util/text';
export * from './util/ids';
export * from './util/json';
export * from './util/format';
export * from './util/chart';
export * from './util/language';
export * from './diff';
export * from './read/raw';
export * from './read/cells';
export * from './read/plan';
export * from './read/canonical';
export * from './read/recover';
export * from './revenue';
export * from './priority';
export * from './portfolio';
export * from './linkage';
export * from './fiscal';
export * from './fiscal/heads';
export * from './kpi';
export * from './monitor';
export * from './roll';
export * from './jalali';
export * from './validate';
export * from './template';
export * from './sample';
export * from './swot';
export * from './api';
export * from './glossary';
export * from './glossary/markdown';
export * from './help';
export * from './city';
export * from './process';
export * from './process/mail';
export * from './web/routes';
