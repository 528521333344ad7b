import { importKey, jwk, loadConfig, runSubgraph } from '@dangvu/subgraph-kit';
import { membersSubgraph } from './server.ts';

await runSubgraph({
  name: 'members',
  defaultPort: 4002,
  define: async (db) => {
    const { AUTH_PRIVATE_KEY } = loadConfig({ AUTH_PRIVATE_KEY: jwk });
    return membersSubgraph(db, { authSigningKey: await importKey(AUTH_PRIVATE_KEY) });
  },
});
