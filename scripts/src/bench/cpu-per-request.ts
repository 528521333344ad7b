import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrateDatabase, serviceDatabaseUrl } from '@dangvu/drizzle';
import { seedDemoData } from '@dangvu/drizzle/seed';
import { testServicePasswords, withDatabase } from '@dangvu/drizzle/testing';
import { GATEWAY_SIGNATURE_HEADER, generateSigningKeys, importKey, signSubgraphCall } from '@dangvu/subgraph-kit';
import postgres from 'postgres';
import { ROOT } from '../config.ts';
import { cpuMsOf } from './processes.ts';

/**
 * CPU per request of the members subgraph beside the bare Apollo subgraph, each read from its own process's
 * /proc (and its PostgreSQL backends'), with several builds of the repository served at once and measured
 * round by round in alternation, so that every build meets the same contention of a shared machine. Throughput
 * on such a machine says little (docs/benchmarks.md); CPU per request of one process changes only with its code.
 *
 *   TEST_DATABASE_URL=postgres://… node scripts/src/bench/cpu-per-request.ts --build /tmp/old --build .
 *   … --as bithu.demo --query '{ me { organization { members { id fullName } } } }'
 *
 * Each build is a checkout holding scripts/src/bench/members-server.ts; `--cpu-prof DIR` profiles the members
 * subgraphs (`node --cpu-prof`), written when they stop. The database is a throw-away one, dropped at the end.
 */
const { values } = parseArgs({
  options: {
    build: { type: 'string', multiple: true, default: ['.'] },
    rounds: { type: 'string', default: '8' },
    requests: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '8' },
    query: { type: 'string', default: '{ me { id fullName } }' },
    members: { type: 'string', default: '2000' },
    /** Whose call: a demo account's username (its member and its open role grants, as the gateway would sign them). */
    as: { type: 'string', default: 'dangvien.demo' },
    'cpu-prof': { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const perRound = Number(values.requests);
const connections = Number(values.connections);
const query = values.query;
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error('TEST_DATABASE_URL names the PostgreSQL server to make a throw-away database on');

interface Server {
  name: string;
  child: ChildProcess;
  url: URL;
  /** The headers of `count` requests, made before they are sent (a signature is used once and lives 60 s). */
  headers(count: number): Promise<Record<string, string>[]>;
  cpuUs: number[];
  pgUs: number[];
  rps: number[];
}

function serve(name: string, script: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, [...nodeArgs, script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const listening = /listening (\S+)/.exec(chunk.toString());
      if (listening) done({ child, url: new URL(listening[1]!) });
    });
    child.once('exit', (code) => fail(new Error(`${name} stopped (exit ${code})`)));
  });
}

/** `count` requests over `connections` kept-alive connections, each connection a closed loop. */
async function load(server: Server, count: number): Promise<number> {
  const headers = await server.headers(count);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const body = JSON.stringify({ query });
  let next = 0;
  let failures = 0;
  const one = (i: number) =>
    new Promise<void>((done, fail) => {
      const call = request(server.url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers[i] } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (response.statusCode !== 200 || text.includes('"errors"')) {
            if (failures++ === 0) console.error(`${server.name}: ${text.slice(0, 300)}`);
          }
          done();
        });
      });
      call.once('error', fail);
      call.end(body);
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    while (next < count) await one(next++);
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  if (failures) throw new Error(`${server.name}: ${failures} of ${count} requests failed`);
  return count / seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const database = `dangvu_cpu_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE "${database}"`);
const servers: Server[] = [];
try {
  const url = withDatabase(adminUrl, database);
  const passwords = testServicePasswords(adminUrl);
  await migrateDatabase(url, { servicePasswords: passwords });
  const owner = postgres(url, { max: 1, onnotice: () => {} });
  await seedDemoData(owner, { members: Number(values.members) });
  const [{ member_id: memberId } = { member_id: '' }] = await owner<{ member_id: string }[]>`
    select member_id from members.accounts where username = ${values.as}`;
  const grants = await owner<{ role: string; orgId: string; orgPath: string }[]>`
    select role, org_id as "orgId", org_path as "orgPath" from members.role_grants where member_id = ${memberId} and ends_on is null`;
  const membersUrl = serviceDatabaseUrl(url, 'members', passwords.members);
  const gateway = await generateSigningKeys();
  const privateKey = await importKey(gateway.privateJwk);
  const identity = { personId: memberId, grants: [...grants] as never[], partner: null };

  // The bare subgraph knows `{ me { id fullName } }` alone: for another document the first build is the yardstick.
  if (query === '{ me { id fullName } }') {
    const bare = await serve('bare', join(ROOT, 'scripts/src/bench/bare-subgraph.ts'), { DATABASE_URL: membersUrl, PORT: '0' });
    servers.push({ name: 'bare', ...bare, headers: async (count) => Array.from({ length: count }, () => ({ 'x-member-id': memberId })), cpuUs: [], pgUs: [], rps: [] });
  }
  for (const build of values.build) {
    const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', resolve(values['cpu-prof'])] : [];
    const running = await serve(build, resolve(build, 'scripts/src/bench/members-server.ts'), { DATABASE_URL: membersUrl, GATEWAY_PUBLIC_JWK: JSON.stringify(gateway.publicJwk) }, profile);
    servers.push({ name: build, ...running, headers: async (count) => {
        const headers: Record<string, string>[] = [];
        for (let i = 0; i < count; i++) {
          const signature = await signSubgraphCall({ subgraph: 'members', identity, requestId: `cpu-${i}`, query, variables: {} }, privateKey);
          headers.push({ [GATEWAY_SIGNATURE_HEADER]: signature });
        }
        return headers;
      }, cpuUs: [], pgUs: [], rps: [] });
  }

  // Only one server is under load at a time, so the CPU of all the database's backends in its round is its own.
  const role = decodeURIComponent(new URL(membersUrl).username);
  const backends = async () => {
    const rows = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database} and usename = ${role}`;
    return Object.fromEntries(rows.map(({ pid }) => [`pg${pid}`, pid]));
  };

  for (const server of servers) await load(server, perRound); // warm-up: JIT, caches, pools
  for (let round = 1; round <= rounds; round++) {
    for (const server of round % 2 ? servers : [...servers].reverse()) {
      const pid = server.child.pid!;
      const pgRoots = await backends();
      const before = cpuMsOf({ server: pid, ...pgRoots });
      server.rps.push(await load(server, perRound));
      const after = cpuMsOf({ server: pid, ...pgRoots });
      server.cpuUs.push(((after.server! - before.server!) * 1000) / perRound);
      const pg = Object.keys(pgRoots).reduce((sum, name) => sum + after[name]! - before[name]!, 0);
      server.pgUs.push((pg * 1000) / perRound);
    }
  }
  await owner.end();
  const firstCpu = median(servers[0]!.cpuUs) + median(servers[0]!.pgUs);
  console.log(`\n${query}: ${rounds} rounds of ${perRound} requests, ${connections} connections, medians (CPU from /proc, 10 ms ticks)`);
  console.log('| server | process µs/request | PostgreSQL µs/request | total ÷ first row | req/s (indicative) |');
  console.log('|---|---|---|---|---|');
  for (const server of servers) {
    const cpu = median(server.cpuUs);
    const pg = median(server.pgUs);
    console.log(`| ${server.name} | ${cpu.toFixed(0)} | ${pg.toFixed(0)} | ${((cpu + pg) / firstCpu).toFixed(2)} | ${median(server.rps).toFixed(0)} |`);
  }
} finally {
  await Promise.all(servers.map((server) => new Promise((done) => {
    server.child.once('exit', done);
    server.child.kill('SIGTERM');
  })));
  await admin.unsafe(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
}
