import type { Resolvers } from '../generated/resolvers.ts';
import { Account } from './Account.ts';
import { AuditEntry } from './AuditEntry.ts';
import { DateTimeScalar, MoneyScalar, YearMonthScalar } from '@dangvu/subgraph-kit';
import { CommentCampaign } from './CommentCampaign.ts';
import { CommentExemption } from './CommentExemption.ts';
import { ContactChangeRequest } from './ContactChangeRequest.ts';
import { DutyComment } from './DutyComment.ts';
import { GivenComment } from './GivenComment.ts';
import { IdentityEdit } from './IdentityEdit.ts';
import { IssueAccountPayload } from './IssueAccountPayload.ts';
import { JSONScalar } from './JSON.ts';
import { Member } from './Member.ts';
import { MemberMonthlyFigures } from './MemberMonthlyFigures.ts';
import { MemberViewerCan } from './MemberViewerCan.ts';
import { Mutation } from './Mutation.ts';
import { Organization } from './Organization.ts';
import { OrganizationViewerCan } from './OrganizationViewerCan.ts';
import { Query } from './Query.ts';
import { InsuranceReconciliation } from './InsuranceReconciliation.ts';
import { InsuranceReconciliationRow } from './InsuranceReconciliationRow.ts';
import { RegisterImport } from './RegisterImport.ts';
import { RegisterImportRow } from './RegisterImportRow.ts';
import { Recognition } from './Recognition.ts';
import { ResidenceDeclaration } from './ResidenceDeclaration.ts';
import { ResidenceComment } from './ResidenceComment.ts';
import { RoleGrant } from './RoleGrant.ts';
import { RoleGrantViewerCan } from './RoleGrantViewerCan.ts';
import { StatusChange } from './StatusChange.ts';
import { TemporaryMember } from './TemporaryMember.ts';
import { ViewerCan } from './ViewerCan.ts';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Member,
  MemberMonthlyFigures,
  MemberViewerCan,
  Organization,
  OrganizationViewerCan,
  Account,
  RoleGrant,
  RoleGrantViewerCan,
  ViewerCan,
  AuditEntry,
  ContactChangeRequest,
  StatusChange,
  IdentityEdit,
  Recognition,
  ResidenceDeclaration,
  TemporaryMember,
  IssueAccountPayload,
  ResidenceComment,
  RegisterImport,
  RegisterImportRow,
  InsuranceReconciliation,
  InsuranceReconciliationRow,
  CommentCampaign,
  CommentExemption,
  GivenComment,
  DutyComment,
  DateTime: DateTimeScalar,
  Money: MoneyScalar,
  JSON: JSONScalar,
  YearMonth: YearMonthScalar,
};
