import { generateSigningKeys, importKey } from '@dangvu/subgraph-kit';
import { startTestSubgraph } from '@dangvu/subgraph-kit/testing';
import { membersSubgraph } from '../src/server.ts';

/** The members subgraph on its own database, with the public half of the key its login tokens are signed with. */
export async function startMembersSubgraph() {
  const keys = await generateSigningKeys();
  const authSigningKey = await importKey(keys.privateJwk);
  const subgraph = await startTestSubgraph((db) => membersSubgraph(db, { authSigningKey }));
  return { subgraph, publicKey: await importKey(keys.publicJwk) };
}
