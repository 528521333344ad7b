import { auditor, notFound, parseId, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { MembersStore } from '../repositories.ts';
import type { MemberRow } from './member.repository.ts';
import { memberErrors, type MemberFields } from './member.rules.ts';
import { normalizePhone } from './phone.rules.ts';
import { IDENTITY_FIELDS, type IdentityField } from './identity-edit/identity-edit.rules.ts';
import { administrativeUnitErrors, registerPlaceErrors, type RegisterPlaceFields } from './residence/register-place.rules.ts';

/** The fields a correction may change directly: all but the identity fields (docs/rules/member-register.md#identity-edits). */
export type CorrectableFields = Omit<MemberFields, IdentityField> & RegisterPlaceFields;

export interface MemberPayload {
  member: MemberRow | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): MemberPayload => ({ member: null, userErrors });

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Corrections to the register by the secretary, deputy or administrator over the member's organization, each
 * validated whole, checked against the version the editor saw, and audited with the record before and after.
 */
export function memberEditService(store: MembersStore, context: RequestContext, today = () => vietnamDay(new Date())) {
  const audit = auditor(context);

  return {
    async update(input: Partial<CorrectableFields> & { id: string; expectedVersion: number }): Promise<MemberPayload> {
      return store.transaction(async (repos) => {
        const current = await repos.members.byIdForUpdate(parseId(input.id));
        if (!current) throw notFound('đảng viên');
        policy.assert(context.identity, 'EDIT_RECORD', current);
        if (current.version !== input.expectedVersion) {
          return failed({
            code: 'STALE_VERSION',
            field: 'expectedVersion',
            message: 'Hồ sơ vừa được người khác cập nhật. Hãy tải lại trang, xem thay đổi rồi sửa lại.',
          });
        }
        // The identity fields are not corrected here even if a caller sends them: they go through a proposal.
        const typed = Object.fromEntries(
          Object.entries(input).filter(([key]) => key !== 'id' && key !== 'expectedVersion' && !(IDENTITY_FIELDS as readonly string[]).includes(key)),
        ) as Partial<CorrectableFields>;
        // The register keeps one form of a phone number and an address without stray spaces; an unreadable number stays as typed for the check to name.
        const changes = {
          ...typed,
          ...(typeof typed.phone === 'string' ? { phone: normalizePhone(typed.phone) ?? typed.phone } : {}),
          ...(typeof typed.residenceAddress === 'string' ? { residenceAddress: typed.residenceAddress.trim() } : {}),
        };
        const next = { ...current, ...stripUndefined(changes) };
        const errors = [...memberErrors(next, today()), ...registerPlaceErrors(next, current.orgPath)];
        if (errors.length) return failed(...errors);
        // Codes are checked against the list when they change: a unit abolished later does not block other corrections.
        if (next.residenceProvinceCode !== current.residenceProvinceCode || next.residenceCommuneCode !== current.residenceCommuneCode) {
          const codes = [next.residenceProvinceCode, next.residenceCommuneCode].filter((code): code is string => code !== null);
          const unitErrors = administrativeUnitErrors(next, await repos.administrativeUnits.inForce(codes, today()));
          if (unitErrors.length) return failed(...unitErrors);
        }
        const taken = await repos.members.identifiersHeldByOthers(current.id, next.citizenId, next.cardNumber ?? null);
        const held: UserError[] = [
          ...(taken.citizenId ? [{ code: 'CITIZEN_ID_TAKEN', field: 'citizenId', message: 'Số căn cước này đã có trong danh sách đảng viên.' }] : []),
          ...(taken.cardNumber ? [{ code: 'CARD_NUMBER_TAKEN', field: 'cardNumber', message: 'Số thẻ đảng viên này đã được dùng.' }] : []),
        ];
        if (held.length) return failed(...held);
        const updated = await repos.members.update(current.id, stripUndefined(changes));
        await audit(repos.audit, {
          action: 'member.updated',
          entityType: 'Member',
          entityId: updated.id,
          before: current,
          after: updated,
          orgPath: updated.orgPath,
          subjectMemberId: updated.id,
        });
        return { member: updated, userErrors: [] };
      });
    },
  };
}

export type MemberEditService = ReturnType<typeof memberEditService>;
