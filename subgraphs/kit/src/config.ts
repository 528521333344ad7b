import type { JWK } from 'jose';
import { z } from 'zod';

/** One environment variable read into one field of a process's configuration. */
export class EnvVariable<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly schema: S;
  constructor(name: string, schema: S) {
    this.name = name;
    this.schema = schema;
  }
}

export const variable = <S extends z.ZodType>(name: string, schema: S) => new EnvVariable(name, schema);

/**
 * What a process reads, declared once in its `config.ts`: nested camelCase sections whose leaves name
 * their environment variable. The root `.env.example` documents every variable a spec declares (a test in
 * scripts/ holds the two together).
 */
export interface ConfigSpec {
  readonly [field: string]: EnvVariable | ConfigSpec;
}

export type Config<T extends ConfigSpec> = {
  -readonly [K in keyof T]: T[K] extends EnvVariable<infer S> ? z.output<S> : T[K] extends ConfigSpec ? Config<T[K]> : never;
};

export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Every bad variable of one process, so that an operator fixes them in one round rather than one per start. */
export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    const lines = problems.map(({ variable, message }) => `  ${variable}: ${message}`);
    super(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const NOT_SET = 'chưa đặt / not set';

/**
 * Reads a process's whole configuration in one pass and throws a ConfigError naming every missing or
 * malformed variable. An empty value counts as unset, so `NAME=` in an env file falls back to the default.
 */
export function loadConfig<T extends ConfigSpec>(spec: T, env: NodeJS.ProcessEnv = process.env): Config<T> {
  const problems: ConfigProblem[] = [];
  const read = (section: ConfigSpec): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(section).map(([field, entry]) => {
        if (!(entry instanceof EnvVariable)) return [field, read(entry)];
        const raw = env[entry.name] || undefined;
        const result = entry.schema.safeParse(raw);
        if (!result.success) {
          const message = raw === undefined ? NOT_SET : result.error.issues.map((issue) => issue.message).join('; ');
          problems.push({ variable: entry.name, message });
        }
        return [field, result.data];
      }),
    );
  const config = read(spec);
  if (problems.length > 0) throw new ConfigError(problems);
  return config as Config<T>;
}

/** Every variable a spec reads, in the order declared (a name read by two fields appears twice). */
export function declaredVariables(spec: ConfigSpec): EnvVariable[] {
  return Object.values(spec).flatMap((entry) => (entry instanceof EnvVariable ? [entry] : declaredVariables(entry)));
}

export const integer = (fallback: number, { min, max }: { min: number; max: number }) => {
  const error = `phải là số nguyên từ ${min} đến ${max} / must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(fallback);
};
export const port = (fallback: number) => integer(fallback, { min: 1, max: 65535 });
export const text = z.string();
export const host = text.default('127.0.0.1');
export const mode = z
  .enum(['production', 'development', 'test'], { error: 'phải là production, development hoặc test / must be production, development or test' })
  .default('production');
export const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, { error: 'phải là URL postgres:// / must be a postgres:// URL' });
export const httpUrl = z.url({ protocol: /^https?$/, error: 'phải là URL http(s):// / must be an http(s):// URL' });
/** A JSON Web Key as a JSON string, as the launcher passes it. */
export const jwk = z.string().transform((text, ctx) => {
  try {
    const key: unknown = JSON.parse(text);
    if (typeof key === 'object' && key !== null && typeof (key as JWK).kty === 'string') return key as JWK;
  } catch {
    // reported below, like a parsed value that is not a key
  }
  ctx.addIssue({ code: 'custom', message: 'phải là JSON Web Key dạng JSON / must be a JSON Web Key in JSON' });
  return z.NEVER;
});
