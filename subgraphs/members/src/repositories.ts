import { auditLog, createStore, memberEvents, publishEvent, type EventPayload, type Executor, type MemberEvents, type Store, type Topic } from '@dangvu/subgraph-kit';
import type { Db, Tx } from '@dangvu/drizzle';
import { accountRepository } from './account/account.repository.ts';
import { signInWindowRepository } from './account/sign-in-window.repository.ts';
import { totpRequirementRepository } from './account/totp-requirement.repository.ts';
import { auditTrailRepository } from './audit/audit-trail.repository.ts';
import { contactChangeRepository } from './contact-change/contact-change.repository.ts';
import { memberRepository } from './member/member.repository.ts';
import { memberListRepository } from './organization/member-list.repository.ts';
import { memberFiguresRepository } from './report/member-figures.repository.ts';
import { partnerRepository } from './partner/partner.repository.ts';
import { commentSigningKeyRepository } from './residence-comment/comment-signing-key.repository.ts';
import { residenceCommentRepository } from './residence-comment/residence-comment.repository.ts';
import { roleGrantRepository } from './role/role-grant.repository.ts';
import { sessionRepository } from './session/session.repository.ts';
import { dataQualityRepository } from './data-quality/data-quality.repository.ts';
import { insuranceRepository } from './import/insurance.repository.ts';
import { registerImportRepository } from './import/register-import.repository.ts';
import { registerUploads } from './import/register-uploads.ts';
import { statusChangeRepository } from './member/status/status-change.repository.ts';
import { identityEditRepository } from './member/identity-edit/identity-edit.repository.ts';
import { recognitionRepository } from './member/recognition/recognition.repository.ts';
import { residenceDeclarationRepository } from './member/residence/residence-declaration.repository.ts';
import { organizationKindRepository } from './organization/organization-kinds.repository.ts';
import { administrativeUnitRepository } from './member/residence/administrative-unit.repository.ts';

/**
 * The events this subgraph announces (the kit's member-events.ts), each payload checked against the registry.
 * Publish only inside a store's `transaction`, so that an event exists exactly when its change does.
 */
const outbox = (executor: Executor) => ({
  publish: <T extends Topic<MemberEvents>>(topic: T, aggregateId: string, payload: EventPayload<MemberEvents, T>) =>
    publishEvent(executor as Tx, memberEvents, topic, aggregateId, payload),
});

/** Every table of the members schema, one repository each, on a pool or a transaction. */
export function repositories(executor: Executor) {
  return {
    members: memberRepository(executor),
    memberLists: memberListRepository(executor),
    accounts: accountRepository(executor),
    roleGrants: roleGrantRepository(executor),
    partners: partnerRepository(executor),
    contactChanges: contactChangeRepository(executor),
    totpRequirements: totpRequirementRepository(executor),
    signInWindows: signInWindowRepository(executor),
    sessions: sessionRepository(executor),
    statusChanges: statusChangeRepository(executor),
    identityEdits: identityEditRepository(executor),
    recognitions: recognitionRepository(executor),
    residenceDeclarations: residenceDeclarationRepository(executor),
    organizationKinds: organizationKindRepository(executor),
    administrativeUnits: administrativeUnitRepository(executor),
    auditTrail: auditTrailRepository(executor),
    residenceComments: residenceCommentRepository(executor),
    commentSigningKeys: commentSigningKeyRepository(executor),
    uploads: registerUploads.repository(executor),
    registerImports: registerImportRepository(executor),
    insurance: insuranceRepository(executor),
    dataQuality: dataQualityRepository(executor),
    memberFigures: memberFiguresRepository(executor),
    audit: auditLog(executor),
    outbox: outbox(executor),
  };
}

export type Repositories = ReturnType<typeof repositories>;
export type MembersStore = Store<Repositories>;

export const membersStore = (db: Db): MembersStore => createStore(db, repositories);
