import type { RequestContext } from '@dangvu/subgraph-kit';
import type { MemberLoaders } from './member.loaders.ts';
import type { MemberRow } from './member.repository.ts';

/** How long a request's caller is remembered: longer than any one request's fetches take, short beside a transfer. */
const KEPT_MS = 10_000;
/** Bounds the memory whatever the request rate. */
const MOST = 20_000;

/**
 * The caller's own record for the fetches of one client request. The member's home page calls this subgraph
 * twice: `me`, then the organization's officers, which wait for the organization subgraph's `path`
 * (`@requires`) and whose rule asks where the caller's own organization lies. Each call has a context of its
 * own, so the second read the caller's row again. The gateway signs into every call its request id, one random
 * id per client request (`rid`, subgraphs/kit/src/gateway-signature.ts): keyed by it and the person, the second
 * call reuses what the first read a moment before, as one call's loaders would, and no other request does.
 */
export function callerOrganizations() {
  const seen = new Map<string, { orgPath: string; at: number }>();
  const forget = (now: number) => {
    for (const [key, entry] of seen) {
      if (seen.size <= MOST && now - entry.at < KEPT_MS) break;
      seen.delete(key);
    }
  };
  /** The caller of one call: their record (through the call's loaders) and their organization's path. */
  return (context: RequestContext, loaders: MemberLoaders) => {
    const personId = context.identity.personId;
    const key = `${context.requestId}/${personId}`;
    const record = async (): Promise<MemberRow | null> => {
      if (!personId) return null;
      const row = await loaders.byId.load(personId);
      if (row) {
        const now = Date.now();
        seen.set(key, { orgPath: row.orgPath, at: now });
        forget(now);
      }
      return row;
    };
    return {
      record,
      async orgPath(): Promise<string | null> {
        const entry = seen.get(key);
        if (entry && Date.now() - entry.at < KEPT_MS) return entry.orgPath;
        return (await record())?.orgPath ?? null;
      },
    };
  };
}

export type Caller = ReturnType<ReturnType<typeof callerOrganizations>>;
