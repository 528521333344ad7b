import type { IncomingMessage } from 'node:http';
import { HttpRejection, type Identity, type JsonBody } from '@dangvu/subgraph-kit';
import { addressBucket, clientAddress, trustedProxies } from './client-address.ts';
import { credentialRequest } from './credential-checks.ts';
import { CredentialThrottle, TOO_MANY_ATTEMPTS, tooManyAttemptsMessage, type AttemptLimits } from './credential-throttle.ts';

const REFUSALS = {
  ONE_CREDENTIAL_CHECK_PER_REQUEST: 'Mỗi yêu cầu chỉ được đăng nhập hoặc kiểm tra mật khẩu một lần.',
  NO_CREDENTIAL_CHECK_IN_BATCH: 'Không được đăng nhập hay kiểm tra mật khẩu trong một yêu cầu gộp nhiều thao tác.',
} as const;

export interface CredentialGuardOptions {
  limits: AttemptLimits;
  /** Peers whose X-Forwarded-For names the client (the web server, a load balancer). */
  trustedProxies: readonly string[];
}

/**
 * Refuses, before anything reaches a subgraph, a request that asks for more than one credential check or for
 * one in a batch (400), and an attempt past its client's or its account's limit (429 with Retry-After).
 * The counts live in this process (docs/operations.md#credential-attempts).
 */
export function credentialGuard(options: CredentialGuardOptions) {
  const throttle = new CredentialThrottle(options.limits);
  const trusted = trustedProxies(options.trustedProxies);
  return (request: IncomingMessage, body: JsonBody | undefined, identity: Identity): HttpRejection | null => {
    const asked = credentialRequest(body, identity);
    if (asked.kind === 'none') return null;
    if (asked.kind === 'refused') return new HttpRejection(400, asked.code, REFUSALS[asked.code]);
    const address = addressBucket(clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trusted));
    const verdict = throttle.attempt({ address, account: asked.account });
    if (verdict.allowed) return null;
    const wait = String(verdict.retryAfterSeconds);
    return new HttpRejection(429, TOO_MANY_ATTEMPTS, tooManyAttemptsMessage(verdict.retryAfterSeconds), { 'retry-after': wait });
  };
}
