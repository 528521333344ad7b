import { randomBytes } from 'node:crypto';
import { createDb } from '@dangvu/drizzle';
import { createSubgraph, generateSigningKeys, importKey, silentLogger } from '@dangvu/subgraph-kit';
import { membersKeys, membersSubgraph } from '../../../subgraphs/members/src/server.ts';

/**
 * The members subgraph as its process serves it (signature checked, shield, loaders, audit), alone on a free
 * port, for cpu-per-request.ts: DATABASE_URL (the members role) and GATEWAY_PUBLIC_JWK. It prints its URL.
 */
const db = createDb(process.env.DATABASE_URL!);
const auth = await generateSigningKeys();
const deps = await membersKeys({ authPrivateKey: auth.privateJwk, secretsKey: randomBytes(32) });
const built = await createSubgraph(membersSubgraph(db, deps), {
  gatewayPublicKey: await importKey(JSON.parse(process.env.GATEWAY_PUBLIC_JWK!)),
  production: true,
  log: silentLogger,
  ready: async () => true,
  db: db.db,
});
const running = await built.listen(0, '127.0.0.1');
console.log(`members subgraph listening ${running.url}`);
process.once('SIGTERM', () => void running.stop().then(() => db.close()).then(() => process.exit(0)));
