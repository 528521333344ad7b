// Node built-ins only: web/server.js imports this module too (docs/operations.md#credential-attempts).

/** Attempts at a credential check allowed in any window of `windowSeconds`, per client address and per account. */
export interface AttemptLimits {
  perAddress: number;
  perAccount: number;
  windowSeconds: number;
}

/**
 * The defaults, and the variables that change them (read by the gateway's config and by the web server).
 * Per account the bound is the one that stops guessing; per address it is wider, since one office or one
 * mobile operator's NAT puts many honest members behind one address.
 */
export const ATTEMPT_LIMITS = {
  perAddress: { variable: 'CREDENTIAL_ATTEMPTS_PER_ADDRESS', fallback: 30, min: 1, max: 100_000 },
  perAccount: { variable: 'CREDENTIAL_ATTEMPTS_PER_ACCOUNT', fallback: 10, min: 1, max: 100_000 },
  windowSeconds: { variable: 'CREDENTIAL_ATTEMPTS_WINDOW_SECONDS', fallback: 900, min: 1, max: 86_400 },
} as const satisfies Record<keyof AttemptLimits, { variable: string; fallback: number; min: number; max: number }>;

/** The code of the refusal, in the gateway's errors and the web server's answers alike. */
export const TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS';

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Đồng chí đã thử quá nhiều lần. Vui lòng thử lại sau ${minutes} phút nữa.`;
}

/**
 * A sliding log per key: the times of the attempts in the last window, at most `limit` of them, since an
 * attempt refused is not recorded. Keys are kept in the order of their last attempt, so the stale ones are
 * dropped from the front; past `maxKeys` the least recently used is dropped too (its count is lost: that
 * takes more distinct clients or accounts in one window than the bound, see docs/operations.md).
 */
export class SlidingWindow {
  private readonly attempts = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;

  constructor(limit: number, windowMs: number, maxKeys = 100_000) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
  }

  /** Milliseconds until `key` may make another attempt: 0 when it may now. */
  wait(key: string, now: number): number {
    const times = this.live(key, now);
    return times.length < this.limit ? 0 : times[0]! + this.windowMs - now;
  }

  record(key: string, now: number): void {
    const times = this.live(key, now);
    times.push(now);
    this.attempts.delete(key);
    this.attempts.set(key, times);
    for (const [stale, kept] of this.attempts) {
      if (this.attempts.size <= this.maxKeys && kept.at(-1)! > now - this.windowMs) break;
      this.attempts.delete(stale);
    }
  }

  private live(key: string, now: number): number[] {
    const times = this.attempts.get(key) ?? [];
    while (times.length > 0 && times[0]! <= now - this.windowMs) times.shift();
    return times;
  }
}

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The limits of one process: an attempt counts against its client's address and, when known, its account. */
export class CredentialThrottle {
  private readonly byAddress: SlidingWindow;
  private readonly byAccount: SlidingWindow;

  constructor(limits: AttemptLimits) {
    this.byAddress = new SlidingWindow(limits.perAddress, limits.windowSeconds * 1000);
    this.byAccount = new SlidingWindow(limits.perAccount, limits.windowSeconds * 1000);
  }

  /** Records the attempt when both limits allow it; a refused attempt is not counted. */
  attempt(from: { address: string; account: string | null }, now = Date.now()): AttemptVerdict {
    const wait = Math.max(this.byAddress.wait(from.address, now), from.account === null ? 0 : this.byAccount.wait(from.account, now));
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
    this.byAddress.record(from.address, now);
    if (from.account !== null) this.byAccount.record(from.account, now);
    return { allowed: true };
  }
}

/** One account however its username is typed: the limit must not be sidestepped by case or spaces. */
export const accountKey = (kind: 'account' | 'partner' | 'person', name: string) => `${kind}:${name.trim().toLowerCase()}`;
