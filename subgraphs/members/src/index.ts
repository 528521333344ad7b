import { importKey, runSubgraph } from '@dangvu/subgraph-kit';
import { membersConfig } from './config.ts';
import { membersSubgraph } from './server.ts';

await runSubgraph({
  config: membersConfig,
  define: async (db, config) => membersSubgraph(db, { authSigningKey: await importKey(config.keys.authPrivateKey) }),
});
