import { dong, quoteDues } from '../rates/dues-quote.rules.ts';
import { RATE_CONFIG, type DuesCategory, type RateConfig, type WageRegion } from '../rates/rates.config.ts';

/** A member on the dues roll, as the month's obligation needs them; amounts in whole dong. */
export interface Payer {
  memberId: string;
  orgId: string;
  category: DuesCategory;
  basis: bigint | null;
  birthDate: string | null;
  sex: 'MALE' | 'FEMALE' | null;
}

/** A waiver or reduction decision; months are first days (YYYY-MM-01), `untilMonth` inclusive or open. */
export interface Relief {
  id: string;
  kind: 'WAIVER' | 'REDUCTION';
  percent: number | null;
  fromMonth: string;
  untilMonth: string | null;
}

/** An approved voluntary higher amount (docs/rules/dues-obligations.md#voluntary-higher-amounts), monthly from `fromMonth` (a first day). */
export interface VoluntaryAmount {
  id: string;
  amount: bigint;
  fromMonth: string;
}

/** The voluntary amount in force for the month: the latest approved one to take effect by then. */
export function voluntaryFor(amounts: readonly VoluntaryAmount[], period: string): VoluntaryAmount | null {
  return amounts.filter((v) => v.fromMonth <= period).sort((a, b) => b.fromMonth.localeCompare(a.fromMonth))[0] ?? null;
}

export interface PlannedObligation {
  memberId: string;
  orgId: string;
  period: string;
  amount: bigint;
  ratedAmount: bigint;
  status: 'DUE' | 'WAIVED' | 'DEFERRED';
  calculation: string;
  reliefDecisionId: string | null;
}

/** A temporary exemption as the dues subgraph keeps it: the days its resolutions were decided; `endsOn` null while it lasts. */
export interface TemporaryExemption {
  startsOn: string;
  endsOn: string | null;
}

const nextMonth = (day: string) => {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
};

/**
 * Whether the month `period` (a first day) falls in a temporary exemption and is deferred
 * (docs/rules/dues-obligations.md#temporary-exemption): the whole months after the one of the resolution that began
 * it, up to the month before the one of the resolution that ended it. The months of both resolutions are owed as usual.
 */
export const deferredIn = (exemptions: readonly TemporaryExemption[], period: string) =>
  exemptions.some((e) => nextMonth(e.startsOn) <= period && (e.endsOn === null || period < `${e.endsOn.slice(0, 7)}-01`));

export type PlanResult = { ok: true; obligation: PlannedObligation } | { ok: false; code: string; message: string };

/** The decision in force for the month: a waiver before a reduction, then the latest to take effect. */
export function reliefFor(reliefs: readonly Relief[], period: string): Relief | null {
  const inForce = reliefs.filter((relief) => relief.fromMonth <= period && (relief.untilMonth === null || period <= relief.untilMonth));
  inForce.sort((a, b) => (a.kind === b.kind ? b.fromMonth.localeCompare(a.fromMonth) : a.kind === 'WAIVER' ? -1 : 1));
  return inForce[0] ?? null;
}

/**
 * The obligation of `payer` for `period` (docs/rules/dues-obligations.md): the rate table's amount for the
 * month, then the decision in force: a waiver makes it zero (WAIVED), a reduction takes off its percentage,
 * the rest rounded half up to the dong. A reduction changes the amount only; the month stays DUE. Without a
 * decision in force, an approved voluntary amount above the rate's is owed instead; a waiver or reduction wins
 * over it, since it relieves what the rate asks (docs/rules/dues-obligations.md#voluntary-higher-amounts). A month
 * owed in a temporary exemption is DEFERRED, with its amount (docs/rules/dues-obligations.md#temporary-exemption).
 */
export function planObligation(
  payer: Payer,
  period: string,
  wageRegion: WageRegion | null,
  reliefs: readonly Relief[],
  voluntary: readonly VoluntaryAmount[] = [],
  exemptions: readonly TemporaryExemption[] = [],
  config: RateConfig = RATE_CONFIG,
): PlanResult {
  const planned = reckon(payer, period, wageRegion, reliefs, voluntary, config);
  if (!planned.ok || planned.obligation.status !== 'DUE' || !deferredIn(exemptions, period)) return planned;
  const { obligation } = planned;
  return { ok: true, obligation: { ...obligation, status: 'DEFERRED', calculation: `${obligation.calculation}; hoãn đóng trong thời gian tạm miễn sinh hoạt đảng, đóng khi trở lại sinh hoạt` } };
}

/** The month's amount by the rate table and the decisions in force, before any deferral. */
function reckon(payer: Payer, period: string, wageRegion: WageRegion | null, reliefs: readonly Relief[], voluntary: readonly VoluntaryAmount[], config: RateConfig): PlanResult {
  const quoted = quoteDues(
    { category: payer.category, basis: payer.basis, wageRegion, localityClass: null, birthDate: payer.birthDate, sex: payer.sex, month: period.slice(0, 7) },
    config,
  );
  if (!quoted.ok) return { ok: false, code: quoted.userErrors[0]!.code, message: quoted.userErrors[0]!.message };
  const rated = quoted.quote.amount;
  const relief = reliefFor(reliefs, period);
  const base = { memberId: payer.memberId, orgId: payer.orgId, period, ratedAmount: rated, reliefDecisionId: relief?.id ?? null };
  const calculation = `${quoted.quote.rule}: ${quoted.quote.calculation}`;
  if (relief?.kind === 'WAIVER') return { ok: true, obligation: { ...base, amount: 0n, status: 'WAIVED', calculation: `${calculation}; miễn đóng theo quyết định` } };
  if (relief?.kind === 'REDUCTION') {
    const keep = BigInt(100 - relief.percent!);
    const amount = (rated * keep * 2n + 100n) / 200n;
    return { ok: true, obligation: { ...base, amount, status: 'DUE', calculation: `${calculation}; giảm ${relief.percent}% theo quyết định: ${dong(amount)}` } };
  }
  const higher = voluntaryFor(voluntary, period);
  if (higher && higher.amount > rated) {
    return { ok: true, obligation: { ...base, amount: higher.amount, status: 'DUE', calculation: `${calculation}; tự nguyện đóng cao hơn mức quy định theo quyết định của cấp trên: ${dong(higher.amount)}` } };
  }
  return { ok: true, obligation: { ...base, amount: rated, status: 'DUE', calculation } };
}
