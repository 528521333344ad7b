import { auditor, forbidden, parseId, type RequestContext } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { DuesStore } from '../repositories.ts';
import { keyHash, newNotificationKey } from './notification-key.rules.ts';

/** Where the services post, on the gateway (docs/api.md#payment-notifications). */
export const NOTIFICATION_PATH = '/hooks/dues/payment-notifications';

/** docs/api.md#payment-notifications: the key an organization gives its payment-notification service. */
export function notificationKeys(store: DuesStore, context: RequestContext) {
  const audit = auditor(context);
  return {
    async create(input: { organizationId: string }) {
      const orgId = parseId(input.organizationId);
      const path = await store.repos.bankReconciliation.organizationPath(orgId);
      if (!path) throw forbidden();
      policy.assert(context.identity, 'RECONCILE_BANK_PAYMENTS', { id: orgId, path });
      return store.transaction(async (repos) => {
        const account = await repos.bankReconciliation.accountOf(orgId);
        if (!account) {
          return { key: null, accountNumber: null, webhookPath: null, userErrors: [{ code: 'NO_COLLECTION_ACCOUNT', field: 'organizationId', message: 'Tổ chức chưa đăng ký tài khoản ngân hàng thu đảng phí.' }] };
        }
        const key = newNotificationKey();
        await repos.notificationKeys.replace({ orgId, orgPath: path, accountNumber: account.accountNumber, keyHash: keyHash(key), createdBy: context.identity.personId });
        await audit(repos.audit, { action: 'dues.notificationKeyCreated', entityType: 'Organization', entityId: orgId, orgPath: path, after: { accountNumber: account.accountNumber } });
        return { key, accountNumber: account.accountNumber, webhookPath: NOTIFICATION_PATH, userErrors: [] };
      });
    },
  };
}

export type NotificationKeys = ReturnType<typeof notificationKeys>;
