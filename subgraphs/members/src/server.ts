import { readFileSync } from 'node:fs';
import type { DbHandle } from '@dangvu/drizzle';
import { DateScalar, personSigner, runJob, vietnamDay, type AnyJob, type SubgraphDefinition } from '@dangvu/subgraph-kit';
import { parse } from 'graphql';
import type { JWK } from 'jose';
import { accountLifecycleService } from './account/account-lifecycle.service.ts';
import { accountSecrets, type AccountSecrets } from './account/account-secrets.ts';
import { loginService } from './account/login.service.ts';
import { signInWindowsPurge } from './account/sign-in-windows.job.ts';
import { argon2Passwords, type PasswordHasher } from './account/passwords.ts';
import { secondFactorService } from './account/second-factor.service.ts';
import { auditTrailService } from './audit/audit-trail.service.ts';
import { viewRecorder } from './audit/view-recorder.ts';
import { contactChangeService } from './contact-change/contact-change.service.ts';
import { statusChangeReads } from './member/status/status-change-read.service.ts';
import { statusChangeService } from './member/status/status-change.service.ts';
import { identityEditReads } from './member/identity-edit/identity-edit-read.service.ts';
import { identityEditService } from './member/identity-edit/identity-edit.service.ts';
import { recognitionService } from './member/recognition/recognition.service.ts';
import { residenceDeclarationReads } from './member/residence/residence-declaration-read.service.ts';
import { residenceDeclarationService } from './member/residence/residence-declaration.service.ts';
import type { MembersContext } from './context.ts';
import { memberEditService } from './member/member-edit.service.ts';
import { memberReadService } from './member/member-read.service.ts';
import { memberSearchService } from './member/member-search.service.ts';
import { memberListService } from './organization/member-list.service.ts';
import { memberLoaders } from './member/member.loaders.ts';
import { callerOrganizations } from './member/caller-organization.ts';
import { memberTransferredConsumer } from './member/member-transferred.consumer.ts';
import { memberTransferredOutConsumer } from './member/member-transferred-out.consumer.ts';
import { memberTemporaryHostConsumer } from './member/member-temporary-host.consumer.ts';
import { organizationTypedConsumer } from './organization/organization-typed.consumer.ts';
import { organizationMovedConsumer } from './organization/organization-moved.consumer.ts';
import { laggingUnitsReader } from './report/lagging-units.ts';
import { memberFiguresLoader } from './report/member-figures.loaders.ts';
import { membersMonthlyFiguresJob } from './report/monthly-figures.job.ts';
import { rolloutSettingsConsumer } from './report/rollout-settings.consumer.ts';
import { partnerService } from './partner/partner.service.ts';
import { commentReminders } from './residence-comment/comment-reminders.job.ts';
import { residenceCommentLoaders } from './residence-comment/residence-comment.loaders.ts';
import { residenceCommentService } from './residence-comment/residence-comment.service.ts';
import { dataQualityService } from './data-quality/data-quality.service.ts';
import { insuranceReconciliationService } from './import/insurance-reconciliation.service.ts';
import { registerImportAnalysis } from './import/register-import.job.ts';
import { registerImportService } from './import/register-import.service.ts';
import { registerUploadService } from './import/register-upload.service.ts';
import { registerUploads } from './import/register-uploads.ts';
import { uploadRetention } from './import/upload-retention.job.ts';
import { rules } from './permissions.ts';
import { membersStore } from './repositories.ts';
import { resolvers } from './resolvers/index.ts';
import { roleService } from './role/role.service.ts';
import { accessTokenSigner, type AccessTokenSigner } from './session/access-token.ts';
import { sessionService } from './session/session.service.ts';
import { viewerAbilities } from './viewer-abilities.ts';
import { paperRequestService } from './residence-comment/paper-request.service.ts';
import { chromiumPrinter, type PdfPrinter } from '@dangvu/subgraph-kit/printing';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export interface MembersDeps {
  /** Signs the access tokens that login issues; the gateway holds the public half. */
  authSigner: AccessTokenSigner;
  /** Seals second-factor secrets and hashes one-time codes and refresh tokens (MEMBERS_SECRETS_KEY). */
  secrets: AccountSecrets;
  /** argon2id unless a test counts the checks. */
  passwords?: PasswordHasher;
  /** The clock of sign-in windows, sessions and codes; a test moves it. */
  now?: () => Date;
  /** The day of the next month on which a month's report figures freeze (REPORT_FREEZE_DAY, default 20). */
  reportFreezeDay?: number;
  /** Prints the paper residence-comment requests; a headless Chromium unless a test brings its own. */
  printer?: PdfPrinter;
}

/** The keys' part of the deps, from what the process reads (AUTH_PRIVATE_KEY, MEMBERS_SECRETS_KEY). */
export async function membersKeys(keys: { authPrivateKey: JWK; secretsKey: Buffer }): Promise<Pick<MembersDeps, 'authSigner' | 'secrets'>> {
  return { authSigner: await accessTokenSigner(keys.authPrivateKey), secrets: accountSecrets(keys.secretsKey) };
}

export function membersSubgraph(handle: DbHandle, deps: MembersDeps): SubgraphDefinition<MembersContext> {
  const { db } = handle;
  const store = membersStore(db);
  const callerOf = callerOrganizations();
  // The analysis runs after the start request has answered; a process that dies mid-way leaves the run to `npm run job`.
  const analyse = (importId: string) => {
    runJob(handle, registerImportAnalysis, { importId }).catch((error: unknown) => console.error(`error register import analysis importId=${importId}`, error));
  };
  const { secrets, passwords = argon2Passwords, now = () => new Date() } = deps;
  const signComment = personSigner(secrets.signingKeys);
  const printer = deps.printer ?? chromiumPrinter();
  return {
    name: 'members',
    typeDefs,
    resolvers: { ...resolvers, Date: DateScalar } as SubgraphDefinition<MembersContext>['resolvers'],
    rules,
    consumers: [organizationMovedConsumer, organizationTypedConsumer, memberTransferredConsumer, memberTransferredOutConsumer, memberTemporaryHostConsumer, rolloutSettingsConsumer],
    // Tokens, activation codes and secrets are shown once: a retry with the same key is told it was done.
    secretAnswers: ['login', 'refreshSession', 'partnerToken', 'issueAccount', 'reissueAccount', 'registerPartnerClient', 'startSecondFactor'],
    jobs: [signInWindowsPurge, commentReminders, registerImportAnalysis as AnyJob, uploadRetention, membersMonthlyFiguresJob({ freezeDay: deps.reportFreezeDay ?? 20, now })],
    receiveUpload: (call, uploadId, request) => registerUploads.receive(db, call, uploadId, request, now()),
    afterRequest: async (context) => {
      await context.views.flush();
      await context.residenceComments.flushReads();
    },
    context: (base) => {
      const views = viewRecorder(store, base);
      const loaders = memberLoaders(store.repos);
      const sessions = sessionService(store, base, { signer: deps.authSigner, secrets, now });
      return {
        ...base,
        views,
        loaders,
        caller: callerOf(base, loaders),
        abilities: viewerAbilities(base.identity),
        login: loginService(store.repos, { passwords, secrets, sessions, now }),
        sessions,
        accounts: accountLifecycleService(store, base, { passwords, secrets, now }),
        secondFactor: secondFactorService(store, base, { secrets, now }),
        roles: roleService(store, base),
        partners: partnerService(store, base, deps.authSigner.key),
        memberEdits: memberEditService(store, base),
        contactChanges: contactChangeService(store, base),
        reads: memberReadService(loaders, base.identity),
        search: memberSearchService(store.repos, views, base),
        memberLists: memberListService(store.repos),
        auditTrail: auditTrailService(store, base),
        statusChanges: statusChangeService(store, base, now),
        statusChangeReads: statusChangeReads(store.repos, loaders, base.identity, now),
        identityEdits: identityEditService(store, base, now),
        identityEditReads: identityEditReads(store.repos, loaders, base.identity, now),
        recognitions: recognitionService(store, base, now),
        residenceDeclarations: residenceDeclarationService(store, base, now),
        residenceDeclarationReads: residenceDeclarationReads(store.repos, loaders, base.identity),
        residenceComments: residenceCommentService(store, base, signComment, now),
        commentLoaders: residenceCommentLoaders(store.repos),
        registerUploads: registerUploadService(store, base),
        registerImports: registerImportService(store, base, { analyse, now, today: () => vietnamDay(now()) }),
        insurance: insuranceReconciliationService(store, base, () => vietnamDay(now())),
        dataQuality: dataQualityService(store, views, () => vietnamDay(now())),
        memberFigures: memberFiguresLoader(store.repos, now),
        laggingUnits: laggingUnitsReader(store.repos, now),
        now,
        paperRequests: paperRequestService(store, base, printer, now),
      };
    },
  };
}
