export interface Grant {
  role: string;
  orgId: string;
}

/**
 * The role grants a token carries, read without verifying it: only to decide what the page offers. The
 * gateway verifies the token and the subgraphs decide; a forged token here gains nothing.
 */
export function grantsOf(token: string | null): Grant[] {
  if (!token) return [];
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { grants?: Grant[] };
    return Array.isArray(payload.grants) ? payload.grants : [];
  } catch {
    return [];
  }
}
