import { consoleLogger, runSubgraph } from '@dangvu/subgraph-kit';
import { sealLegacyTotpSecrets } from './account/totp-secret.ts';
import { membersConfig } from './config.ts';
import { membersStore } from './repositories.ts';
import { membersKeys, membersSubgraph } from './server.ts';

await runSubgraph({
  config: membersConfig,
  define: async (db, config) => {
    const keys = await membersKeys(config.keys);
    // Second-factor secrets stored in the clear before they were sealed are sealed once, before serving.
    const sealed = await sealLegacyTotpSecrets(membersStore(db.db).repos.accounts, keys.secrets);
    if (sealed > 0) consoleLogger.info('sealed second-factor secrets stored in the clear', { count: sealed });
    return membersSubgraph(db, { ...keys, reportFreezeDay: config.reports.freezeDay });
  },
});
