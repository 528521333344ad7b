import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { generateSigningKeys } from '@dangvu/subgraph-kit';
import { membersKeys } from '@dangvu/subgraph-members';
import { describe, test } from 'vitest';
import { accessTokenKeys, callerCheck } from '../src/auth.ts';

/**
 * The gateway's check of a signed-in member's token, per request, with the verified token remembered and with
 * it verified every time (a cache of no tokens). The session check is answered at once here: its cost is the
 * same either way. Figures go to docs/benchmarks.md with the machine.
 */
const pair = await generateSigningKeys();
const { authSigner } = await membersKeys({ authPrivateKey: pair.privateJwk, secretsKey: randomBytes(32) });
const member = { personId: '00000000-0000-4000-8000-000000000001', grants: [{ role: 'SECRETARY' as const, orgId: 'cell', orgPath: '/1/2/' }] };
const { token } = await authSigner.sign(member, '00000000-0000-4000-8000-0000000000aa', new Date());
const keys = await accessTokenKeys(pair.publicJwk);
const sessions = { state: async () => 'ACTIVE' as const };
const request = { headers: { authorization: `Bearer ${token}` } } as IncomingMessage;
const remembered = callerCheck({ keys, sessions });
const verifiedEveryTime = callerCheck({ keys, sessions, capacity: 0 });

describe("the gateway's token check", () => {
  test('remembered once verified, against verified on every request', async ({ bench }) => {
    // Alternated, so that both meet the same load on a shared machine.
    for (let round = 0; round < 3; round++) {
      for (const [name, identify] of [['remembered', remembered], ['verified every time', verifiedEveryTime]] as const) {
        const { latency } = await bench(name, () => identify(request, 'bench')).run();
        console.log(`round ${round + 1}, token ${name}: mean ${(latency.mean * 1000).toFixed(1)} µs per request`);
      }
    }
  });
});
