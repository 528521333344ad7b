import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { assertNode24 } from '@dangvu/drizzle/testing';
import { GATEWAY_SIGNATURE_HEADER, SIGNING_ALG, signSubgraphCall, SUBGRAPH_NAMES } from '@dangvu/subgraph-kit';
import { decodeJwt, importJWK, type CryptoKey } from 'jose';
import postgres from 'postgres';
import { ROOT } from './config.ts';
import { runLoad, type LoadJob } from './bench/load.ts';
import { CELL_LIST, CELL_LIST_WITH_PHONES, HOME_PAGE, ME } from './bench/operations.ts';
import { findOrStartPlatform, type Platform } from './bench/platform.ts';
import { cpuMsOf, pidListeningOn, watchMemory } from './bench/processes.ts';
import { resultsTable, targetsTable, type Row, type Target } from './bench/report.ts';

/**
 * `npm run bench`: every figure of docs/benchmarks.md in one run, against the platform `npm start` runs (or
 * one this starts on the province data set), loopback only, each load bounded in connections and time.
 */
assertNode24();
const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
  },
});
const connections = Number(values.connections);
const durationMs = Number(values.duration) * 1000;
const warmupMs = Number(values.warmup) * 1000;
const say = (line: string) => console.log(`bench | ${line}`);

/**
 * The home page and the secretary's list before issue 9's work, as shares of the bare subgraph in the same run:
 * this bench against commit 50be57d on the province data set, the median of six runs (docs/benchmarks.md).
 * Machines and their load differ, so a run compares its own figures to its own bare subgraph.
 */
const HOME_PAGE_BEFORE_PER_BARE = 0.0202;
const CELL_LIST_BEFORE_PER_BARE = 0.0062;
const MEMORY_LIMIT_MB = 250;
const DEMO_PASSWORD = 'Dangvu@2026';

async function signIn(platform: Platform, username: string): Promise<string> {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code message } } }',
      variables: { input: { username, password: DEMO_PASSWORD } },
    }),
  });
  const body = (await response.json()) as { data?: { login?: { token: string | null; userErrors: { message: string }[] } }; errors?: { message: string }[] };
  const token = body.data?.login?.token;
  if (!token) throw new Error(`${username} could not sign in: ${JSON.stringify(body.errors ?? body.data?.login?.userErrors)}`);
  return token;
}

/** A server of the bench's own (the bare subgraph, Hive Gateway) as a child process that prints the URL it listens on. */
async function startChild(script: string, env: NodeJS.ProcessEnv): Promise<{ url: string; pid: number; stop(): void }> {
  const child = spawn(process.execPath, [join(ROOT, script)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const listening = /listening (\S+)/.exec(chunk.toString());
      if (listening) resolve(listening[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${script} stopped (exit ${code})`)));
  });
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** Signed headers for `count` calls of `query` to the members subgraph, as the gateway would sign them. */
async function signedCalls(key: CryptoKey, token: string, query: string, count: number): Promise<string[]> {
  const claims = decodeJwt(token) as { sub: string; grants: never[] };
  const identity = { personId: claims.sub, grants: claims.grants, partner: null };
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) tokens.push(await signSubgraphCall({ subgraph: 'members', identity, requestId: `bench-${i}`, query, variables: {} }, key));
  return tokens;
}

const platform = await findOrStartPlatform(say);
const bare = await startChild('scripts/src/bench/bare-subgraph.ts', { DATABASE_URL: platform.membersDatabaseUrl, PORT: '0' });
// Hive Gateway on the same supergraph and subgraphs, signing each fetch as ours does (scripts/src/bench/hive-gateway.ts).
const hive = platform.gatewayEnv ? await startChild('scripts/src/bench/hive-gateway.ts', { ...platform.gatewayEnv, PORT: '0' }) : null;
try {
  const memberToken = await signIn(platform, 'dangvien.demo');
  const secretaryToken = await signIn(platform, 'bithu.demo');
  const members = postgres(platform.membersDatabaseUrl, { max: 1, onnotice: () => {} });
  const [{ count: memberCount } = { count: '?' }] = await members<{ count: string }[]>`select count(*)::text as count from members.members`;
  await members.end();

  const processes: Record<string, number> = { bare: bare.pid, ...(hive ? { hive: hive.pid } : {}) };
  for (const name of ['gateway', ...SUBGRAPH_NAMES] as const) {
    const pid = pidListeningOn(platform.ports[name]);
    if (pid !== null) processes[name] = pid;
  }
  const postgresPid = platform.databasePort === null ? null : pidListeningOn(platform.databasePort);
  // Its shared buffers count in every backend's resident memory, so only its CPU is reported.
  const cpuProcesses: Record<string, number> = { ...processes, ...(postgresPid === null ? {} : { postgres: postgresPid }), load: process.pid };
  const wholeRun = watchMemory(processes);

  say(`${platform.startedHere ? 'nền tảng do bench khởi động' : 'nền tảng đang chạy'} / platform ${platform.gatewayUrl}, ${memberCount} members`);
  say(`${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${new Date().toISOString()}`);
  say(`${connections} connections, ${warmupMs / 1000} s warm-up then ${durationMs / 1000} s per operation`);

  const rows: Row[] = [];
  async function measure(operation: string, job: Omit<LoadJob, 'connections' | 'warmupMs' | 'durationMs'>): Promise<Row> {
    say(operation);
    const memory = watchMemory(processes);
    const before = cpuMsOf(cpuProcesses);
    const result = await runLoad({ ...job, connections, warmupMs, durationMs });
    const after = cpuMsOf(cpuProcesses);
    const peakMb = memory.stop();
    // CPU over warm-up and run together, per request measured: the warm-up's share is the same for every row.
    const served = result.requests * ((warmupMs + durationMs) / durationMs);
    const cpuMsPerRequest = Object.fromEntries(Object.keys(cpuProcesses).map((name) => [name, (after[name]! - before[name]!) / served]));
    if (result.firstError) say(`  first error: ${result.firstError}`);
    if (result.tokensLeft === 0) say('  the signed calls ran out before the end: the figure is a lower bound');
    const row = { operation, result, cpuMsPerRequest, peakMb };
    rows.push(row);
    return row;
  }
  const body = (query: string) => JSON.stringify({ query });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const memberId = decodeJwt(memberToken).sub!;

  const bareRow = await measure('bare Apollo subgraph, { me { id fullName } }', { url: bare.url, body: body(ME), headers: { 'x-member-id': memberId } });
  let directRow: Row | null = null;
  if (platform.gatewaySigningKey) {
    const key = (await importJWK(platform.gatewaySigningKey, SIGNING_ALG, { extractable: true })) as CryptoKey;
    const expected = Math.ceil(((warmupMs + durationMs) / 1000) * Math.max(2_000, bareRow.result.requestsPerSecond));
    const tokens = await signedCalls(key, memberToken, ME, expected);
    directRow = await measure('members subgraph, signed call, { me { id fullName } }', {
      url: platform.subgraphUrl('members'),
      body: body(ME),
      headers: {},
      signedHeader: { name: GATEWAY_SIGNATURE_HEADER, tokens },
    });
  } else say('  no gateway key on this machine (.data/keys.json): the direct call is left out');
  const gatewayMe = await measure('gateway, { me { id fullName } }', { url: platform.gatewayUrl, body: body(ME), headers: bearer(memberToken) });
  const home = await measure('gateway, member home page (4 subgraphs)', { url: platform.gatewayUrl, body: body(HOME_PAGE), headers: bearer(memberToken) });
  const list = await measure("gateway, secretary's cell list with dues and dossiers", { url: platform.gatewayUrl, body: body(CELL_LIST), headers: bearer(secretaryToken) });
  await measure('the same list with phones (each read recorded)', { url: platform.gatewayUrl, body: body(CELL_LIST_WITH_PHONES), headers: bearer(secretaryToken) });
  const hiveRows = hive
    ? [
        [gatewayMe, await measure('Hive Gateway, { me { id fullName } }', { url: hive.url, body: body(ME), headers: bearer(memberToken) })],
        [home, await measure('Hive Gateway, member home page', { url: hive.url, body: body(HOME_PAGE), headers: bearer(memberToken) })],
        [list, await measure("Hive Gateway, secretary's cell list", { url: hive.url, body: body(CELL_LIST), headers: bearer(secretaryToken) })],
      ]
    : [];
  const peaks = wholeRun.stop();

  const perBare = (row: Row) => row.result.requestsPerSecond / bareRow.result.requestsPerSecond;
  const targets: Target[] = [
    ...(directRow
      ? [
          { what: 'members subgraph ÷ bare subgraph, { me }', measured: perBare(directRow), goal: { atLeast: 0.6 }, unit: '' },
          { what: 'gateway ÷ members subgraph, { me }', measured: gatewayMe.result.requestsPerSecond / directRow.result.requestsPerSecond, goal: { atLeast: 0.7 }, unit: '' },
        ]
      : []),
    { what: 'home page ÷ before, both against the bare subgraph', measured: perBare(home) / HOME_PAGE_BEFORE_PER_BARE, goal: { atLeast: 4 }, unit: '×' },
    { what: 'home page p95', measured: home.result.latencyMs.p95, goal: { below: 150 }, unit: ' ms' },
    { what: "secretary's list ÷ before, both against the bare subgraph", measured: perBare(list) / CELL_LIST_BEFORE_PER_BARE, goal: { atLeast: 4 }, unit: '×' },
    ...Object.entries(peaks).map(([name, mb]) => ({ what: `${name} peak resident memory`, measured: mb, goal: { below: MEMORY_LIMIT_MB }, unit: ' MB' })),
  ];
  console.log(`\n${resultsTable(rows)}\n\n${targetsTable(targets)}\n`);
  if (!hive) say('Hive Gateway: not measured (no gateway keys on this machine, .data/keys.json)');
  for (const [ours, theirs] of hiveRows) {
    const ratio = theirs!.result.requestsPerSecond / ours!.result.requestsPerSecond;
    say(`Hive Gateway ÷ @apollo/gateway, ${theirs!.operation.replace('Hive Gateway, ', '')}: ${ratio.toFixed(2)} in req/s`);
  }
} finally {
  bare.stop();
  hive?.stop();
  await platform.stop();
}
