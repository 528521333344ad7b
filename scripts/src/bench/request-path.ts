import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { writeHeapSnapshot } from 'node:v8';
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { migrateDatabase, serviceDatabaseUrl } from '@dangvu/drizzle';
import { testServicePasswords, withDatabase } from '@dangvu/drizzle/testing';
import { startTestPlatform } from '../../../gateway/src/testing/platform.ts';
import postgres from 'postgres';
import { cpuMsOf } from './processes.ts';
import { CELL_LIST, CELL_LIST_WITH_PHONES, HOME_PAGE, ME } from './operations.ts';

/**
 * The whole request path in one process (the four subgraphs and the gateway of the test platform, on a
 * throw-away database of TEST_DATABASE_URL with the demo data), loaded through the gateway: CPU per request
 * of this process and of its PostgreSQL backends, SQL statements per request, and memory round by round
 * (under `node --expose-gc`, also the heap that survives a full collection: what a leak would grow).
 * `--profile FILE` writes a CPU profile of the measured rounds alone (not the start-up or the seed), which
 * profile-summary.ts reads; `--snapshots DIR` writes heap snapshots after the warm-up and at the end.
 *
 *   TEST_DATABASE_URL=postgres://… node scripts/src/bench/request-path.ts --operation list --rounds 6
 */
const OPERATIONS = { me: ME, home: HOME_PAGE, list: CELL_LIST, phones: CELL_LIST_WITH_PHONES } as const;
const { values } = parseArgs({
  options: {
    operation: { type: 'string', default: 'list' },
    rounds: { type: 'string', default: '6' },
    requests: { type: 'string', default: '300' },
    connections: { type: 'string', default: '8' },
    members: { type: 'string', default: '2000' },
    snapshots: { type: 'string' },
    profile: { type: 'string' },
  },
});
const operation = values.operation as keyof typeof OPERATIONS;
const query = OPERATIONS[operation];
if (!query) throw new Error(`--operation is one of ${Object.keys(OPERATIONS).join(', ')}`);
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error('TEST_DATABASE_URL names the PostgreSQL server to make a throw-away database on');
const [rounds, perRound, connections] = [Number(values.rounds), Number(values.requests), Number(values.connections)];

const name = `dangvu_path_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE "${name}"`);
const url = withDatabase(adminUrl, name);
const passwords = testServicePasswords(adminUrl);
await migrateDatabase(url, { servicePasswords: passwords });
const drop = async () => {
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
};
const platform = await startTestPlatform({
  members: Number(values.members),
  database: { url, serviceUrl: (service) => serviceDatabaseUrl(url, service, passwords[service]), drop },
});

async function post(body: string, headers: Record<string, string>, agent?: Agent): Promise<string> {
  return new Promise((done, fail) => {
    const call = request(platform.gatewayUrl, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if (response.statusCode !== 200 || text.includes('"errors"')) fail(new Error(`${response.statusCode}: ${text.slice(0, 400)}`));
        else done(text);
      });
    });
    call.once('error', fail);
    call.end(body);
  });
}

try {
  const role = operation === 'list' || operation === 'phones' ? 'SECRETARY' : 'MEMBER';
  const account = platform.accounts.find((a) => a.role === role)!;
  const login = JSON.parse(
    await post(JSON.stringify({ query: 'mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }', variables: { u: account.username, p: account.password } }), {}),
  ) as { data: { login: { token: string } } };
  const headers = { authorization: `Bearer ${login.data.login.token}` };
  const body = JSON.stringify({ query });
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const sample = JSON.parse(await post(body, headers, agent)) as { data: { me: { organization?: { members?: unknown[] } } } };
  const listed = sample.data.me.organization?.members?.length;

  const round = async () => {
    let next = 0;
    await Promise.all(Array.from({ length: connections }, async () => {
      while (next++ < perRound) await post(body, headers, agent);
    }));
  };
  await round(); // warm-up: JIT, plans, pools
  if (values.snapshots) writeHeapSnapshot(`${values.snapshots}/${operation}-after-warmup.heapsnapshot`);
  const backends = async () => {
    const rows = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
    return Object.fromEntries(rows.map(({ pid }) => [`pg${pid}`, pid]));
  };
  const profiler = values.profile ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  console.log(`${operation}${listed === undefined ? '' : ` (${listed} members listed)`}: ${rounds} rounds of ${perRound}, ${connections} connections`);
  const gc = (globalThis as { gc?: () => void }).gc;
  console.log('| round | process µs/request | PostgreSQL µs/request | statements/request | rss MB | heap used MB | heap after full GC MB | req/s (indicative) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (let i = 1; i <= rounds; i++) {
    const pg = await backends();
    const before = cpuMsOf({ self: process.pid, ...pg });
    const statements = platform.queries.count;
    const started = performance.now();
    await round();
    const seconds = (performance.now() - started) / 1000;
    const after = cpuMsOf({ self: process.pid, ...pg });
    const pgMs = Object.keys(pg).reduce((sum, key) => sum + after[key]! - before[key]!, 0);
    const memory = process.memoryUsage();
    gc?.();
    const retained = gc ? (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0) : '–';
    console.log(
      `| ${i} | ${(((after.self! - before.self!) * 1000) / perRound).toFixed(0)} | ${((pgMs * 1000) / perRound).toFixed(0)} | ${((platform.queries.count - statements) / perRound).toFixed(1)} | ${(memory.rss / 2 ** 20).toFixed(0)} | ${(memory.heapUsed / 2 ** 20).toFixed(0)} | ${retained} | ${(perRound / seconds).toFixed(0)} |`,
    );
  }
  if (profiler) writeFileSync(values.profile!, JSON.stringify((await profiler.post('Profiler.stop')).profile));
  if (values.snapshots) writeHeapSnapshot(`${values.snapshots}/${operation}-end.heapsnapshot`);
  agent.destroy();
} finally {
  await platform.stop();
}
