export { ACCESS_TOKEN_SECONDS, SESSION_STATE_FIELD, signAccessToken, verifyAccessToken, type AccessTokenResult } from './access-token.ts';
export {
  ConfigError,
  declaredVariables,
  EnvVariable,
  host,
  httpUrl,
  integer,
  jwk,
  loadConfig,
  mode,
  port,
  postgresUrl,
  text,
  variable,
  type Config,
  type ConfigProblem,
  type ConfigSpec,
} from './config.ts';
export { DEFAULT_PORTS, graphqlUrl, perSubgraph, portVariable, SUBGRAPH_NAMES, subgraphUrlVariable, type ProcessName, type SubgraphName } from './platform.ts';
export { loadSubgraphConfig, subgraphConfig, type SubgraphConfig, type SubgraphConfigSpec, type SubgraphExtras } from './subgraph-config.ts';
export type { RequestContext } from './context.ts';
export { appError, errorMaskingPlugin, forbidden, formatError, internalError, notFound, unauthenticated, type ErrorCode } from './errors.ts';
export { GATEWAY_SIGNATURE_HEADER, operationHash, signSubgraphCall, verifySubgraphCall, type SignedCall } from './gateway-signature.ts';
export { IDEMPOTENCY_HEADER, isIdempotencyKey, requestFingerprint, type IdempotencyClaim } from './idempotency-claim.ts';
export { forgetExpiredKeys, IDEMPOTENCY_KEY_HOURS } from './idempotency.ts';
export { DRAIN_MS, graphqlHttpHandler, HttpRejection, listen, sendJson, type JsonBody, type RunningServer } from './http.ts';
export { ANONYMOUS, hasRoleOver as grantsReach, ROLES, withinSubtree, type Identity, type Role, type RoleGrant } from './identity.ts';
export { generateSigningKeys, importKey, SIGNING_ALG, type KeyPairJwk } from './keys.ts';
export { consoleLogger, silentLogger, type Logger } from './logger.ts';
export { isAuthenticated, isPerson, permissions } from './shield.ts';
export { buildSchema, createSubgraph, type RunningSubgraph, type SubgraphDefinition, type SubgraphOptions } from './subgraph-server.ts';
export { runSubgraph, SHUTDOWN_MS } from './run-subgraph.ts';
export { groupLoader, rowLoader } from './loaders.ts';
export { isAnyOf } from './prepared.ts';
export { DateScalar, DateTimeScalar, MoneyScalar, YearMonthScalar } from './scalars.ts';
export {
  addDays,
  cachedWorkingCalendar,
  calendarRepository,
  createWorkingCalendar,
  FIRST_YEAR,
  isCalendarDay,
  LAST_YEAR,
  lunarNewYear,
  lunarToSolar,
  numericDay,
  publicHolidays,
  vietnamDay,
  weekday,
  type CachedWorkingCalendar,
  type CalendarAdjustment,
  type CalendarAdjustmentRow,
  type CalendarRepository,
  type NewCalendarAdjustment,
  type PublicHoliday,
  type WorkingCalendar,
} from './calendar/index.ts';
export { isUuid, parseId } from './ids.ts';
export { canonical, entryHash, type AuditEntryInput } from './audit-chain.ts';
export { auditLog, verifyAuditChain, type AuditLog, type ChainHead, type ChainProblem, type ChainVerification } from './audit.repository.ts';
export { auditor, type AuditFact, type Auditor } from './auditor.ts';
export { createStore, fakeStore, type Executor, type Store } from './store.ts';
export { definePolicy, viewerCanResolvers, type Ability, type Policy } from './policy.ts';
export type { UserError } from './user-error.ts';
export { drainOutbox, MalformedEventError, publish, runOutboxConsumer, type DrainOptions, type OutboxConsumer, type OutboxEvent } from './outbox.ts';
export {
  defineConsumer,
  defineEvents,
  orgPathField,
  publishEvent,
  type ConsumerDefinition,
  type DomainEvent,
  type EventPayload,
  type EventRegistry,
  type Topic,
} from './events.ts';
export { memberEvents, type MemberEvents } from './member-events.ts';
export { actingFor, ON_BEHALF_ROLES, onBehalfConsentError, type Acting } from './on-behalf.ts';
export {
  availableActions,
  defineMachine,
  transition,
  type ActionDefinition,
  type Machine,
  type MachineDefinition,
  type Refusal,
  type Transition,
} from './state-machine/machine.ts';
export { holdsAny, type Relation } from './state-machine/relation.ts';
export { expandMachineTable, type MachineTable, type Outcome } from './state-machine/machine-table.ts';
export { defineJob, type AnyJob, type JobContext, type JobDefinition, type StepResult } from './jobs/job.ts';
export { runJob, type JobOutcome, type JobProgress, type RunJobOptions } from './jobs/run-job.ts';
export { startJobScheduler, type JobScheduler, type SchedulerOptions } from './jobs/scheduler.ts';
export { daily, describeSchedule, lastDue, monthly, nextDue, type Schedule } from './jobs/schedule.ts';
export {
  addMonths,
  checkedMonth,
  freezeSchedule,
  isYearMonth,
  monthEnd,
  monthFrozenAt,
  monthlyFiguresJob,
  monthlyFiguresLoader,
  rate,
  reportFreezeDayVariable,
  type FigureState,
  type FiguresSource,
} from './reports.ts';
export { figuresTable, underPaths, type FiguresTableSpec, type GroupsOf } from './figures-table.ts';
export { jobRunsRepository, type JobRun } from './jobs/jobs.repository.ts';
export {
  newSigningKey,
  openSigningKey,
  personSigner,
  publicKeyFrom,
  sealer,
  signatureIsValid,
  signHash,
  type NewSigningKey,
  type PersonSignature,
  type PersonSigner,
  type Sealer,
  type SigningKeyStore,
} from './signing.ts';
export { checkFileType, FILE_TYPES, type FileType, type FileTypeCheck } from './uploads/file-type.ts';
export { inflateEntry, readZipDirectory, ZIP_LIMITS } from './uploads/zip-guard.ts';
export { CHUNK_BYTES, uploadRepository, type UploadRepository, type UploadRow, type UploadTables } from './uploads/upload.repository.ts';
export { parseCsv, parseXlsx, type Sheet } from './uploads/sheet.parser.ts';
export { HOOK_NAME, hookCallDocument, hookCallVariables, MAX_HOOK_BYTES, readHookBody, type HookAnswer, type HookRequest } from './hooks.ts';
export {
  defineUploads,
  UPLOAD_WINDOW_MS,
  uploadCallDocument,
  uploadCallVariables,
  type StartUploadInput,
  type UploadAnswer,
  type UploadPurpose,
  type UploadRepos,
  type Uploads,
} from './uploads/uploads.ts';
