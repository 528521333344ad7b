import { eq, like } from 'drizzle-orm';
import { tables, type Db, type Tx } from '@dangvu/drizzle';
import { appendAudit, forbidden, grantsReach, notFound, parseId, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { grantPathWithin } from '../role/role.rules.ts';
import { acceptedStep, newTotpSecret, otpauthUri } from './totp.rules.ts';

const { accounts, members, totpRequirements } = tables;

const invalidCode: UserError = { code: 'TOTP_INVALID', field: 'code', message: 'Mã xác thực không đúng hoặc đã dùng. Hãy nhập mã mới nhất.' };

/**
 * A member enrols a second factor (TOTP) on their own account: a secret to scan, confirmed by a first code,
 * and turned off only with a current code. An administrator requires it of role holders in a subtree.
 */
export function secondFactorService(db: Db, { identity, requestId }: RequestContext, now = () => new Date()) {
  async function ownAccount(tx: Tx) {
    if (!identity.personId) throw forbidden();
    const [account] = await tx.select().from(accounts).where(eq(accounts.memberId, identity.personId)).for('update');
    if (!account) throw notFound('tài khoản');
    return account;
  }

  const audit = (tx: Tx, action: string, accountId: string, memberId: string, after: unknown) =>
    appendAudit(tx, { actorId: identity.personId, action, entityType: 'Account', entityId: accountId, after, requestId, subjectMemberId: memberId });

  return {
    /** A fresh secret, pending until confirmed; shown to the member to scan, never again. */
    async start() {
      return db.transaction(async (tx) => {
        const account = await ownAccount(tx);
        if (account.totpEnabledAt) {
          return { secret: null, otpauthUri: null, userErrors: [{ code: 'ALREADY_ENABLED', field: null, message: 'Xác thực hai lớp đã được bật.' }] };
        }
        const secret = newTotpSecret();
        await tx.update(accounts).set({ totpSecret: secret, totpLastStep: null }).where(eq(accounts.id, account.id));
        return { secret, otpauthUri: otpauthUri(secret, account.username), userErrors: [] as UserError[] };
      });
    },

    async confirm(code: string) {
      return db.transaction(async (tx) => {
        const account = await ownAccount(tx);
        if (account.totpEnabledAt || !account.totpSecret) {
          return { enabled: Boolean(account.totpEnabledAt), userErrors: [{ code: 'NOT_ENROLLING', field: null, message: 'Hãy bắt đầu bật xác thực hai lớp trước.' }] };
        }
        const step = acceptedStep(account.totpSecret, code, now(), account.totpLastStep);
        if (step === null) return { enabled: false, userErrors: [invalidCode] };
        await tx.update(accounts).set({ totpEnabledAt: now(), totpLastStep: step }).where(eq(accounts.id, account.id));
        await audit(tx, 'account.secondFactorEnabled', account.id, account.memberId, { secondFactor: true });
        return { enabled: true, userErrors: [] as UserError[] };
      });
    },

    async disable(code: string) {
      return db.transaction(async (tx) => {
        const account = await ownAccount(tx);
        if (!account.totpEnabledAt || !account.totpSecret) return { enabled: false, userErrors: [] as UserError[] };
        const step = acceptedStep(account.totpSecret, code, now(), account.totpLastStep);
        if (step === null) return { enabled: true, userErrors: [invalidCode] };
        await tx.update(accounts).set({ totpEnabledAt: null, totpSecret: null, totpLastStep: null }).where(eq(accounts.id, account.id));
        await audit(tx, 'account.secondFactorDisabled', account.id, account.memberId, { secondFactor: false });
        return { enabled: false, userErrors: [] as UserError[] };
      });
    },

    /** On or off for every role holder in the organization's subtree, by an administrator over it. */
    async require(input: { organizationId: string; required: boolean }) {
      const orgId = parseId(input.organizationId);
      return db.transaction(async (tx) => {
        // The organization's path is read off a member under it: this subgraph keeps no copy of the tree.
        const [under] = await tx.select({ orgPath: members.orgPath }).from(members).where(like(members.orgPath, `%/${orgId}/%`)).limit(1);
        const orgPath = under && grantPathWithin(under.orgPath, orgId);
        if (!orgPath) throw notFound('tổ chức có đảng viên');
        if (!grantsReach(identity, orgPath, ['ADMIN'])) throw forbidden();
        if (input.required) {
          await tx.insert(totpRequirements).values({ orgId, orgPath, setBy: identity.personId }).onConflictDoNothing();
        } else {
          await tx.delete(totpRequirements).where(eq(totpRequirements.orgId, orgId));
        }
        await appendAudit(tx, {
          actorId: identity.personId,
          action: input.required ? 'organization.secondFactorRequired' : 'organization.secondFactorOptional',
          entityType: 'Organization',
          entityId: orgId,
          after: { required: input.required },
          requestId,
          orgPath,
        });
        return { required: input.required, userErrors: [] as UserError[] };
      });
    },
  };
}

export type SecondFactorService = ReturnType<typeof secondFactorService>;
