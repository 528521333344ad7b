import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredVariables, type ConfigSpec, type EnvVariable } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { gatewayConfig } from '../../gateway/src/config.ts';
import { duesConfig } from '../../subgraphs/dues/src/config.ts';
import { membersConfig } from '../../subgraphs/members/src/config.ts';
import { organizationConfig } from '../../subgraphs/organization/src/config.ts';
import { transfersConfig } from '../../subgraphs/transfers/src/config.ts';
import { databaseConfig, DATA_DIR, ROOT, startConfig } from '../src/config.ts';

/** Each process's config module: what it declares is what .env.example must document. */
const SPECS: Record<string, ConfigSpec> = {
  organization: organizationConfig.variables,
  members: membersConfig.variables,
  dues: duesConfig.variables,
  transfers: transfersConfig.variables,
  gateway: gatewayConfig,
  'npm start': startConfig,
  'npm run seed, job, audit:verify': databaseConfig(DATA_DIR),
};

/** Read without a config module: each is documented too, and the file named must still read it. */
const READ_ELSEWHERE: Record<string, string> = {
  PORT: 'web/server.js',
  TRUST_PROXY_PROTOCOL: 'web/server.js',
  WEB_TRUSTED_PROXIES: 'web/server.js',
  GATEWAY_URL: 'web/src/env.ts',
  ORIGIN: 'web/vite.config.ts',
  TEST_DATABASE_URL: 'drizzle/src/testing/global-setup.ts',
  CHROMIUM_PATH: 'web/tests/e2e/browser.ts',
  BENCH_MEMBERS: 'gateway/bench/profile.bench.ts',
  UPDATE_PERMISSION_MATRIX: 'gateway/test/permission-matrix.e2e.test.ts',
};

const lines = readFileSync(join(ROOT, '.env.example'), 'utf8').split('\n');
/** `#NAME=value` (or `NAME=value`) documents a variable; prose comments start with "# ". */
const entries = lines.flatMap((line, index) => {
  const match = /^#?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
  return match ? [{ name: match[1]!, value: match[2]!, before: lines[index - 1] ?? '' }] : [];
});
const declared: EnvVariable[] = Object.values(SPECS).flatMap((spec) => declaredVariables(spec));

describe('.env.example', () => {
  it('lists exactly the variables the config modules declare, and those read elsewhere', () => {
    const expected = new Set([...declared.map(({ name }) => name), ...Object.keys(READ_ELSEWHERE)]);
    expect(entries.map(({ name }) => name).sort()).toEqual([...expected].sort());
  });

  it('lists each variable once, under a line that says what it is for', () => {
    const names = entries.map(({ name }) => name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    expect(entries.filter(({ before }) => !before.startsWith('# ')).map(({ name }) => name)).toEqual([]);
  });

  it('shows each default as the config modules apply it', () => {
    const wrong = entries.flatMap(({ name, value }) =>
      declared
        .filter((variable) => variable.name === name && value !== '')
        .map((variable) => ({ name, shown: value, applied: String(variable.schema.safeParse(undefined).data) }))
        .filter(({ shown, applied }) => shown !== applied),
    );
    expect(wrong).toEqual([]);
  });

  it('excuses only variables that the named files still read', () => {
    const stale = Object.entries(READ_ELSEWHERE).filter(([name, file]) => !new RegExp(`\\b${name}\\b`).test(readFileSync(join(ROOT, file), 'utf8')));
    expect(stale).toEqual([]);
  });
});
