/**
 * Budget linkage: from upstream documents and goals down to budget lines,
 * with KPIs, funding sources and money at each level, and the coverage of the
 * plan (what has no program, no money, no strategy, no KPI, no source).
 */
export type {
  BreakReason,
  ChainBreak,
  LinkIndex,
  LinkItemKind,
  LinkKpi,
  LinkLevel,
  LinkNode,
  LinkRef,
} from './graph';
export { EXCLUDED_PROJECT_STATUSES, LINK_LEVELS, indexPlanLinks } from './graph';
export type {
  ChainIds,
  ChainQuery,
  FormatChainOptions,
  LinkChain,
  LinkLabel,
  ResolveOptions,
} from './chain';
export {
  CHAIN_SEPARATOR,
  chainLevel,
  chainLevelNodes,
  chainPath,
  formatChain,
  resolveChain,
  resolveChainIds,
} from './chain';
export type {
  CoverageCheck,
  CoverageReport,
  CoverageTotals,
  CoverageSkip,
  SourcelessItem,
  UnlinkedMoney,
  YearTotals,
} from './coverage';
export { coverageReport } from './coverage';
