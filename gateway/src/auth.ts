import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, HttpRejection, importKey, text, verifyAccessToken, type Identity } from '@dangvu/subgraph-kit';
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, type CryptoKey, type JWK } from 'jose';
import { sessionCheck, type SessionCheck, type SessionState } from './session-check.ts';

/** AUTH_PUBLIC_KEY: one JSON Web Key, or a set of them while the signing key is rotated. */
export type AccessTokenPublicKeys = JWK | { keys: JWK[] };

const isJwk = (value: unknown): value is JWK => typeof value === 'object' && value !== null && typeof (value as JWK).kty === 'string';

/** How the gateway's config reads AUTH_PUBLIC_KEY: a JWK as JSON, or a JWK set `{"keys":[…]}` as JSON. */
export const accessTokenPublicKeysVariable = text.transform((value, ctx): AccessTokenPublicKeys => {
  try {
    const parsed: unknown = JSON.parse(value);
    if (isJwk(parsed)) return parsed;
    const keys = (parsed as { keys?: unknown } | null)?.keys;
    if (Array.isArray(keys) && keys.length > 0 && keys.every(isJwk)) return { keys };
  } catch {
    // reported below, like a parsed value that is neither
  }
  ctx.addIssue({ code: 'custom', message: 'phải là JSON Web Key hoặc tập {"keys":[…]} dạng JSON / must be a JSON Web Key or a JWK set in JSON' });
  return { keys: [] };
});

/**
 * The public keys access tokens are checked with, by key id (`kid`, or the key's RFC 7638 thumbprint, which
 * the members subgraph names its key by when it has no `kid`). During a rotation the set holds the new key and
 * the old one, so tokens signed before the switch stay valid for their last minutes (docs/decisions/0008-sessions.md).
 */
export async function accessTokenKeys(value: AccessTokenPublicKeys): Promise<Map<string, CryptoKey>> {
  const jwks = 'keys' in value ? value.keys : [value];
  return new Map(await Promise.all(jwks.map(async (jwk) => [jwk.kid ?? (await calculateJwkThumbprint(jwk)), await importKey(jwk)] as const)));
}

const refused = (message: string) => new HttpRejection(401, 'UNAUTHENTICATED', message);
// Not "mã xác thực": that is the two-step code's word, and a person would look for a code to retype.
const INVALID = refused('Thông tin đăng nhập (token) không hợp lệ. Đồng chí vui lòng đăng nhập lại.');

const SESSION_REFUSALS: Record<Exclude<SessionState, 'ACTIVE'>, HttpRejection> = {
  ENDED: refused('Phiên đăng nhập đã kết thúc. Đồng chí vui lòng đăng nhập lại.'),
  GRANTS_CHANGED: refused('Chức trách của đồng chí vừa thay đổi. Đồng chí vui lòng đăng nhập lại để tiếp tục.'),
};

/** The key a token names; a token naming none (a partner's) is tried against each key held. */
function keysFor(keys: Map<string, CryptoKey>, token: string): CryptoKey[] {
  try {
    const { kid } = decodeProtectedHeader(token);
    if (kid === undefined) return [...keys.values()];
    const key = keys.get(kid);
    return key ? [key] : [];
  } catch {
    return [];
  }
}

/** What a verified token said, kept until its expiry: who, under which session, and until when. */
interface Verified {
  identity: Identity;
  sessionId: string | null;
  expiresAtMs: number;
}

/**
 * Tokens verified lately, keyed by the whole token (its signature included, so an altered token never matches).
 * A web app sends the same token with every request of its fifteen minutes; checking its Ed25519 signature
 * again each time was a fifth of the gateway's CPU on `{ me }` (docs/benchmarks.md). What the cache keeps is
 * exactly what verification established once, with the same keys (they are read at start and never change
 * within a process); expiry is checked on every use, and the session check below still runs on every request.
 */
function verifiedTokens(capacity: number, now: () => number) {
  const kept = new Map<string, Verified>();
  return {
    recall(token: string): Verified | 'expired' | null {
      const verified = kept.get(token);
      if (!verified) return null;
      if (now() >= verified.expiresAtMs) {
        kept.delete(token);
        return 'expired';
      }
      return verified;
    },
    remember(token: string, identity: Identity): Verified {
      const { sid, exp } = decodeJwt(token);
      const verified = { identity: deepFreeze(identity), sessionId: typeof sid === 'string' ? sid : null, expiresAtMs: (exp ?? 0) * 1000 };
      // A token without an expiry (none is signed so) is verified every time rather than kept for ever.
      if (exp === undefined) return verified;
      kept.set(token, verified);
      // The oldest first: a Map iterates in insertion order.
      while (kept.size > capacity) kept.delete(kept.keys().next().value!);
      return verified;
    },
  };
}

/** One identity object is handed to every request of a token, so none of them may change it for the others. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export interface CallerCheckOptions {
  keys: Map<string, CryptoKey>;
  sessions: SessionCheck;
  /** Verified tokens kept at most (the oldest go first); a token is about 600 bytes. */
  capacity?: number;
  now?: () => number;
  /** How a token's signature and claims are checked: the kit's, unless a test counts the checks. */
  verify?: typeof verifyAccessToken;
}

const EXPIRED = refused('Phiên đăng nhập đã hết hạn. Đồng chí vui lòng đăng nhập lại.');

/**
 * The caller behind a request: anonymous without an Authorization header, refused with a bad one, and refused
 * when the token's session has ended or its grants are no longer held (answered 401, so that the web app
 * refreshes or signs in again).
 */
export function callerCheck({ keys, sessions, capacity = 10_000, now = Date.now, verify = verifyAccessToken }: CallerCheckOptions) {
  const verifiedTokensCache = verifiedTokens(capacity, now);

  async function verified(token: string): Promise<Verified | HttpRejection> {
    const recalled = verifiedTokensCache.recall(token);
    if (recalled === 'expired') return EXPIRED;
    if (recalled) return recalled;
    let result: Awaited<ReturnType<typeof verifyAccessToken>> = { ok: false, reason: 'invalid' };
    for (const key of keysFor(keys, token)) {
      result = await verify(token, key);
      if (result.ok || result.reason === 'expired') break;
    }
    if (!result.ok) return result.reason === 'expired' ? EXPIRED : INVALID;
    return verifiedTokensCache.remember(token, result.identity);
  }

  return async function identify(request: IncomingMessage, requestId: string): Promise<Identity | HttpRejection> {
    const header = request.headers.authorization;
    if (header === undefined) return ANONYMOUS;
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header);
    if (!match) return refused('Thông tin xác thực không đúng định dạng (cần "Bearer <token>").');
    const token = match[1]!;
    const caller = await verified(token);
    if (caller instanceof HttpRejection) return caller;
    const { identity, sessionId } = caller;
    // Login puts a session in a person's token and a partner's token names its client as its session; a token
    // without one can only be signed outside both, with the private key (docs/decisions/0008-sessions.md).
    if (!sessionId) return identity;
    try {
      const state = await sessions.state(token, sessionId, identity, requestId);
      return state === 'ACTIVE' ? identity : SESSION_REFUSALS[state];
    } catch {
      return new HttpRejection(503, 'INTERNAL', 'Hệ thống tạm thời chưa kiểm tra được phiên đăng nhập. Vui lòng thử lại sau ít phút.');
    }
  };
}

/** The gateway's caller check from its configuration: its token keys, and the members subgraph it asks about sessions. */
export async function gatewayCallers(
  config: { keys: { authPublicKey: AccessTokenPublicKeys }; subgraphs: { urls: { members: string } } },
  gatewayPrivateKey: CryptoKey,
) {
  return callerCheck({
    keys: await accessTokenKeys(config.keys.authPublicKey),
    sessions: sessionCheck({ membersUrl: config.subgraphs.urls.members, privateKey: gatewayPrivateKey }),
  });
}
