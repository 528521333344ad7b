import { GraphQLError } from 'graphql';

/**
 * What postgres.js and PostgreSQL say when the database cannot be reached or is going away: the socket's
 * errors, postgres.js's own connection codes, and SQLSTATE classes 08 (connection exception) and 57P
 * (operator intervention: shutdown, cannot connect now), and too many connections.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '53300',
]);
const isConnectionCode = (code: string) => CONNECTION_CODES.has(code) || code.startsWith('08') || code.startsWith('57P');

/** True when `error`, or an error it wraps (drizzle wraps the driver's in `cause`), says the database is out of reach. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && isConnectionCode(code)) return true;
    const next = (current as { cause?: unknown; originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    if (next === current) break;
    current = next;
  }
  return false;
}

export const SERVICE_UNAVAILABLE_MESSAGE =
  'Hệ thống tạm thời không kết nối được cơ sở dữ liệu; yêu cầu chưa được thực hiện. Vui lòng thử lại sau ít phút.';

export const serviceUnavailable = () => new GraphQLError(SERVICE_UNAVAILABLE_MESSAGE, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
