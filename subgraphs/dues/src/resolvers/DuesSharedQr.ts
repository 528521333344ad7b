import type { DuesSharedQrResolvers } from '../generated/resolvers.ts';
import { qrPaymentFields } from './DuesQrPayment.ts';

// The member's QR payment without the member or the organization's entity.
export const DuesSharedQr: DuesSharedQrResolvers = { ...qrPaymentFields };
