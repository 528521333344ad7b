import { DateScalar, DateTimeScalar, MoneyScalar, YearMonthScalar } from '@dangvu/subgraph-kit';
import type { Resolvers } from '../generated/resolvers.ts';
import { DuesMonth } from './DuesMonth.ts';
import { DuesMonthAdjustment } from './DuesMonthAdjustment.ts';
import { DuesMonthClose } from './DuesMonthClose.ts';
import { DuesMonthlyFigures } from './DuesMonthlyFigures.ts';
import { DuesPayerMonths } from './DuesPayerMonths.ts';
import { DuesQrPayment } from './DuesQrPayment.ts';
import { DuesReliefDecision } from './DuesReliefDecision.ts';
import { DuesRemittance } from './DuesRemittance.ts';
import { DuesVoluntaryAmount } from './DuesVoluntaryAmount.ts';
import { DuesReceipt } from './DuesReceipt.ts';
import { Member } from './Member.ts';
import { Mutation } from './Mutation.ts';
import { Organization } from './Organization.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = { Query, Mutation, Member, DuesMonth, DuesMonthClose, DuesMonthlyFigures, DuesReceipt, DuesQrPayment, DuesReliefDecision, DuesPayerMonths, DuesRemittance, DuesMonthAdjustment, DuesVoluntaryAmount, Organization, Money: MoneyScalar, Date: DateScalar, DateTime: DateTimeScalar, YearMonth: YearMonthScalar };
