import { and, eq, ne, sql } from 'drizzle-orm';
import { tables, type Db, type Tx } from '@dangvu/drizzle';
import {
  actingFor,
  appendAudit,
  forbidden,
  grantsReach,
  notFound,
  parseId,
  vietnamDay,
  type RequestContext,
  type Role,
  type UserError,
} from '@dangvu/subgraph-kit';
import type { MemberRow } from './member.repository.ts';
import { memberErrors, type MemberFields } from './member.rules.ts';

const { members, contactChangeRequests } = tables;
const EDITORS: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'];

export type ContactChangeRow = typeof contactChangeRequests.$inferSelect;

export interface MemberPayload {
  member: MemberRow | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): MemberPayload => ({ member: null, userErrors });

async function lockMember(tx: Tx, id: string): Promise<MemberRow> {
  const [row] = await tx.select().from(members).where(eq(members.id, parseId(id))).for('update');
  if (!row) throw notFound('đảng viên');
  return row;
}

/** Which of the unique identifiers another member already holds. */
async function identifiersTaken(tx: Tx, id: string, fields: MemberFields): Promise<UserError[]> {
  const errors: UserError[] = [];
  const [byCitizenId] = await tx.select({ id: members.id }).from(members).where(and(eq(members.citizenId, fields.citizenId), ne(members.id, id)));
  if (byCitizenId) errors.push({ code: 'CITIZEN_ID_TAKEN', field: 'citizenId', message: 'Số căn cước này đã có trong danh sách đảng viên.' });
  if (fields.cardNumber) {
    const [byCard] = await tx.select({ id: members.id }).from(members).where(and(eq(members.cardNumber, fields.cardNumber), ne(members.id, id)));
    if (byCard) errors.push({ code: 'CARD_NUMBER_TAKEN', field: 'cardNumber', message: 'Số thẻ đảng viên này đã được dùng.' });
  }
  return errors;
}

/**
 * Corrections to the register by the secretary, deputy or administrator over the member's organization, each
 * validated whole, checked against the version the editor saw, and audited with the record before and after;
 * and a member's own proposals to correct their contact details, which their secretary approves or rejects.
 */
export function memberEditService(db: Db, { identity, requestId }: RequestContext, today = () => vietnamDay(new Date())) {
  const audit = (tx: Tx, action: string, before: MemberRow, after: MemberRow) =>
    appendAudit(tx, {
      actorId: identity.personId,
      action,
      entityType: 'Member',
      entityId: after.id,
      before,
      after,
      requestId,
      orgPath: after.orgPath,
      subjectMemberId: after.id,
    });

  return {
    async update(input: Partial<MemberFields> & { id: string; expectedVersion: number }): Promise<MemberPayload> {
      return db.transaction(async (tx) => {
        const current = await lockMember(tx, input.id);
        if (!grantsReach(identity, current.orgPath, EDITORS)) throw forbidden();
        if (current.version !== input.expectedVersion) {
          return failed({
            code: 'STALE_VERSION',
            field: 'expectedVersion',
            message: 'Hồ sơ vừa được người khác cập nhật. Hãy tải lại trang, xem thay đổi rồi sửa lại.',
          });
        }
        const { id: _id, expectedVersion: _version, ...changes } = input;
        const next: MemberFields = { ...current, ...stripUndefined(changes), fullName: (changes.fullName ?? current.fullName).trim() };
        const errors = memberErrors(next, today());
        if (errors.length) return failed(...errors);
        const taken = await identifiersTaken(tx, current.id, next);
        if (taken.length) return failed(...taken);
        const [updated] = await tx
          .update(members)
          .set({ ...stripUndefined(changes), fullName: next.fullName, version: sql`${members.version} + 1`, updatedAt: new Date() })
          .where(eq(members.id, current.id))
          .returning();
        await audit(tx, 'member.updated', current, updated!);
        return { member: updated!, userErrors: [] };
      });
    },

    async proposeContactChange(input: { phone?: string | null; residenceAddress?: string | null; forMemberId?: string | null }) {
      const { memberId, onBehalfOf } = await actingFor(identity, input.forMemberId && parseId(input.forMemberId), async (id) => {
        const [row] = await db.select({ orgPath: members.orgPath }).from(members).where(eq(members.id, id));
        return row?.orgPath ?? null;
      });
      const phone = input.phone?.replace(/\s/g, '') || null;
      const residenceAddress = input.residenceAddress?.trim() || null;
      const errors: UserError[] = [];
      if (!phone && !residenceAddress) errors.push({ code: 'NOTHING_TO_CHANGE', field: null, message: 'Hãy nhập số điện thoại hoặc nơi cư trú mới.' });
      if (phone && !/^(0|\+84)\d{9}$/.test(phone)) {
        errors.push({ code: 'INVALID_PHONE', field: 'phone', message: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84).' });
      }
      if (residenceAddress && (residenceAddress.length < 10 || residenceAddress.length > 300)) {
        errors.push({ code: 'INVALID_ADDRESS', field: 'residenceAddress', message: 'Nơi cư trú dài từ 10 đến 300 ký tự.' });
      }
      if (errors.length) return { request: null, userErrors: errors };
      return db.transaction(async (tx) => {
        const [request] = await tx.insert(contactChangeRequests).values({ memberId, phone, residenceAddress }).returning();
        const [member] = await tx.select({ orgPath: members.orgPath }).from(members).where(eq(members.id, memberId));
        await appendAudit(tx, {
          actorId: identity.personId,
          onBehalfOf,
          action: 'member.contactChangeProposed',
          entityType: 'ContactChangeRequest',
          entityId: request!.id,
          after: { phone, residenceAddress },
          requestId,
          orgPath: member?.orgPath ?? null,
          subjectMemberId: memberId,
        });
        return { request: request!, userErrors: [] as UserError[] };
      });
    },

    async decideContactChange(input: { requestId: string; approve: boolean }) {
      return db.transaction(async (tx) => {
        const [request] = await tx
          .select()
          .from(contactChangeRequests)
          .where(eq(contactChangeRequests.id, parseId(input.requestId)))
          .for('update');
        if (!request) throw notFound('đề nghị');
        const current = await lockMember(tx, request.memberId);
        if (!grantsReach(identity, current.orgPath, ['SECRETARY', 'DEPUTY_SECRETARY'])) throw forbidden();
        if (request.status !== 'PENDING') {
          return { request: null, userErrors: [{ code: 'ALREADY_DECIDED', field: 'requestId', message: 'Đề nghị này đã được xử lý.' }] };
        }
        const [decided] = await tx
          .update(contactChangeRequests)
          .set({ status: input.approve ? 'APPROVED' : 'REJECTED', decidedAt: new Date(), decidedBy: identity.personId })
          .where(eq(contactChangeRequests.id, request.id))
          .returning();
        if (input.approve) {
          const [updated] = await tx
            .update(members)
            .set({
              ...(request.phone ? { phone: request.phone } : {}),
              ...(request.residenceAddress ? { residenceAddress: request.residenceAddress } : {}),
              version: sql`${members.version} + 1`,
              updatedAt: new Date(),
            })
            .where(eq(members.id, current.id))
            .returning();
          await audit(tx, 'member.contactChangeApproved', current, updated!);
        }
        return { request: decided!, userErrors: [] as UserError[] };
      });
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type MemberEditService = ReturnType<typeof memberEditService>;
