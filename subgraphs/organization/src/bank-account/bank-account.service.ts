import type { Db } from '@dangvu/drizzle';
import { appendAudit, forbidden, notFound, parseId, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { organizationWrites as writes, type BankAccountRow } from '../organization/organization.repository.ts';
import { bankAccountErrors, normalizeBankAccount, type BankAccountInput } from './bank-account.rules.ts';

export interface BankAccountPayload {
  bankAccount: BankAccountRow | null;
  userErrors: UserError[];
}

/** The dues account is set only by that organization's own secretary or finance member, not by anyone above. */
const ACCOUNT_ROLES = ['SECRETARY', 'FINANCE_MEMBER'];

export function bankAccountService(db: Db, { identity, requestId }: RequestContext) {
  return {
    async set(input: BankAccountInput & { organizationId: string }): Promise<BankAccountPayload> {
      const orgId = parseId(input.organizationId);
      return db.transaction(async (tx) => {
        const organization = await writes.lock(tx, orgId);
        if (!organization) throw notFound('tổ chức');
        if (!identity.grants.some((grant) => grant.orgId === orgId && ACCOUNT_ROLES.includes(grant.role))) throw forbidden();
        if (organization.dissolvedOn) {
          return { bankAccount: null, userErrors: [{ code: 'ALREADY_DISSOLVED', field: 'organizationId', message: 'Tổ chức đã giải thể.' }] };
        }
        const account = normalizeBankAccount(input);
        const userErrors = bankAccountErrors(account);
        if (userErrors.length) return { bankAccount: null, userErrors };
        const before = await writes.bankAccount(tx, orgId);
        const saved = await writes.saveBankAccount(tx, { orgId, ...account, updatedBy: identity.personId });
        await appendAudit(tx, {
          actorId: identity.personId,
          action: before ? 'bankAccount.changed' : 'bankAccount.set',
          entityType: 'BankAccount',
          entityId: orgId,
          before,
          after: saved,
          requestId,
          orgPath: organization.path,
        });
        return { bankAccount: saved, userErrors: [] };
      });
    },
  };
}

export type BankAccountService = ReturnType<typeof bankAccountService>;
