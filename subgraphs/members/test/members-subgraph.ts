import { randomBytes } from 'node:crypto';
import { generateSigningKeys, importKey } from '@dangvu/subgraph-kit';
import { startTestSubgraph } from '@dangvu/subgraph-kit/testing';
import type { PasswordHasher } from '../src/account/passwords.ts';
import { membersKeys, membersSubgraph } from '../src/server.ts';

/**
 * The members subgraph on its own database, with the public half of the key its login tokens are signed with
 * and its secrets (to read what it seals). `passwords` and `now` stand in for argon2 and the clock.
 */
export async function startMembersSubgraph(options: { passwords?: PasswordHasher; now?: () => Date; connections?: number } = {}) {
  const keys = await generateSigningKeys();
  const deps = await membersKeys({ authPrivateKey: keys.privateJwk, secretsKey: randomBytes(32) });
  const { connections, ...overrides } = options;
  const subgraph = await startTestSubgraph('members', (db) => membersSubgraph(db, { ...deps, ...overrides }), connections);
  return { subgraph, publicKey: await importKey(keys.publicJwk), secrets: deps.secrets };
}
