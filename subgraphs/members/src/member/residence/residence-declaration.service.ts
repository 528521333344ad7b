import { auditor, notFound, parseId, transition, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { residenceActor } from '../../policy.ts';
import type { MembersStore, Repositories } from '../../repositories.ts';
import { rerouteOpenRequests } from '../../residence-comment/residence-comment.service.ts';
import type { MemberRow } from '../member.repository.ts';
import { reasonError } from '../identity-edit/identity-edit.rules.ts';
import { residenceDeclarationMachine, type ResidenceDeclarationAction } from './residence-declaration.machine.ts';
import type { ResidenceDeclarationRow } from './residence-declaration.repository.ts';
import { residenceCellRoute } from './residence-declaration.rules.ts';

export interface ResidenceDeclarationPayload {
  residenceDeclaration: ResidenceDeclarationRow | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): ResidenceDeclarationPayload => ({ residenceDeclaration: null, userErrors });
const stale: UserError = { code: 'STALE_VERSION', field: 'expectedVersion', message: 'Khai báo vừa được người khác xử lý: hãy tải lại trang.' };

/**
 * A member's residence cell (docs/rules/member-register.md#residence): declared by the member (or for them by an
 * officer of their cell), confirmed or not by the commune committee above the declared cell. Confirmation makes
 * it the register's residence cell and, in the same transaction, routes again the member's unanswered
 * residence-comment requests (docs/rules/residence-comments.md#a-residence-change).
 */
export function residenceDeclarationService(store: MembersStore, context: RequestContext, now: () => Date = () => new Date()) {
  const { identity } = context;
  const audit = auditor(context);

  const record = (repos: Repositories, action: string, member: MemberRow, before: ResidenceDeclarationRow | null, after: ResidenceDeclarationRow, onBehalfOf: string | null = null) =>
    audit(repos.audit, { action, entityType: 'ResidenceDeclaration', entityId: after.id, before, after, orgPath: member.orgPath, subjectMemberId: member.id, onBehalfOf });

  async function advance(input: { id: string; expectedVersion: number; note?: string | null }, action: Exclude<ResidenceDeclarationAction, 'DECLARE'>) {
    return store.transaction(async (repos) => {
      const declaration = await repos.residenceDeclarations.byIdForUpdate(parseId(input.id));
      if (!declaration) throw notFound('khai báo nơi cư trú');
      const member = await repos.members.byIdForUpdate(declaration.memberId);
      if (!member) throw notFound('đảng viên');
      const moved = transition(residenceDeclarationMachine, { state: declaration.state }, action, residenceActor(identity, member, declaration));
      if (!moved.ok) return failed(moved.error);
      if (declaration.version !== input.expectedVersion) return failed(stale);
      const note = input.note?.trim() || null;
      if (action === 'REJECT') {
        const invalid = reasonError(note ?? '', 'note');
        if (invalid) return failed(invalid);
      }
      const updated = await repos.residenceDeclarations.decide(declaration.id, {
        state: moved.to as ResidenceDeclarationRow['state'],
        decidedBy: identity.personId,
        decidedAt: now(),
        decisionNote: note,
      });
      await record(repos, `member.residenceDeclaration.${action.toLowerCase()}`, member, declaration, updated);
      if (action === 'CONFIRM') {
        await repos.members.update(member.id, { residenceOrgId: declaration.cellId });
        const rerouted = await rerouteOpenRequests(repos, member.id, declaration.cellId, vietnamDay(now()));
        await audit(repos.audit, {
          action: 'member.residenceCellChanged',
          entityType: 'Member',
          entityId: member.id,
          before: { residenceOrgId: member.residenceOrgId },
          after: { residenceOrgId: declaration.cellId, residenceDeclarationId: declaration.id, reroutedRequests: rerouted },
          orgPath: member.orgPath,
          subjectMemberId: member.id,
        });
      }
      return { residenceDeclaration: updated, userErrors: [] };
    });
  }

  return {
    async declare(input: { memberId: string; cellId: string }): Promise<ResidenceDeclarationPayload> {
      const cellId = parseId(input.cellId);
      return store.transaction(async (repos) => {
        const member = await repos.members.byIdForUpdate(parseId(input.memberId));
        if (!member) throw notFound('đảng viên');
        const moved = transition(residenceDeclarationMachine, { state: 'NONE' }, 'DECLARE', residenceActor(identity, member, null));
        if (!moved.ok) return failed(moved.error);
        const [cell] = await repos.organizationKinds.of([cellId]);
        const route = residenceCellRoute(cell?.orgPath ?? null, cell ? await repos.organizationKinds.onPath(cell.orgPath) : new Map());
        if ('code' in route) return failed(route);
        if (member.residenceOrgId === cellId) {
          return failed({ code: 'NOTHING_TO_CHANGE', field: 'cellId', message: 'Chi bộ này đã là chi bộ nơi cư trú của đảng viên.' });
        }
        const created = await repos.residenceDeclarations.insert({ memberId: member.id, cellId, ...route, declaredBy: identity.personId!, declaredAt: now() });
        if (!created) return failed({ code: 'DECLARATION_PENDING', field: 'memberId', message: 'Đã có một khai báo chi bộ nơi cư trú đang chờ xác nhận.' });
        await record(repos, 'member.residenceDeclaration.declare', member, null, created, member.id === identity.personId ? null : member.id);
        return { residenceDeclaration: created, userErrors: [] };
      });
    },
    confirm: (input: { id: string; expectedVersion: number }) => advance(input, 'CONFIRM'),
    reject: (input: { id: string; expectedVersion: number; note: string }) => advance(input, 'REJECT'),
    withdraw: (input: { id: string; expectedVersion: number }) => advance(input, 'WITHDRAW'),
  };
}

export type ResidenceDeclarationService = ReturnType<typeof residenceDeclarationService>;
