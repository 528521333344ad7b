/**
 * A process that does nothing but drain the outbox, as a subgraph's process does, with every consumer of the
 * three subgraphs that consume transfer events: consumers-under-kill.long.test.ts kills it with SIGKILL at
 * random points and starts it again. DATABASE_URL names the database.
 */
import { randomBytes } from 'node:crypto';
import { createDb } from '@dangvu/drizzle';
import { duesSubgraph } from '@dangvu/subgraph-dues';
import { generateSigningKeys, runOutboxConsumer, silentLogger } from '@dangvu/subgraph-kit';
import { membersKeys, membersSubgraph } from '@dangvu/subgraph-members';
import { organizationSubgraph } from '@dangvu/subgraph-organization';

const db = createDb(process.env.DATABASE_URL!, { max: 4 });
const auth = await generateSigningKeys();
const definitions = [
  organizationSubgraph(db),
  membersSubgraph(db, await membersKeys({ authPrivateKey: auth.privateJwk, secretsKey: randomBytes(32) })),
  duesSubgraph(db),
];
for (const definition of await Promise.all(definitions)) {
  for (const consumer of definition.consumers ?? []) runOutboxConsumer(db.db, consumer, silentLogger, 10);
}
process.stdout.write('draining\n');
