import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from './database-unavailable.ts';
import type { Logger } from './logger.ts';
import { isMalformedDatabaseInput, MALFORMED_INPUT_MESSAGE } from './malformed-database-input.ts';

/** The one vocabulary of thrown errors (docs/architecture.md#errors); user-fixable outcomes are `userErrors` instead. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INTERNAL'
  // The database or a subgraph cannot be reached: nothing was done, try again later (docs/reliability.md).
  | 'SERVICE_UNAVAILABLE'
  // A retry key used with another request, a first attempt still running, an answer not kept (docs/api.md#retries).
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_KEY_IN_PROGRESS'
  | 'IDEMPOTENT_ANSWER_WITHHELD';

export function appError(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

export const forbidden = () => appError('FORBIDDEN', 'Đồng chí không có quyền thực hiện thao tác này.');
export const unauthenticated = () => appError('UNAUTHENTICATED', 'Đồng chí chưa đăng nhập: hãy đăng nhập để tiếp tục.');
export const notFound = (what: string) => appError('NOT_FOUND', `Không tìm thấy ${what}.`);

/** Codes a client may see as they are: ours, and the ones Apollo gives to a malformed request. */
const PASS_THROUGH = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_IN_PROGRESS',
  'IDEMPOTENT_ANSWER_WITHHELD',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export function internalError(requestId: string): GraphQLFormattedError {
  return {
    message: `Đã có lỗi hệ thống. Vui lòng thử lại sau hoặc báo mã yêu cầu ${requestId} cho bộ phận hỗ trợ.`,
    extensions: { code: 'INTERNAL', requestId },
  };
}

/**
 * Drops what a client must never see: stack traces, and any message of an error we did not expect. A
 * database out of reach is said as such (SERVICE_UNAVAILABLE), so that a client knows to retry; an input the
 * database refused as malformed as BAD_USER_INPUT (malformed-database-input.ts).
 */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  if (isDatabaseUnavailable(error)) {
    return { message: SERVICE_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' }, ...(formatted.path ? { path: formatted.path } : {}) };
  }
  if (isMalformedDatabaseInput(error)) {
    return { message: MALFORMED_INPUT_MESSAGE, extensions: { code: 'BAD_USER_INPUT' }, ...(formatted.path ? { path: formatted.path } : {}) };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: 'INTERNAL', extensions: { code: 'INTERNAL' } };
}

/**
 * Logs each unexpected error once with the request id, and gives the client only that id to quote.
 * Works with `formatError` above, which has already emptied such errors.
 */
export function errorMaskingPlugin<C extends { requestId: string }>(log: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (typeof code === 'string' && PASS_THROUGH.has(code)) continue;
            if (isDatabaseUnavailable(error)) {
              log.error('database unavailable', { requestId: contextValue.requestId, error: error.message });
              continue;
            }
            if (isMalformedDatabaseInput(error)) {
              log.warn('input reached the database unchecked', { requestId: contextValue.requestId, path: error.path?.join('.'), error: error.message });
              continue;
            }
            log.error('unexpected error', {
              requestId: contextValue.requestId,
              error: error.originalError?.stack ?? error.stack ?? error.message,
            });
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            error.extensions?.code === 'INTERNAL' && !error.extensions.requestId
              ? { ...internalError(contextValue.requestId), path: error.path }
              : error,
          );
        },
      };
    },
  };
}
