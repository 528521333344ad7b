import type { JWK } from 'jose';
import { z } from 'zod';

/**
 * Reads the environment through a zod object schema and stops start-up with one message that names
 * every missing or malformed variable, not only the first.
 */
export function loadConfig<T extends z.ZodRawShape>(
  shape: T,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<T>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
}

export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
export const host = z.string().min(1).default('127.0.0.1');
export const mode = z.enum(['production', 'development', 'test']).default('production');
export const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');
/** A JSON Web Key as a JSON string, as the launcher passes it. */
export const jwk = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as JWK;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON Web Key in JSON' });
    return z.NEVER;
  }
});
