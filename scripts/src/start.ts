import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_ROLE_LABELS, DEMO_USERNAMES } from '@dangvu/drizzle/seed';
import { assertNode24 } from '@dangvu/drizzle/testing';
import { ConfigError, graphqlUrl, importKey, loadConfig, SUBGRAPH_NAMES } from '@dangvu/subgraph-kit';
import { createDb } from '@dangvu/drizzle';
import postgres from 'postgres';
import { scheduleAuditCheckpoints } from './audit-verify.ts';
import { DATA_DIR, ROOT, startConfig } from './config.ts';
import { startDatabase } from './database.ts';
import { prepareForStart } from './demo-mode.ts';
import { failureLines, heldLog } from './held-log.ts';
import { seedDemoTransfers } from './demo-transfers.ts';
import { keyEnvironment, loadOrCreateKeys } from './keys.ts';
import { serviceSpecs } from './services.ts';
import { Supervisor } from './supervisor.ts';

assertNode24();
const say = (line: string) => console.log(`dangvu | ${line}`);
const config = (() => {
  try {
    return loadConfig(startConfig);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    say(`✗ ${error.message}`);
    process.exit(1);
  }
})();
const dev = process.argv.includes('--dev');
const { host } = config;
const ports = { web: config.ports.web, gateway: config.ports.gateway, ...config.ports.subgraphs };

await mkdir(DATA_DIR, { recursive: true });
// keyEnvironment takes its overrides by variable name, as the services read them: the keys read above, as JSON again.
const json = (key: object | undefined) => key && JSON.stringify(key);
const { auth, gateway, membersSecrets, transfersSecrets } = config.keys;
const keys = keyEnvironment(await loadOrCreateKeys(join(DATA_DIR, 'keys.json')), {
  AUTH_PRIVATE_KEY: json(auth.privateJwk),
  AUTH_PUBLIC_KEY: json(auth.publicJwk),
  GATEWAY_PRIVATE_KEY: json(gateway.privateJwk),
  GATEWAY_PUBLIC_KEY: json(gateway.publicJwk),
  MEMBERS_SECRETS_KEY: membersSecrets,
  TRANSFERS_SECRETS_KEY: transfersSecrets,
});
const postgresLog = heldLog();
const database = await startDatabase(config.database, postgresLog.log).catch((error: unknown) => {
  for (const line of failureLines(error, postgresLog.lines(), 'Chưa khởi động được PostgreSQL / PostgreSQL did not start')) say(line);
  process.exit(1);
});
const webBuild = join(ROOT, 'web/build/index.js');
const mode = dev ? 'development' : 'production';
/** The demo province, when this start loaded it into an empty database. */
const first: { seeded: Awaited<ReturnType<typeof prepareForStart>> } = { seeded: null };
// Everything up to the launch plan can fail with the database already running: it is stopped then.
const services = await (async () => {
  try {
    say(database.origin === 'embedded' ? `PostgreSQL nhúng (embedded) đang chạy, dữ liệu tại ${DATA_DIR}` : 'Dùng PostgreSQL từ DATABASE_URL');
    const seeded = (first.seeded = await prepareForStart(database, config.seed.members));
    if (seeded) say(`Đã nạp dữ liệu mẫu: ${seeded.organizations} tổ chức đảng, ${seeded.members} đảng viên`);
    if (database.origin === 'DATABASE_URL') say('Không tự nạp dữ liệu mẫu vào cơ sở dữ liệu riêng; nếu cần, chạy npm run seed / no demo data loaded, run npm run seed for it');
    if (!dev && !existsSync(webBuild)) {
      say('Đang build ứng dụng web lần đầu (khoảng một phút)…');
      // Quiet unless it fails: a newcomer's first start shows the banner, not a hundred and fifty lines of bundler output.
      const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/turbo/bin/turbo'), 'run', 'build', '--filter=@dangvu/web', '--output-logs=errors-only'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
      });
      if (build.status !== 0) {
        process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
        throw new Error('build của ứng dụng web thất bại (xem ở trên) / web build failed (see above)');
      }
    }
    return serviceSpecs({
      dev,
      node: process.execPath,
      host,
      ports,
      databaseUrl: (subgraph) => database.serviceUrl(subgraph),
      keys,
      inherited: process.env,
    });
  } catch (error) {
    say(`✗ ${(error as Error).message}`);
    await database.stop();
    process.exit(1);
  }
})();
const subgraphUrl = (name: (typeof SUBGRAPH_NAMES)[number]) => graphqlUrl(ports[name], host);
const gatewayUrl = graphqlUrl(ports.gateway, host);

let shuttingDown = false;
const supervisor = new Supervisor(services, () => void shutdown(1));
/** Every quarter of an hour the verifier walks the trail and signs a checkpoint of its heads (docs/operations.md). */
const CHECKPOINT_EVERY_MS = 15 * 60_000;
const checkpoints = scheduleAuditCheckpoints(
  {
    async connect() {
      const handle = createDb(database.url, { max: 1 });
      return { db: handle.db, url: database.url, close: () => handle.close() };
    },
    verifierDir: join(DATA_DIR, 'verifier'),
    out: { write: (text: string) => text.trim().split('\n').forEach((line) => say(line)) },
  },
  CHECKPOINT_EVERY_MS,
);
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  say('Đang dừng các dịch vụ… / stopping');
  await supervisor.stopAll();
  await checkpoints.stop();
  await database.stop();
  say('Đã dừng. Dữ liệu được giữ lại cho lần chạy sau. / stopped, data kept');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
supervisor.startAll();

async function waitFor(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !shuttingDown) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

const webUrl = `http://${host === '127.0.0.1' ? 'localhost' : host}:${ports.web}`;
const ready = (await waitFor(`http://${host}:${ports.gateway}/readyz`, 60_000)) && (await waitFor(`http://${host}:${ports.web}/`, 60_000));
if (!ready) {
  say('✗ Nền tảng chưa sẵn sàng sau 60 giây; xem nhật ký ở trên. / not ready after 60 s, see the logs above');
} else {
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  // Dossiers are opened through the platform itself, so only once it answers, and only on the first start.
  if (first.seeded) {
    try {
      const dossiers = await seedDemoTransfers(sql, { url: gatewayUrl, authSigningKey: await importKey(JSON.parse(keys.AUTH_PRIVATE_KEY!)) }, first.seeded.demoCell.name);
      say(`Đã lập hồ sơ chuyển sinh hoạt mẫu: ${dossiers.map((d) => `${d.code} (${d.state})`).join(', ')}`);
    } catch (error) {
      say(`✗ Chưa lập được hồ sơ chuyển sinh hoạt mẫu: ${(error as Error).message}`);
    }
  }
  const accounts = await sql<{ username: string; full_name: string }[]>`
    select a.username, m.full_name from members.accounts a join members.members m on m.id = a.member_id
    where a.username = any(${[...DEMO_USERNAMES.map(([, username]) => username)]})`;
  await sql.end();
  const names = new Map(accounts.map((a) => [a.username, a.full_name]));
  console.log(
    [
      '',
      `  dangvu đã sẵn sàng (${mode}) / ready`,
      `  Ứng dụng web:   ${webUrl}`,
      `  GraphQL:        ${gatewayUrl}   (/healthz, /readyz)`,
      ...SUBGRAPH_NAMES.map((name) => `  ${name.padEnd(14)}  ${subgraphUrl(name)}   (chỉ nhận yêu cầu qua gateway)`),
      '',
      ...(accounts.length > 0
        ? [
            `  Tài khoản mẫu (mật khẩu: ${DEMO_PASSWORD}) / demo logins:`,
            ...DEMO_USERNAMES.map(([role, username]) => `    ${DEMO_ROLE_LABELS[role].padEnd(22)} ${username.padEnd(15)} ${names.get(username) ?? ''}`),
            '',
          ]
        : []),
      '  Ctrl-C để dừng / to stop',
      '',
    ].join('\n'),
  );
}
