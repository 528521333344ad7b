import type { Db, Tx } from '@dangvu/drizzle';
import { appendAudit, forbidden, grantsReach, notFound, parseId, vietnamDay, type RequestContext, type Role, type UserError } from '@dangvu/subgraph-kit';
import { accountAdmin as admin, type RoleGrantRow } from '../account/account-admin.repository.ts';
import { grantDatesError, grantPathWithin, SINGLE_HOLDER_ROLES } from './role.rules.ts';

export interface RoleGrantPayload {
  grant: RoleGrantRow | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): RoleGrantPayload => ({ grant: null, userErrors });

/** Role grants are given and ended by an administrator whose reach covers the organization of the grant. */
export function roleService(db: Db, { identity, requestId }: RequestContext, today = () => vietnamDay(new Date())) {
  const audit = (tx: Tx, action: string, before: RoleGrantRow | null, after: RoleGrantRow) =>
    appendAudit(tx, {
      actorId: identity.personId,
      action,
      entityType: 'RoleGrant',
      entityId: after.id,
      before,
      after,
      requestId,
      orgPath: after.orgPath,
      subjectMemberId: after.memberId,
    });

  return {
    async grant(input: { memberId: string; role: Role; organizationId: string; startsOn?: string | null; endsOn?: string | null }) {
      const organizationId = parseId(input.organizationId);
      return db.transaction(async (tx): Promise<RoleGrantPayload> => {
        const member = await admin.member(tx, parseId(input.memberId));
        if (!member) throw notFound('đảng viên');
        const orgPath = grantPathWithin(member.orgPath, organizationId);
        if (!orgPath) {
          if (!grantsReach(identity, member.orgPath, ['ADMIN'])) throw forbidden();
          return failed({
            code: 'OUTSIDE_MEMBER_ORGANIZATION',
            field: 'organizationId',
            message: 'Chỉ giao chức trách ở tổ chức đảng viên đang sinh hoạt hoặc tổ chức cấp trên của tổ chức đó.',
          });
        }
        if (!grantsReach(identity, orgPath, ['ADMIN'])) throw forbidden();
        if (!['ACTIVE', 'TEMP_AWAY'].includes(member.activityStatus)) {
          return failed({ code: 'MEMBER_NOT_ACTIVE', field: 'memberId', message: 'Chỉ giao chức trách cho đảng viên đang sinh hoạt.' });
        }
        const startsOn = input.startsOn ?? today();
        const endsOn = input.endsOn ?? null;
        const dates = grantDatesError(startsOn, endsOn);
        if (dates) return failed(dates);
        if ((SINGLE_HOLDER_ROLES as readonly Role[]).includes(input.role)) {
          const holders = await admin.grantsInForce(tx, organizationId, input.role, startsOn);
          if (holders.length > 0) {
            return failed({
              code: 'ROLE_TAKEN',
              field: 'role',
              message: 'Tổ chức đã có người giữ chức trách này trong thời gian đó; hãy kết thúc chức trách cũ trước.',
            });
          }
        }
        const created = await admin.insertGrant(tx, { memberId: member.id, role: input.role, orgId: organizationId, orgPath, startsOn, endsOn });
        await audit(tx, 'roleGrant.granted', null, created);
        return { grant: created, userErrors: [] };
      });
    },

    async end(input: { grantId: string; endsOn?: string | null }) {
      return db.transaction(async (tx): Promise<RoleGrantPayload> => {
        const grant = await admin.grant(tx, parseId(input.grantId));
        if (!grant) throw notFound('chức trách');
        if (!grantsReach(identity, grant.orgPath, ['ADMIN'])) throw forbidden();
        const endsOn = input.endsOn ?? today();
        if (grant.endsOn !== null && grant.endsOn <= endsOn) {
          return failed({ code: 'ALREADY_ENDED', field: 'grantId', message: 'Chức trách đã kết thúc.' });
        }
        const dates = grantDatesError(grant.startsOn, endsOn);
        if (dates) return failed(dates);
        const ended = await admin.endGrant(tx, grant.id, endsOn);
        await audit(tx, 'roleGrant.ended', grant, ended);
        return { grant: ended, userErrors: [] };
      });
    },
  };
}

export type RoleService = ReturnType<typeof roleService>;
