/**
 * Prioritisation: the priority score of a project, AHP weights from a
 * pairwise comparison matrix, and the ranked scores of a plan's projects
 * (plan-workbook.md, "Calculations").
 */
export {
  DEFAULT_SCALE_MAX,
  DEFAULT_SCALE_MIN,
  parseCriterionDirection,
  scorePriority,
} from './score';
export type { PerCriterion, PriorityError, PriorityErrorCode, PriorityScoreResult } from './score';
export {
  CONSISTENCY_LIMIT,
  RANDOM_INDEX,
  RECIPROCAL_TOLERANCE,
  checkPairwise,
  computeAhp,
  randomIndex,
} from './ahp';
export type {
  AhpFailure,
  AhpOptions,
  AhpProblem,
  AhpProblemCode,
  AhpResult,
  AhpWeights,
  PairwiseCell,
} from './ahp';
export { analysePairwiseTable, scoreProjects } from './projects';
export type {
  MissingScorePolicy,
  PairwiseAnalysis,
  ProjectScore,
  ScoreProjectsOptions,
  ScoreProjectsResult,
  ScoredCriterion,
  WeightSource,
} from './projects';
