import { GATEWAY_SIGNATURE_HEADER, SESSION_STATE_FIELD, signSubgraphCall, type Identity } from '@dangvu/subgraph-kit';
import type { CryptoKey } from 'jose';

/** What the members subgraph says of a token's session (its SDL's SessionState). */
export type SessionState = 'ACTIVE' | 'ENDED' | 'GRANTS_CHANGED';

/** An open session is asked about again after this long: an ended one is refused within it. */
export const SESSION_CHECK_SECONDS = 5;
/** An access token's whole life: past it, what was learnt of its session no longer matters. */
const TOKEN_LIFE_MS = 15 * 60 * 1000;
const QUERY = `query SessionState($id: ID!) { ${SESSION_STATE_FIELD}(id: $id) }`;

export interface SessionCheckOptions {
  /** The members subgraph's GraphQL URL. */
  membersUrl: string;
  /** The gateway's signing key: the question is a signed subgraph call like any other. */
  privateKey: CryptoKey;
  /** Answers kept at most; the oldest go first. */
  capacity?: number;
  now?: () => number;
}

/**
 * Whether a token's session may still be used (docs/decisions/0008-sessions.md). The gateway holds no database:
 * it asks the members subgraph, in a call signed for the token's own person, and keeps each answer a few
 * seconds. An ended session stays ended, so that answer is kept for a token's life, for every token of it.
 * Concurrent requests with one token share one question.
 */
export function sessionCheck({ membersUrl, privateKey, capacity = 10_000, now = Date.now }: SessionCheckOptions) {
  const answers = new Map<string, { state: Promise<SessionState>; until: number }>();

  const remember = (key: string, state: Promise<SessionState>, forMs: number) => {
    answers.delete(key);
    answers.set(key, { state, until: now() + forMs });
    while (answers.size > capacity) answers.delete(answers.keys().next().value!);
  };
  const recalled = (key: string) => {
    const answer = answers.get(key);
    if (answer && answer.until > now()) return answer.state;
    answers.delete(key);
    return null;
  };

  async function ask(sessionId: string, identity: Identity, requestId: string): Promise<SessionState> {
    const variables = { id: sessionId };
    const signature = await signSubgraphCall({ subgraph: 'members', identity, requestId, query: QUERY, variables }, privateKey);
    const response = await fetch(membersUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_SIGNATURE_HEADER]: signature },
      body: JSON.stringify({ query: QUERY, variables }),
      signal: AbortSignal.timeout(2_000),
    });
    const body = (await response.json()) as { data?: Record<string, SessionState | undefined> | null };
    const state = body.data?.[SESSION_STATE_FIELD];
    if (!response.ok || !state) throw new Error(`members answered the session check with ${response.status}`);
    return state;
  }

  return {
    /** The state of session `sessionId` for `token`, which carries `identity`. Rejects when the members subgraph cannot say. */
    state(token: string, sessionId: string, identity: Identity, requestId: string): Promise<SessionState> {
      const ended = recalled(`sid:${sessionId}`);
      if (ended) return ended;
      const known = recalled(token);
      if (known) return known;
      const asked = ask(sessionId, identity, requestId);
      remember(token, asked, SESSION_CHECK_SECONDS * 1000);
      asked.then(
        (state) => {
          if (state === 'ENDED') remember(`sid:${sessionId}`, asked, TOKEN_LIFE_MS);
          // A token whose grants changed stays stale: its holder needs a new one.
          else if (state === 'GRANTS_CHANGED') remember(token, asked, TOKEN_LIFE_MS);
        },
        () => answers.delete(token),
      );
      return asked;
    },
  };
}

export type SessionCheck = ReturnType<typeof sessionCheck>;
