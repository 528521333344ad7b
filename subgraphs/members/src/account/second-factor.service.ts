import { auditor, forbidden, notFound, parseId, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { MembersStore, Repositories } from '../repositories.ts';
import type { AccountSecrets } from './account-secrets.ts';
import type { AccountRow } from './account.repository.ts';
import { totpSecretOf } from './totp-secret.ts';
import { acceptedStep, newTotpSecret, otpauthUri } from './totp.rules.ts';

const invalidCode: UserError = { code: 'TOTP_INVALID', field: 'code', message: 'Mã xác thực không đúng hoặc đã dùng. Hãy nhập mã mới nhất.' };

/**
 * A member enrols a second factor (TOTP) on their own account: a secret to scan, kept sealed, confirmed by a
 * first code, and turned off only with a current code. An administrator requires it of role holders in a subtree.
 */
export function secondFactorService(store: MembersStore, context: RequestContext, { secrets, now }: { secrets: AccountSecrets; now: () => Date }) {
  const { identity } = context;
  const audit = auditor(context);

  /** Whether `code` is the account's current one and not used yet; it is used by this call if so. */
  async function useCode(repos: Repositories, account: AccountRow, code: string) {
    const secret = await totpSecretOf(repos.accounts, secrets, account);
    if (!secret) return false;
    const step = acceptedStep(secret, code, now(), account.totpLastStep);
    return step !== null && (await repos.accounts.claimTotpStep(account.id, step));
  }

  async function ownAccount(repos: Repositories) {
    if (!identity.personId) throw forbidden();
    const account = await repos.accounts.ofMemberForUpdate(identity.personId);
    if (!account) throw notFound('tài khoản');
    return account;
  }

  const record = (repos: Repositories, action: string, account: { id: string; memberId: string }, after: unknown) =>
    audit(repos.audit, { action, entityType: 'Account', entityId: account.id, after, subjectMemberId: account.memberId });

  return {
    /** A fresh secret, pending until confirmed; shown to the member to scan, never again. */
    async start() {
      return store.transaction(async (repos) => {
        const account = await ownAccount(repos);
        if (account.totpEnabledAt) {
          return { secret: null, otpauthUri: null, userErrors: [{ code: 'ALREADY_ENABLED', field: null, message: 'Xác thực hai lớp đã được bật.' }] };
        }
        const secret = newTotpSecret();
        await repos.accounts.update(account.id, { totpSecret: secrets.sealTotp(account.id, secret), totpLastStep: null });
        return { secret, otpauthUri: otpauthUri(secret, account.username), userErrors: [] as UserError[] };
      });
    },

    async confirm(code: string) {
      return store.transaction(async (repos) => {
        const account = await ownAccount(repos);
        if (account.totpEnabledAt || !account.totpSecret) {
          return { enabled: Boolean(account.totpEnabledAt), userErrors: [{ code: 'NOT_ENROLLING', field: null, message: 'Hãy bắt đầu bật xác thực hai lớp trước.' }] };
        }
        if (!(await useCode(repos, account, code))) return { enabled: false, userErrors: [invalidCode] };
        await repos.accounts.update(account.id, { totpEnabledAt: now() });
        await record(repos, 'account.secondFactorEnabled', account, { secondFactor: true });
        return { enabled: true, userErrors: [] as UserError[] };
      });
    },

    async disable(code: string) {
      return store.transaction(async (repos) => {
        const account = await ownAccount(repos);
        if (!account.totpEnabledAt || !account.totpSecret) return { enabled: false, userErrors: [] as UserError[] };
        if (!(await useCode(repos, account, code))) return { enabled: true, userErrors: [invalidCode] };
        await repos.accounts.update(account.id, { totpEnabledAt: null, totpSecret: null, totpLastStep: null });
        await record(repos, 'account.secondFactorDisabled', account, { secondFactor: false });
        return { enabled: false, userErrors: [] as UserError[] };
      });
    },

    /** On or off for every role holder in the organization's subtree, by an administrator over it. */
    async require(input: { organizationId: string; required: boolean }) {
      const orgId = parseId(input.organizationId);
      return store.transaction(async (repos) => {
        // This subgraph keeps no copy of the tree: the organization's path is read off the members and roles under it.
        const orgPath = await repos.members.subtreePathOf(orgId);
        if (!orgPath) throw notFound('tổ chức có đảng viên');
        policy.assert(identity, 'REQUIRE_SECOND_FACTOR', { path: orgPath });
        if (input.required) await repos.totpRequirements.add({ orgId, orgPath, setBy: identity.personId });
        else await repos.totpRequirements.remove(orgId);
        await audit(repos.audit, {
          action: input.required ? 'organization.secondFactorRequired' : 'organization.secondFactorOptional',
          entityType: 'Organization',
          entityId: orgId,
          after: { required: input.required },
          orgPath,
        });
        return { required: input.required, userErrors: [] as UserError[] };
      });
    },
  };
}

export type SecondFactorService = ReturnType<typeof secondFactorService>;
