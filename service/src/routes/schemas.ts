/**
 * Request schemas of the API. They live in the core (`shared/src/api/requests.ts`), beside
 * the response schemas, so that the server parses, the OpenAPI document describes and
 * `RegisterClient` sends one shape; this module is where the routes take them from.
 */
export {
  Article71Query,
  ChangePasswordBody,
  CreateDepartmentBody,
  CreatePersonBody,
  CreateTokenBody,
  UpdatePersonBody,
  CommentBody,
  CreateCycleBody,
  CreateSubmissionBody,
  DiffQuery,
  FormatQuery,
  Id,
  MonitoringQuery,
  ProcessQuery,
  ReminderBody,
  PushBody,
  RollCycleBody,
  SubmissionQuery,
  TransitionBody,
  UpdateCycleBody,
  VersionSelector,
} from '#core';
