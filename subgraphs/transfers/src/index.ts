import { consoleLogger, runSubgraph } from '@dangvu/subgraph-kit';
import { transfersConfig } from './config.ts';
import { transfersSubgraph } from './server.ts';

await runSubgraph({
  config: transfersConfig,
  define: async (db, config) => {
    if (!config.keys.secretsKey) {
      consoleLogger.error(
        'TRANSFERS_SECRETS_KEY chưa đặt: khóa ký của cán bộ chỉ dùng được đến khi khởi động lại / not set: signing keys last until the next restart (docs/decisions/0010-transfer-letters.md#whose-keys)',
      );
    }
    return transfersSubgraph(db, {
      secretsKey: config.keys.secretsKey,
      publicOrigin: config.transfers.publicOrigin,
      escalateAfterWorkingDays: config.transfers.escalateAfterWorkingDays,
      reportFreezeDay: config.reports.freezeDay,
    });
  },
});
