import type { Resolvers } from '../generated/resolvers.ts';
import { BankAccount } from './BankAccount.ts';
import { Mutation } from './Mutation.ts';
import { Organization } from './Organization.ts';
import { OrganizationVersion } from './OrganizationVersion.ts';
import { OrganizationViewerCan } from './OrganizationViewerCan.ts';
import { Query } from './Query.ts';
import { Rollout } from './Rollout.ts';
import { MonthlyReport } from './MonthlyReport.ts';

export const resolvers: Resolvers = { Query, Mutation, Organization, OrganizationVersion, OrganizationViewerCan, BankAccount, Rollout, MonthlyReport };
