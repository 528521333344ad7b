import { readFileSync, writeFileSync } from 'node:fs';
import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { signAccessToken, type Identity, type Role } from '@dangvu/subgraph-kit';
import { and, eq, isNotNull } from 'drizzle-orm';
import { buildSchema, getNamedType, isCompositeType, isNonNullType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { post } from './http-helpers.ts';

/**
 * Every root query and mutation of the organization and members subgraphs, called by every kind of caller
 * inside and outside its subtree, against the table in permission-matrix.expected.json. Inputs are chosen so
 * that a caller who passes authorization gets userErrors and changes nothing. Then every field of Member and
 * Organization they serve, read by the same callers on the demo member and their cell, against
 * permission-matrix.fields.expected.json. A new operation or field without a row fails; so does any cell that
 * changes. `UPDATE_PERMISSION_MATRIX=1` rewrites both tables for review.
 */
const EXPECTED_FILE = new URL('./permission-matrix.expected.json', import.meta.url);
const EXPECTED_FIELDS_FILE = new URL('./permission-matrix.fields.expected.json', import.meta.url);
const SUBGRAPHS_UNDER_TEST = ['ORGANIZATION', 'MEMBERS', 'DUES', 'TRANSFERS'];

/** `hidden`: answered as if the thing did not exist (null, no error), as a member outside the caller's reach is. */
type Outcome = 'allowed' | 'hidden' | 'forbidden' | 'unauthenticated';
type Fixture = {
  cell: Org;
  otherCell: Org;
  ward: Org;
  otherWard: Org;
  province: Org;
  member: string;
  otherMember: string;
  endedGrant: string;
  decidedRequest: string;
  /** A dossier of the demo member to the other ward's cell: every step on a version it is not at meets STALE_VERSION. */
  demoTransfer: string;
  /** An answered residence-comment request about the demo member, asked by their cell of the other cell: every step on it is refused by its state. */
  demoComment: string;
  /** A remittance of the demo cell the ward confirmed, and a voluntary amount of the demo member it rejected: every step on them is refused by their state. */
  confirmedRemittance: string;
  decidedVoluntary: string;
};
type Org = { id: string; path: string };

type Call = { document: string; variables: (f: Fixture) => Record<string, unknown> };

/** One row per step of a dossier: its mutation on the demo member's dossier, with the step's own input. */
function transferSteps(steps: Record<string, Record<string, unknown>>): Record<string, Call> {
  return Object.fromEntries(
    Object.entries(steps).map(([name, input]) => [
      name,
      {
        document: `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { userErrors { code } } }`,
        variables: (f: Fixture) => ({ input: { transferId: f.demoTransfer, expectedVersion: 999, ...input } }),
      },
    ]),
  );
}

/** One row per step of a residence-comment request, on the demo member's answered request, with the step's own input. */
function commentSteps(steps: Record<string, Record<string, unknown>>): Record<string, Call> {
  return Object.fromEntries(
    Object.entries(steps).map(([name, input]) => [
      name,
      {
        document: `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { userErrors { code } } }`,
        variables: (f: Fixture) => ({ input: { requestId: f.demoComment, expectedVersion: 999, ...input } }),
      },
    ]),
  );
}

const OPERATIONS: Record<string, Call> = {
  organization: { document: 'query ($id: ID!) { organization(id: $id) { id name } }', variables: (f) => ({ id: f.cell.id }) },
  organizationRoots: { document: '{ organizationRoots { id } }', variables: () => ({}) },
  banks: { document: '{ banks { bin } }', variables: () => ({}) },
  me: { document: '{ me { id } }', variables: () => ({}) },
  member: { document: 'query ($id: ID!) { member(id: $id) { id fullName } }', variables: (f) => ({ id: f.member }) },
  members: { document: '{ members(filter: { query: "nguyen" }, first: 5) { pageInfo { hasNextPage } } }', variables: () => ({}) },
  auditTrail: { document: 'query ($id: ID!) { auditTrail(entityId: $id) { id } }', variables: (f) => ({ id: f.member }) },
  viewerCan: { document: '{ viewerCan { searchMembers } }', variables: () => ({}) },
  // No such import: an allowed caller passes the gate and meets NOT_FOUND.
  insuranceReconciliation: { document: '{ insuranceReconciliation(id: "00000000-0000-4000-8000-00000000dead") { id } }', variables: () => ({}) },
  registerImport: { document: '{ registerImport(id: "00000000-0000-4000-8000-00000000dead") { id } }', variables: () => ({}) },
  createOrganization: {
    document: 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { parentId: f.ward.id, code: 'ma thu', name: 'x', type: 'GRASSROOTS_CELL' } }),
  },
  renameOrganization: {
    document: 'mutation ($input: RenameOrganizationInput!) { renameOrganization(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { id: f.cell.id, name: 'x' } }),
  },
  moveOrganization: {
    document: 'mutation ($input: MoveOrganizationInput!) { moveOrganization(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { id: f.cell.id, newParentId: f.cell.id } }),
  },
  setRolloutScope: {
    // Already in scope: an allowed caller changes nothing.
    document: 'mutation ($input: SetRolloutScopeInput!) { setRolloutScope(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { id: f.cell.id, inRolloutScope: true } }),
  },
  reclassifyOrganization: {
    // The kind it has: an allowed caller meets SAME_TYPE and changes nothing.
    document: 'mutation ($input: ReclassifyOrganizationInput!) { reclassifyOrganization(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { id: f.cell.id, type: 'GRASSROOTS_CELL' } }),
  },
  confirmOrganizationType: {
    // Confirmed again the same day by another allowed caller: nothing new is recorded.
    document: 'mutation ($input: ConfirmOrganizationTypeInput!) { confirmOrganizationType(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { id: f.cell.id } }),
  },
  recordReportExport: {
    // A month to come: an allowed caller meets FUTURE_MONTH and nothing is recorded.
    document: 'mutation ($input: RecordReportExportInput!) { recordReportExport(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { organizationId: f.cell.id, month: '2099-01', format: 'CSV' } }),
  },
  setRolloutStage: {
    // No month set: an allowed caller changes nothing.
    document: 'mutation ($input: SetRolloutStageInput!) { setRolloutStage(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { id: f.cell.id, onlineFrom: null } }),
  },
  setAdministrativeUnit: {
    // A cell serves no administrative unit: an allowed caller meets NOT_A_COMMUNE_COMMITTEE and changes nothing.
    document: 'mutation ($input: SetAdministrativeUnitInput!) { setAdministrativeUnit(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { id: f.cell.id, administrativeUnitCode: '14329' } }),
  },
  dissolveOrganization: {
    document: 'mutation ($input: DissolveOrganizationInput!) { dissolveOrganization(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { id: f.cell.id } }),
  },
  setBankAccount: {
    document: 'mutation ($input: SetBankAccountInput!) { setBankAccount(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { organizationId: f.cell.id, bankBin: '000000', accountNumber: '1', holderName: '1' } }),
  },
  submitMonthlyReport: {
    // A month not ended: an allowed caller meets MONTH_NOT_ENDED and submits nothing.
    document: 'mutation ($input: SubmitMonthlyReportInput!) { submitMonthlyReport(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { organizationId: f.cell.id, month: '2099-01' } }),
  },
  login: { document: 'mutation { login(input: { username: "khong.co", password: "sai" }) { userErrors { code } } }', variables: () => ({}) },
  activateAccount: {
    document: 'mutation { activateAccount(input: { username: "khong.co", activationCode: "AAAAA-AAAAA", password: "x" }) { userErrors { code } } }',
    variables: () => ({}),
  },
  partnerToken: {
    document: 'mutation { partnerToken(input: { clientId: "00000000-0000-4000-8000-000000000000", clientSecret: "sai" }) { userErrors { code } } }',
    variables: () => ({}),
  },
  issueAccount: {
    document: 'mutation ($id: ID!) { issueAccount(input: { memberId: $id }) { userErrors { code } } }',
    variables: (f) => ({ id: f.member }),
  },
  reissueAccount: {
    document: 'mutation ($id: ID!) { reissueAccount(input: { memberId: $id }) { userErrors { code } } }',
    variables: (f) => ({ id: f.otherMember }),
  },
  changePassword: {
    document: 'mutation { changePassword(input: { currentPassword: "sai", newPassword: "x" }) { userErrors { code } } }',
    variables: () => ({}),
  },
  lockAccount: { document: 'mutation ($id: ID!) { lockAccount(input: { memberId: $id }) { userErrors { code } } }', variables: (f) => ({ id: f.otherMember }) },
  unlockAccount: { document: 'mutation ($id: ID!) { unlockAccount(input: { memberId: $id }) { userErrors { code } } }', variables: (f) => ({ id: f.member }) },
  revokeAccount: { document: 'mutation ($id: ID!) { revokeAccount(input: { memberId: $id }) { userErrors { code } } }', variables: (f) => ({ id: f.otherMember }) },
  // The demo member's account is not locked out: an allowed caller gets NOT_SIGN_IN_LOCKED.
  clearSignInLock: { document: 'mutation ($id: ID!) { clearSignInLock(input: { memberId: $id }) { userErrors { code } } }', variables: (f) => ({ id: f.member }) },
  refreshSession: { document: 'mutation { refreshSession(input: { refreshToken: "sai" }) { userErrors { code } } }', variables: () => ({}) },
  logout: { document: 'mutation { logout(input: { refreshToken: "sai" }) { ended } }', variables: () => ({}) },
  grantRole: {
    document: 'mutation ($input: GrantRoleInput!) { grantRole(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { memberId: f.member, role: 'SECRETARY', organizationId: f.cell.id } }),
  },
  endRole: {
    document: 'mutation ($input: EndRoleInput!) { endRole(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { grantId: f.endedGrant } }),
  },
  updateMember: {
    document: 'mutation ($input: UpdateMemberInput!) { updateMember(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { id: f.member, expectedVersion: 999 } }),
  },
  proposeContactChange: {
    document: 'mutation { proposeContactChange(input: {}) { userErrors { code } } }',
    variables: () => ({}),
  },
  decideContactChange: {
    document: 'mutation ($input: DecideContactChangeInput!) { decideContactChange(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { requestId: f.decidedRequest, approve: true } }),
  },
  applyForStatusChange: {
    // The demo member is active: a return to activity does not fit, whoever may apply meets STATUS_DOES_NOT_ALLOW.
    document: 'mutation ($input: ApplyForStatusChangeInput!) { applyForStatusChange(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { memberId: f.member, kind: 'RETURN_TO_ACTIVITY' } }),
  },
  resolveStatusChange: {
    document: 'mutation ($input: ResolveStatusChangeInput!) { resolveStatusChange(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { id: '00000000-0000-4000-8000-00000000dead', adopted: true, decision: { decidedOn: '2026-01-01', reference: '1-NQ/CB' } } }),
  },
  reportStatusChange: {
    document: 'mutation ($input: ReportStatusChangeInput!) { reportStatusChange(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { id: '00000000-0000-4000-8000-00000000dead' } }),
  },
  withdrawStatusChange: {
    document: 'mutation ($input: WithdrawStatusChangeInput!) { withdrawStatusChange(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { id: '00000000-0000-4000-8000-00000000dead' } }),
  },
  decideMemberStatus: {
    // A decision dated in the future: whoever may decide meets DECISION_DATE_IN_FUTURE and nothing changes.
    document: 'mutation ($input: DecideMemberStatusInput!) { decideMemberStatus(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { memberId: f.member, kind: 'DEATH', decision: { decidedOn: '2999-01-01', reference: '1-QĐ/ĐU' } } }),
  },
  proposeIdentityEdit: {
    // Nothing proposed and no reason: whoever may propose meets NOTHING_TO_CHANGE and nothing is written.
    document: 'mutation ($input: ProposeIdentityEditInput!) { proposeIdentityEdit(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { memberId: f.member, reason: '' } }),
  },
  decideIdentityEdit: {
    document: 'mutation ($input: DecideIdentityEditInput!) { decideIdentityEdit(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { id: '00000000-0000-4000-8000-00000000dead', expectedVersion: 1, approve: true } }),
  },
  withdrawIdentityEdit: {
    document: 'mutation ($input: WithdrawIdentityEditInput!) { withdrawIdentityEdit(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { id: '00000000-0000-4000-8000-00000000dead', expectedVersion: 1 } }),
  },
  proposeOfficialRecognition: {
    // A future day: whoever may propose meets a userError (FORBIDDEN_ACTION, a future day) and nothing is written.
    document: 'mutation ($input: ProposeOfficialRecognitionInput!) { proposeOfficialRecognition(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { memberId: f.member, resolution: { decidedOn: '2999-01-01', reference: '1-NQ/CB' } } }),
  },
  recognizeOfficialMember: {
    // The demo member is official with no proposal: whoever may decide meets NOT_PROBATIONARY and nothing changes.
    document: 'mutation ($input: RecognizeOfficialMemberInput!) { recognizeOfficialMember(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { memberId: f.member, decision: { decidedOn: '2999-01-01', reference: '1-QĐ/ĐU' } } }),
  },
  rejectOfficialRecognition: {
    document: 'mutation ($input: RejectOfficialRecognitionInput!) { rejectOfficialRecognition(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { memberId: f.member, reason: '' } }),
  },
  declareResidenceCell: {
    // A committee, not a cell: whoever may declare meets NOT_A_CELL and nothing is written.
    document: 'mutation ($input: DeclareResidenceCellInput!) { declareResidenceCell(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { memberId: f.member, cellId: f.ward.id } }),
  },
  decideResidenceDeclaration: {
    document: 'mutation ($input: DecideResidenceDeclarationInput!) { decideResidenceDeclaration(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { id: '00000000-0000-4000-8000-00000000dead', expectedVersion: 1, confirm: true } }),
  },
  withdrawResidenceDeclaration: {
    document: 'mutation ($input: WithdrawResidenceDeclarationInput!) { withdrawResidenceDeclaration(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { id: '00000000-0000-4000-8000-00000000dead', expectedVersion: 1 } }),
  },
  startSecondFactor: { document: 'mutation { startSecondFactor { userErrors { code } } }', variables: () => ({}) },
  confirmSecondFactor: { document: 'mutation { confirmSecondFactor(input: { code: "000000" }) { userErrors { code } } }', variables: () => ({}) },
  disableSecondFactor: { document: 'mutation { disableSecondFactor(input: { code: "000000" }) { userErrors { code } } }', variables: () => ({}) },
  requireSecondFactor: {
    document: 'mutation ($id: ID!) { requireSecondFactor(input: { organizationId: $id, required: false }) { required } }',
    variables: (f) => ({ id: f.cell.id }),
  },
  startRegisterFileUpload: {
    // Larger than the purpose allows: an allowed caller meets FILE_TOO_LARGE and no upload is started.
    document: 'mutation ($input: StartRegisterFileUploadInput!) { startRegisterFileUpload(input: $input) { userErrors { code } } }',
    variables: (f) => ({
      input: { purpose: 'REGISTER_IMPORT', organizationId: f.cell.id, fileName: 'x.csv', byteSize: 2_000_000_000, sha256: '0'.repeat(64) },
    }),
  },
  // An upload id that does not exist: an allowed caller meets UPLOAD_NOT_FOUND and nothing is imported.
  startRegisterImport: {
    document: 'mutation { startRegisterImport(input: { uploadId: "00000000-0000-4000-8000-00000000dead" }) { userErrors { code } } }',
    variables: () => ({}),
  },
  // Nothing chosen: an allowed caller meets NOTHING_CHOSEN before any import is read.
  applyRegisterImport: {
    document: 'mutation { applyRegisterImport(input: { importId: "00000000-0000-4000-8000-00000000dead", rowNumbers: [] }) { userErrors { code } } }',
    variables: () => ({}),
  },
  startInsuranceReconciliation: {
    document: 'mutation { startInsuranceReconciliation(input: { uploadId: "00000000-0000-4000-8000-00000000dead" }) { userErrors { code } } }',
    variables: () => ({}),
  },
  applyInsuranceReconciliation: {
    document: 'mutation { applyInsuranceReconciliation(input: { reconciliationId: "00000000-0000-4000-8000-00000000dead", rowNumbers: [] }) { userErrors { code } } }',
    variables: () => ({}),
  },
  registerPartnerClient: {
    document: 'mutation { registerPartnerClient(input: { name: "x", scopes: [] }) { userErrors { code } } }',
    variables: () => ({}),
  },
  revokePartnerClient: {
    document: 'mutation { revokePartnerClient(input: { clientId: "00000000-0000-4000-8000-00000000dead" }) { userErrors { code } } }',
    variables: () => ({}),
  },
  duesQuote: {
    document: '{ duesQuote(input: { situation: STUDENT, month: "2026-02" }) { quote { amount } userErrors { code } } }',
    variables: () => ({}),
  },
  // No month chosen: refused with MONTHS_REQUIRED after the check on the member's cell, so the matrix writes nothing.
  recordCashPayment: {
    document: 'mutation ($input: RecordCashPaymentInput!) { recordCashPayment(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { memberId: f.member, months: [] } }),
  },
  // No month chosen: refused with MONTHS_REQUIRED after the check on the member, so the matrix prepares nothing.
  preparePayment: {
    document: 'mutation ($input: PreparePaymentInput!) { preparePayment(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { memberId: f.member, months: [] } }),
  },
  // Receipts, shared links (docs/rules/dues-payments.md): an unknown receipt is hidden from everyone; no month
  // chosen is refused with MONTHS_REQUIRED after the check on the member; revoking answers LINK_NOT_FOUND alike for
  // an unknown link and one out of the caller's reach (subgraphs/dues/test/share-link.int.test.ts holds the roles).
  duesReceipt: { document: '{ duesReceipt(id: "00000000-0000-4000-8000-00000000dead") { id } }', variables: () => ({}) },
  duesSharedPayment: { document: '{ duesSharedPayment(token: "khong-phai-lien-ket") { state } }', variables: () => ({}) },
  createDuesShareLink: {
    document: 'mutation ($input: CreateDuesShareLinkInput!) { createDuesShareLink(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { memberId: f.member, months: [] } }),
  },
  revokeDuesShareLink: {
    document: 'mutation { revokeDuesShareLink(input: { linkId: "00000000-0000-4000-8000-00000000dead" }) { userErrors { code } } }',
    variables: () => ({}),
  },
  // The demo cell's region as the demo data sets it (its ward's, region II): an allowed caller changes nothing.
  setWageRegion: {
    document: 'mutation ($input: SetWageRegionInput!) { setWageRegion(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { organizationId: f.cell.id, region: 'REGION_II' } }),
  },
  // No reference and dated in the future: refused in userErrors after the check on the deciding body, so the matrix records nothing.
  decideDuesRelief: {
    document: 'mutation ($input: DecideDuesReliefInput!) { decideDuesRelief(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { memberId: f.member, kind: 'WAIVER', ground: 'PARTY_AGE_50', fromMonth: '2026-03', reference: ' ', decidedOn: '2999-01-01' } }),
  },
  // The month under way: refused with MONTH_NOT_OVER after the check on the cell, so the matrix closes nothing.
  closeDuesMonth: {
    document: 'mutation ($input: CloseDuesMonthInput!) { closeDuesMonth(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { organizationId: f.cell.id, month: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).slice(0, 7) } }),
  },
  // Bank reconciliation. An empty file: refused with EMPTY_FILE after the check on the cell, so nothing starts.
  startBankStatementUpload: {
    document: 'mutation ($input: StartBankStatementUploadInput!) { startBankStatementUpload(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { organizationId: f.cell.id, fileName: 'sao-ke.csv', byteSize: 0, sha256: '0'.repeat(64) } }),
  },
  // No such upload: UPLOAD_NOT_FOUND, the same answer for anyone the gate lets try, so it tells nothing.
  importBankStatement: {
    document: 'mutation ($input: ImportBankStatementInput!) { importBankStatement(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { uploadId: '00000000-0000-4000-8000-00000000dead', preset: 'BIDV' } }),
  },
  // No such exception: refused as FORBIDDEN, as one out of reach is.
  resolveDuesPaymentException: {
    document: 'mutation ($input: ResolveDuesPaymentExceptionInput!) { resolveDuesPaymentException(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { exceptionId: '00000000-0000-4000-8000-00000000dead', action: 'NOT_DUES', reason: 'x' } }),
  },
  // An allowed caller makes the demo cell a new key (the demo data gives it none), which only the cell's own officers may.
  createPaymentNotificationKey: {
    document: 'mutation ($input: CreatePaymentNotificationKeyInput!) { createPaymentNotificationKey(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { organizationId: f.cell.id } }),
  },
  // Remittance and decisions after a close: each allowed caller meets a userError (no reference, zero, no request, a decided state).
  submitDuesRemittance: {
    document: 'mutation ($input: SubmitDuesRemittanceInput!) { submitDuesRemittance(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { organizationId: f.cell.id, month: '2020-01', transferReference: ' ', transferredOn: '2020-02-01' } }),
  },
  confirmDuesRemittance: {
    document: 'mutation ($input: ConfirmDuesRemittanceInput!) { confirmDuesRemittance(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { id: f.confirmedRemittance } }),
  },
  rejectDuesRemittance: {
    document: 'mutation ($input: RejectDuesRemittanceInput!) { rejectDuesRemittance(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { id: f.confirmedRemittance, reason: 'x' } }),
  },
  recordDuesAdjustment: {
    document: 'mutation ($input: RecordDuesAdjustmentInput!) { recordDuesAdjustment(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { organizationId: f.cell.id, month: '2020-01', kind: 'CORRECTION', amount: '0', reason: 'x' } }),
  },
  proposeVoluntaryDues: {
    document: 'mutation ($input: ProposeVoluntaryDuesInput!) { proposeVoluntaryDues(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { memberId: f.member, amount: '1', fromMonth: '2020-01', request: ' ' } }),
  },
  decideVoluntaryDues: {
    document: 'mutation ($input: DecideVoluntaryDuesInput!) { decideVoluntaryDues(input: $input) { userErrors { code } } }',
    variables: (f) => ({ input: { id: f.decidedVoluntary, decision: 'APPROVE' } }),
  },
  addWorkingDays: { document: '{ addWorkingDays(from: "2026-02-13", days: 1) }', variables: () => ({}) },
  workingDaysBetween: { document: '{ workingDaysBetween(from: "2026-02-13", to: "2026-02-23") }', variables: () => ({}) },
  calendarAdjustments: { document: '{ calendarAdjustments(year: 2026) { day } }', variables: () => ({}) },
  // A Saturday given as a day off: refused with ALREADY_DAY_OFF, so the matrix writes nothing.
  setCalendarAdjustment: {
    document: 'mutation { setCalendarAdjustment(input: { day: "2027-02-13", kind: DAY_OFF, note: "x", source: "x" }) { userErrors { code } } }',
    variables: () => ({}),
  },
  removeCalendarAdjustment: {
    document: 'mutation { removeCalendarAdjustment(input: { day: "2027-03-04" }) { userErrors { code } } }',
    variables: () => ({}),
  },
  // The transfer steps, on a dossier of the demo member: a caller who may see it meets STALE_VERSION, one who
  // may not FORBIDDEN; the vouchers and codes below are refused as such.
  transfer: { document: 'query ($id: ID!) { transfer(id: $id) { id state } }', variables: (f) => ({ id: f.demoTransfer }) },
  transferByCode: { document: '{ transferByCode(code: "KHONG-CO-2026-0001") { id } }', variables: () => ({}) },
  startTransfer: {
    document:
      'mutation { startTransfer(input: { kind: OFFICIAL, memberVoucher: "sai", reason: "x", decisionReference: "x", effectiveOn: "2026-01-01", selfReview: "x" }) { userErrors { code } } }',
    variables: () => ({}),
  },
  // The demo dossier is a draft: the receiving side meets ILLEGAL_TRANSITION, another officer FORBIDDEN_ACTION; nothing is recorded.
  checkTransferDossierItems: {
    document: 'mutation ($id: ID!) { checkTransferDossierItems(input: { transferId: $id, items: [LETTER] }) { userErrors { code } } }',
    variables: (f) => ({ id: f.demoTransfer }),
  },
  ...transferSteps({
    submitTransfer: {},
    cancelTransfer: { reason: 'x' },
    reviewTransfer: { meetingOn: '2026-01-01', conclusion: 'x' },
    returnTransferForCompletion: { missing: 'x' },
    rejectTransfer: { reason: 'x' },
    issueTransferLetter: { letterVoucher: 'sai' },
    handOverTransferDossier: {},
    replaceLostTransferLetter: { policeConfirmation: 'x', circumstances: 'x' },
    receiveTransfer: {},
    acceptTransfer: {},
    refuseTransfer: { reason: 'x' },
    recordExternalReceipt: { slipReference: 'x', receivedOn: '2026-01-01' },
    extendTemporaryTransfer: { endsOn: '2026-12-31', reason: 'x' },
    endTemporaryTransfer: { endedOn: '2026-01-01' },
  }),
  recordTransferHandover: {
    document: 'mutation { recordTransferHandover(input: { code: "KHONG-CO-2026-0001", letterNumber: "x" }) { userErrors { code } } }',
    variables: () => ({}),
  },
  // Residence comments: a due day in the past, the yearly purpose alone, and steps on an answered request.
  residenceComment: { document: 'query ($id: ID!) { residenceComment(id: $id) { id state } }', variables: (f) => ({ id: f.demoComment }) },
  openCommentCampaign: {
    document: 'mutation ($id: ID!) { openCommentCampaign(input: { organizationId: $id, dueOn: "2020-01-01" }) { userErrors { code } } }',
    variables: (f) => ({ id: f.cell.id }),
  },
  requestResidenceComment: {
    document: 'mutation ($id: ID!) { requestResidenceComment(input: { memberId: $id, purpose: ANNUAL_REVIEW, dueOn: "2020-01-01" }) { userErrors { code } } }',
    variables: (f) => ({ id: f.otherMember }),
  },
  ...commentSteps({
    routeResidenceCommentToCommune: { communeId: '00000000-0000-4000-8000-000000000001' },
    assignResidenceCommentCell: { cellId: '00000000-0000-4000-8000-000000000001' },
    sendResidenceCommentOnPaper: { recipientName: 'x', recipientAddress: 'x' },
    answerResidenceComment: { duties: [], overall: 'x' },
    recordPaperResidenceComment: { receivedOn: '2020-01-01', overall: 'x', scanFileName: 'x.pdf' },
    supersedeResidenceComment: { reason: '', overall: 'x' },
    cancelResidenceComment: { reason: 'x' },
  }),
};

let platform: TestPlatform;
let handle: DbHandle;
let fixture: Fixture;
const callers: Record<string, Identity | null> = {};

const person = (id: string, role?: Role, org?: Org): Identity => ({
  personId: id,
  grants: role && org ? [{ role, orgId: org.id, orgPath: org.path }] : [],
  partner: null,
});

beforeAll(async () => {
  platform = await startTestPlatform();
  handle = createDb(platform.databaseUrl, { max: 2 });
  const { db } = handle;
  const orgs = await db.select().from(tables.organizations);
  const cell = orgs.find((o) => o.name === platform.demo.member.cellName)!;
  const ward = orgs.find((o) => o.id === cell.parentId)!;
  const otherWard = orgs.find((o) => o.type === 'PROVINCE_SUBORDINATE' && o.id !== ward.id)!;
  const otherCell = orgs.find((o) => o.parentId === otherWard.id && o.type === 'GRASSROOTS_CELL')!;
  const province = orgs.find((o) => o.type === 'PROVINCIAL')!;
  const inCell = await db.select().from(tables.members).where(eq(tables.members.orgId, cell.id));
  const memberAccount = (await db.select().from(tables.accounts)).find((a) => a.username === platform.demo.member.username)!;
  const otherMember = inCell.find((m) => m.rosterNumber === 20)!;
  const [ended] = await db
    .insert(tables.roleGrants)
    .values({ memberId: otherMember.id, role: 'DEPUTY_SECRETARY', orgId: cell.id, orgPath: cell.path, startsOn: '2020-01-01', endsOn: '2021-01-01' })
    .returning();
  const [decided] = await db
    .insert(tables.contactChangeRequests)
    .values({ memberId: memberAccount.memberId, phone: '0900000000', status: 'REJECTED' })
    .returning();
  fixture = {
    cell,
    otherCell,
    ward,
    otherWard,
    province,
    member: memberAccount.memberId,
    otherMember: otherMember.id,
    endedGrant: ended!.id,
    decidedRequest: decided!.id,
    demoComment: '',
    confirmedRemittance: '',
    decidedVoluntary: '',
    demoTransfer: (
      await db
        .insert(tables.transfers)
        .values({
          code: 'MATRIX-2026-0001',
          memberId: memberAccount.memberId,
          memberName: platform.demo.member.fullName,
          kind: 'OFFICIAL',
          fromOrgId: cell.id,
          originPath: cell.path,
          originCode: cell.code,
          originName: cell.name,
          grassrootsOrgId: cell.id,
          route: 'SUPERIOR',
          issuerOrgId: ward.id,
          issuerPath: ward.path,
          issuerCode: ward.code,
          issuerName: ward.name,
          toOrgId: otherCell.id,
          destinationPath: otherCell.path,
          destinationName: otherCell.name,
          receivingRootPath: otherWard.path,
          reason: 'Chuyển công tác',
          effectiveOn: '2026-01-05',
          lastStepOn: '2026-01-05',
        })
        .returning()
    )[0]!.id,
  };
  fixture.demoComment = (
    await db
      .insert(tables.residenceCommentRequests)
      .values({
        memberId: fixture.member,
        workplaceOrgId: cell.id,
        workplacePath: cell.path,
        purpose: 'AWARD',
        dueOn: '2026-01-20',
        state: 'ANSWERED',
        residenceCellId: otherCell.id,
        residenceCellPath: otherCell.path,
        requestedBy: otherMember.id,
        answeredAt: new Date('2026-01-10T03:00:00Z'),
      })
      .returning()
  )[0]!.id;
  fixture.confirmedRemittance = (
    await db
      .insert(tables.remittances)
      .values({
        orgId: cell.id,
        orgPath: cell.path,
        superiorOrgId: ward.id,
        period: '2020-01-01',
        state: 'CONFIRMED',
        amountFromClose: 1000,
        amountFromAdjustments: 0,
        amount: 1000,
        transferReference: 'MATRIX',
        transferredOn: '2020-02-01',
        submittedBy: otherMember.id,
        submittedAt: new Date('2020-02-01T03:00:00Z'),
      })
      .returning()
  )[0]!.id;
  fixture.decidedVoluntary = (
    await db
      .insert(tables.voluntaryAmounts)
      .values({ memberId: fixture.member, orgId: cell.id, orgPath: cell.path, deciderOrgId: ward.id, amount: 1_000_000, fromMonth: '2020-01-01', request: 'x', state: 'REJECTED', proposedBy: otherMember.id })
      .returning()
  )[0]!.id;
  const staff = (n: number) => inCell.find((m) => m.rosterNumber === n)!.id;
  Object.assign(callers, {
    anonymous: null,
    'member (self)': person(fixture.member),
    'member (other)': person(otherMember.id),
    'secretary (in)': person(staff(1), 'SECRETARY', cell),
    'secretary (out)': person(staff(1), 'SECRETARY', otherCell),
    'deputy (in)': person(staff(2), 'DEPUTY_SECRETARY', cell),
    'deputy (out)': person(staff(2), 'DEPUTY_SECRETARY', otherCell),
    'finance (in)': person(staff(3), 'FINANCE_MEMBER', cell),
    'finance (out)': person(staff(3), 'FINANCE_MEMBER', otherCell),
    'admin (in)': person(staff(4), 'ADMIN', ward),
    'admin (out)': person(staff(4), 'ADMIN', otherWard),
    'admin (province)': person(staff(4), 'ADMIN', province),
    'analyst (in)': person(staff(5), 'ANALYST', ward),
    'analyst (out)': person(staff(5), 'ANALYST', otherWard),
    // The ward committee's office and its support team (docs/rules/roles.md#processing-officer, #support-team); roster 7 is the demo member.
    'processing officer (in)': person(staff(11), 'PROCESSING_OFFICER', ward),
    'processing officer (out)': person(staff(11), 'PROCESSING_OFFICER', otherWard),
    'support team (in)': person(staff(12), 'SUPPORT_TEAM', ward),
    'support team (out)': person(staff(12), 'SUPPORT_TEAM', otherWard),
    partner: { personId: null, grants: [], partner: { clientId: '00000000-0000-4000-8000-0000000000ff', scopes: ['members:read', 'organizations:read'] } },
  });
  // Every allowed mutation below meets a userError after its authorization check; lockAccount needs an account to refuse.
  await db.update(tables.accounts).set({ status: 'ACTIVE' }).where(and(eq(tables.accounts.memberId, fixture.member), isNotNull(tables.accounts.passwordHash)));
});
afterAll(async () => {
  await handle?.close();
  await platform?.stop();
});

/** How each type's fields are reached: on the demo member, and on their cell. */
const FIELD_OWNERS: Record<string, (selection: string) => Call> = {
  Member: (selection) => ({ document: `query ($id: ID!) { member(id: $id) { ${selection} } }`, variables: (f) => ({ id: f.member }) }),
  Organization: (selection) => ({ document: `query ($id: ID!) { organization(id: $id) { ${selection} } }`, variables: (f) => ({ id: f.cell.id }) }),
};

async function outcome(name: string, { document, variables }: Call, identity: Identity | null): Promise<Outcome> {
  const headers = identity ? { authorization: `Bearer ${await signAccessToken(identity, platform.authSigningKey)}` } : undefined;
  const { status, body } = await post(platform, { query: document, variables: variables(fixture) }, headers);
  const codes = (body.errors ?? []).map((error) => error.extensions?.code);
  if (status === 401 || codes.includes('UNAUTHENTICATED')) return 'unauthenticated';
  if (codes.includes('FORBIDDEN')) return 'forbidden';
  // Past authorization, the thing asked for is missing (a caller with no account of their own, say).
  if (codes.every((code) => code === 'NOT_FOUND') && codes.length > 0) return 'allowed';
  if (codes.length > 0) throw new Error(`${name}: unexpected errors ${JSON.stringify(body.errors)}`);
  // Every fixture exists: a null answer with no error is the thing withheld, not missing.
  if (body.data && Object.values(body.data).every((value) => value === null)) return 'hidden';
  return 'allowed';
}

const supergraph = () => buildSchema(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'), { assumeValidSDL: true });

/** A field clients can ask for (not `_entities`, not @inaccessible) that the organization or members subgraph serves. */
const servedByUnderTest = (field: GraphQLField<unknown, unknown>) =>
  !field.name.startsWith('_') &&
  !field.astNode?.directives?.some((d) => d.name.value === 'inaccessible') &&
  Boolean(
    field.astNode?.directives?.some(
      (d) => d.name.value === 'join__field' && d.arguments?.some((a) => a.value.kind === 'EnumValue' && SUBGRAPHS_UNDER_TEST.includes(a.value.value)),
    ),
  );

function rootOperations(): string[] {
  const schema = supergraph();
  return [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
    Object.values(type.getFields())
      .filter(servedByUnderTest)
      .map((field) => field.name),
  );
}

/** A value for each required argument, by its type (a report's month, say). */
const ARGUMENT_VALUES: Record<string, string> = { YearMonth: '"2026-01"' };
function requiredArguments(field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  if (required.length === 0) return '';
  return `(${required.map((arg) => `${arg.name}: ${ARGUMENT_VALUES[getNamedType(arg.type).name]}`).join(', ')})`;
}
/** The required arguments of a field, as the fields' table passes them: the demo member's answered request (not on paper). */
const FIELD_ARGUMENTS: Record<string, (f: Fixture) => string> = {
  'Organization.paperCommentRequest': (f) => `(requestId: "${f.demoComment}")`,
};

/** `Type.field` with the smallest selection that reads it, for every field of the types in FIELD_OWNERS. */
function typeFields(): Record<string, Call> {
  const schema = supergraph();
  return Object.fromEntries(
    Object.entries(FIELD_OWNERS).flatMap(([typeName, call]) =>
      Object.values((schema.getType(typeName) as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields())
        .filter(servedByUnderTest)
        .map((field) => {
          const asked = `${field.name}${FIELD_ARGUMENTS[`${typeName}.${field.name}`]?.(fixture) ?? requiredArguments(field)}`;
          return [`${typeName}.${field.name}`, call(isCompositeType(getNamedType(field.type)) ? `${asked} { __typename }` : asked)];
        }),
    ),
  );
}

async function matrix(calls: Record<string, Call>, file: URL) {
  const actual: Record<string, Record<string, Outcome>> = {};
  for (const name of Object.keys(calls).sort()) {
    actual[name] = {};
    for (const [caller, identity] of Object.entries(callers)) actual[name][caller] = await outcome(name, calls[name]!, identity);
  }
  if (process.env.UPDATE_PERMISSION_MATRIX) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

describe('the permission matrix of the organization and members subgraphs', () => {
  it('has a row for every root query and mutation they serve', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(rootOperations().sort());
  });

  it('matches the expected table for every caller', () => matrix(OPERATIONS, EXPECTED_FILE), 240_000);

  it('has a row for every field of Member and Organization they serve, and matches it for every caller', async () => {
    const expected = JSON.parse(readFileSync(EXPECTED_FIELDS_FILE, 'utf8')) as Record<string, unknown>;
    const fields = typeFields();
    if (!process.env.UPDATE_PERMISSION_MATRIX) expect(Object.keys(fields).sort()).toEqual(Object.keys(expected).sort());
    await matrix(fields, EXPECTED_FIELDS_FILE);
  }, 180_000);
});
