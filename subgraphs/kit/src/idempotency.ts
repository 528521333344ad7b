import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FormattedExecutionResult, OperationDefinitionNode } from 'graphql';
import { Kind } from 'graphql';
import { tables, type Db } from '@dangvu/drizzle';
import type { RequestContext } from './context.ts';
import { isDatabaseUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from './database-unavailable.ts';
import type { ErrorCode } from './errors.ts';
import { operationHash } from './gateway-signature.ts';
import type { Identity } from './identity.ts';
import type { Logger } from './logger.ts';

const { idempotencyKeys, idempotencyAnswers } = tables;

/** How long a key is remembered; `forgetExpiredKeys` removes older ones. */
export const IDEMPOTENCY_KEY_HOURS = 24;

export interface IdempotencyOptions {
  db: Db;
  subgraph: string;
  log: Logger;
  /**
   * Root mutation fields whose answer holds a secret (an activation code, a second-factor secret, a client
   * secret): it is never written down, so a retry is told the mutation was done instead of getting it again.
   */
  withheld?: readonly string[];
  /** How long a retry waits for a first attempt still running before it is told so. */
  waitMs?: number;
}

/** Keys are the caller's own: a person's, or a partner system's. An anonymous call keeps none (docs/api.md#retries). */
function callerOf(identity: Identity): string | null {
  if (identity.partner) return `partner:${identity.partner.clientId}`;
  return identity.personId ? `person:${identity.personId}` : null;
}

const WITHHELD = { withheld: true } as const;
type StoredAnswer = FormattedExecutionResult | typeof WITHHELD;

const MESSAGES: Record<'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_KEY_IN_PROGRESS' | 'IDEMPOTENT_ANSWER_WITHHELD', string> = {
  IDEMPOTENCY_KEY_REUSED:
    'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác; mỗi yêu cầu mới cần một khóa mới. Không có gì được thay đổi.',
  IDEMPOTENCY_KEY_IN_PROGRESS:
    'Yêu cầu với khóa Idempotency-Key này đang được xử lý; hãy thử lại sau ít phút để nhận kết quả. Không có gì được thực hiện thêm.',
  IDEMPOTENT_ANSWER_WITHHELD:
    'Yêu cầu với khóa Idempotency-Key này đã được thực hiện; kết quả chứa thông tin bí mật nên không được gửi lại. Không có gì được thực hiện thêm.',
};

const response = (singleResult: FormattedExecutionResult): GraphQLResponse => ({
  http: { status: undefined, headers: new HeaderMap() },
  body: { kind: 'single', singleResult },
});

const refusal = (code: keyof typeof MESSAGES & ErrorCode) =>
  response({ data: null, errors: [{ message: MESSAGES[code], extensions: { code } }] });

const replay = (answer: StoredAnswer) => ('withheld' in answer ? refusal('IDEMPOTENT_ANSWER_WITHHELD') : response(answer));

/** Errors after which the mutation cannot be known to have done anything: the key is released for a retry. */
const RETRYABLE = new Set(['INTERNAL', 'SERVICE_UNAVAILABLE']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long an answer or a release is retried while the database is out of reach. */
const PERSIST_FOR_MS = 5 * 60_000;

/**
 * Writes an answer or a release now, or, while the database is out of reach (a mutation that failed for that
 * reason cannot release its claim either), again every half second in the background until it is back. Until
 * then retries of the call wait or are told it is in progress: a claim is never taken over, so nothing runs twice.
 * A process that dies meanwhile leaves the claim until the key expires.
 */
async function persistently(write: () => Promise<void>, failed: (error: unknown) => void): Promise<void> {
  const giveUpAt = Date.now() + PERSIST_FOR_MS;
  const attempt = async (): Promise<void> => {
    try {
      await write();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() > giveUpAt) return failed(error);
      setTimeout(() => void attempt(), 500).unref();
    }
  };
  await attempt();
}

/**
 * Makes every mutation of a subgraph safe to retry (docs/api.md#retries). Before a keyed mutation runs, its
 * call is claimed by a row inserted with ON CONFLICT DO NOTHING: exactly one of any number of identical
 * requests wins it and runs; the others wait for its answer and send that. The key's first request is
 * remembered by fingerprint across all subgraphs, so the key with another request is refused wherever it lands.
 * The answer is written after the mutation has answered, apart from its transaction: a process that dies in
 * between leaves the call claimed and unanswered, and retries are told it is in progress until the key
 * expires, rather than risk doing it twice.
 */
export function idempotencyPlugin(options: IdempotencyOptions): ApolloServerPlugin<RequestContext> {
  const { db, subgraph } = options;
  const withheld = new Set(options.withheld ?? []);
  const waitMs = options.waitMs ?? 10_000;

  const claimCall = async (caller: string, key: string, call: string) =>
    (await db.insert(idempotencyAnswers).values({ caller, key, subgraph, call }).onConflictDoNothing().returning({ call: idempotencyAnswers.call }))
      .length === 1;
  const findCall = async (caller: string, key: string, call: string) => {
    const [row] = await db
      .select({ answer: idempotencyAnswers.answer })
      .from(idempotencyAnswers)
      .where(
        and(eq(idempotencyAnswers.caller, caller), eq(idempotencyAnswers.key, key), eq(idempotencyAnswers.subgraph, subgraph), eq(idempotencyAnswers.call, call)),
      );
    return row ?? null;
  };

  type Owned = { caller: string; key: string; call: string; withhold: boolean };

  /** Null to run the mutation (with the call it now owns), or the response to send instead. */
  async function claimOrReplay(context: RequestContext, operation: OperationDefinitionNode, query: string, variables: unknown, own: (owned: Owned) => void) {
    const claim = context.idempotency;
    const caller = callerOf(context.identity);
    if (!claim || !caller || operation.operation !== 'mutation') return null;
    const { key, fingerprint } = claim;
    await db.insert(idempotencyKeys).values({ caller, key, fingerprint }).onConflictDoNothing();
    const [first] = await db
      .select({ fingerprint: idempotencyKeys.fingerprint })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.caller, caller), eq(idempotencyKeys.key, key)));
    if (first && first.fingerprint !== fingerprint) return refusal('IDEMPOTENCY_KEY_REUSED');
    const call = operationHash(query, variables);
    const withhold = operation.selectionSet.selections.some((selection) => selection.kind === Kind.FIELD && withheld.has(selection.name.value));
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (await claimCall(caller, key, call)) {
        own({ caller, key, call, withhold });
        return null;
      }
      const row = await findCall(caller, key, call);
      // Null: the first attempt failed and let go (below), so this one takes the call.
      if (row?.answer) return replay(row.answer as StoredAnswer);
      if (row && Date.now() >= deadline) return refusal('IDEMPOTENCY_KEY_IN_PROGRESS');
      if (row) await sleep(100);
    }
  }

  return {
    async requestDidStart() {
      let owned: Owned | null = null;
      return {
        async responseForOperation({ contextValue, operation, request }) {
          try {
            return await claimOrReplay(contextValue, operation, request.query ?? '', request.variables, (mine) => (owned = mine));
          } catch (error) {
            if (!isDatabaseUnavailable(error)) throw error;
            return response({ data: null, errors: [{ message: SERVICE_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
          }
        },
        async willSendResponse({ response }) {
          if (!owned) return;
          const { caller, key, call, withhold } = owned;
          const where = and(
            eq(idempotencyAnswers.caller, caller),
            eq(idempotencyAnswers.key, key),
            eq(idempotencyAnswers.subgraph, subgraph),
            eq(idempotencyAnswers.call, call),
          );
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          const failed = !result || result.errors?.some((error) => RETRYABLE.has(String(error.extensions?.code)));
          await persistently(
            async () => {
              if (failed) await db.delete(idempotencyAnswers).where(where);
              else await db.update(idempotencyAnswers).set({ answer: withhold ? WITHHELD : result }).where(where);
            },
            (error) => options.log.error('idempotent answer not recorded', { subgraph, error: String(error) }),
          );
        },
      };
    },
  };
}

/** Removes keys and answers older than IDEMPOTENCY_KEY_HOURS; each subgraph runs it from time to time. */
export async function forgetExpiredKeys(db: Db): Promise<void> {
  const cutoff = sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`;
  await db.delete(idempotencyAnswers).where(lt(idempotencyAnswers.createdAt, cutoff));
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff));
}
