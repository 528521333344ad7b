import { auditor, notFound, parseId, type RequestContext, type Store, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { Repositories } from '../repositories.ts';
import type { BankAccountRow } from './bank-account.repository.ts';
import { bankAccountErrors, isAccountEligible, normalizeBankAccount, type BankAccountInput } from './bank-account.rules.ts';

export interface BankAccountPayload {
  bankAccount: BankAccountRow | null;
  userErrors: UserError[];
}

export type SetBankAccountInput = BankAccountInput & { organizationId: string };

/** What setting a dues account touches: the organization it belongs to, the accounts, the audit trail, the outbox (the dues subgraph's copy). */
export type DuesAccountRepositories = Pick<Repositories, 'organizations' | 'bankAccounts' | 'audit' | 'outbox'>;

/** The organization's dues account (docs/rules/bank-accounts.md): set or replaced, audited with before and after. */
export function bankAccountService(store: Store<DuesAccountRepositories>, context: RequestContext) {
  const { identity } = context;
  const audit = auditor(context);
  return {
    async set(input: SetBankAccountInput): Promise<BankAccountPayload> {
      const orgId = parseId(input.organizationId);
      return store.transaction(async (repos) => {
        const organization = await repos.organizations.byIdForUpdate(orgId);
        if (!organization) throw notFound('tổ chức');
        policy.assert(identity, 'SET_DUES_ACCOUNT', organization);
        if (organization.dissolvedOn) {
          return { bankAccount: null, userErrors: [{ code: 'ALREADY_DISSOLVED', field: 'organizationId', message: 'Tổ chức đã giải thể.' }] };
        }
        if (!isAccountEligible(organization.type)) {
          return {
            bankAccount: null,
            userErrors: [
              {
                code: 'NOT_ELIGIBLE',
                field: 'organizationId',
                message: 'Chi bộ trực thuộc, đảng bộ bộ phận và tổ đảng không có tài khoản đảng phí riêng; đảng phí nộp qua tài khoản của đảng bộ cơ sở.',
              },
            ],
          };
        }
        const account = normalizeBankAccount(input);
        const userErrors = bankAccountErrors(account);
        if (userErrors.length) return { bankAccount: null, userErrors };
        const before = await repos.bankAccounts.ofOrganizationForUpdate(orgId);
        const saved = await repos.bankAccounts.save({ orgId, ...account, updatedBy: identity.personId });
        await repos.outbox.publish('organization.duesAccountSet', orgId, {
          orgId,
          orgPath: organization.path,
          bankBin: saved.bankBin,
          accountNumber: saved.accountNumber,
          holderName: saved.holderName,
        });
        await audit(repos.audit, {
          action: before ? 'bankAccount.changed' : 'bankAccount.set',
          entityType: 'BankAccount',
          entityId: orgId,
          before,
          after: saved,
          orgPath: organization.path,
        });
        return { bankAccount: saved, userErrors: [] };
      });
    },
  };
}

export type BankAccountService = ReturnType<typeof bankAccountService>;
