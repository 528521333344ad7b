import { COMMUNES, PROVINCE } from './geography.ts';
import type { SeedOrganization } from './organizations.ts';
import type { Random } from './random.ts';
import { ETHNICITIES, GIVEN_NAMES, MIDDLE_NAMES, STREETS, SURNAMES, VILLAGES, WORKPLACES } from './vietnamese.ts';

type DuesCategory =
  | 'SOCIAL_INSURANCE_SALARY'
  | 'PENSION'
  | 'STUDENT'
  | 'NO_INCOME_BELOW_RETIREMENT_AGE'
  | 'NO_INCOME_RETIREMENT_AGE';

export interface SeedMember {
  id: string;
  fullName: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  citizenId: string;
  ethnicity: string;
  hometown: string;
  residenceAddress: string;
  /** The village cell a member who works elsewhere lives under, which comments on them (Quy định 213). */
  residenceOrgId: string | null;
  residenceProvinceCode: string;
  residenceCommuneCode: string | null;
  workplace: string | null;
  position: string | null;
  phone: string;
  joinedOn: string;
  officialOn: string | null;
  cardNumber: string | null;
  dossierNumber: string;
  rosterNumber: number;
  membershipKind: 'PROBATIONARY' | 'OFFICIAL';
  activityStatus: 'ACTIVE' | 'EXEMPT';
  orgId: string;
  orgPath: string;
  duesCategory: DuesCategory;
  duesBasis: number | null;
  /** Monthly dues in whole dong under 01-QĐ/TW's rates (demo data: the dues subgraph owns the real table). */
  /** Waived for 50 years of party age (01-QĐ/TW art. 5). */
  duesWaived: boolean;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
const yearsBefore = (date: Date, years: number) => new Date(Date.UTC(date.getUTCFullYear() - years, date.getUTCMonth(), date.getUTCDate()));
/**
 * Members without insurance are put in the dues row for their age only well clear of the retirement age, which
 * depends on the birth cohort (men 60–62, women 55–60 over the years): between the two, the demo gives a pension.
 */
const CLEARLY_PAST_WORKING_AGE = { MALE: 63, FEMALE: 61 } as const;
const CLEARLY_WORKING_AGE = { MALE: 59, FEMALE: 54 } as const;
const eighteenthBirthday = (birth: Date) => new Date(Date.UTC(birth.getUTCFullYear() + 18, birth.getUTCMonth(), birth.getUTCDate()));

/** Keeps citizen IDs and card numbers unique across the whole generated set. */
export class Uniques {
  private readonly seen = new Set<string>();
  take(make: () => string): string {
    for (;;) {
      const value = make();
      if (!this.seen.has(value)) {
        this.seen.add(value);
        return value;
      }
    }
  }
}

/**
 * A member of a village cell lives in its village. One who works in a school, an office, a factory, or in the
 * army or police living in barracks, lives in one of the commune's villages and has been introduced to its cell
 * (barracks members are exempt from its yearly comment, not from the introduction: Hướng dẫn 33-HD/BTCTW §1.1;
 * only secret-duty units are not introduced, and the demo has none).
 */
function homeOf(random: Random, org: SeedOrganization, villageCells: readonly SeedOrganization[]) {
  if (org.unit === 'village') return { village: org.village!, residenceCell: null };
  if (villageCells.length === 0) return { village: random.pick(VILLAGES), residenceCell: null };
  const cell = random.pick(villageCells);
  return { village: cell.village!, residenceCell: cell };
}

export function makeMember(
  random: Random,
  uniques: Uniques,
  org: SeedOrganization,
  rosterNumber: number,
  asOf: Date,
  villageCells: readonly SeedOrganization[],
): SeedMember {
  const gender = random.chance(org.unit === 'military' || org.unit === 'police' ? 0.85 : 0.55) ? 'MALE' : 'FEMALE';
  // The first rosters hold the cell's offices: official, active members of some standing.
  const veteran = rosterNumber <= 8;
  const age = veteran ? random.int(38, 62) : org.unit === 'village' ? random.int(24, 88) : random.int(23, 58);
  const birth = addDays(yearsBefore(asOf, age + 1), random.int(1, 364));
  const partyYears = veteran
    ? random.int(5, 18)
    : Math.max(0, Math.min(age - 18, random.weighted([[random.int(0, 5), 3], [random.int(5, 25), 5], [random.int(25, 60), 2]])));
  // Admitted at eighteen or older (Điều lệ art. 1), and never in the future.
  const drawn = addDays(yearsBefore(asOf, partyYears + 1), random.int(1, 364));
  const adult = addDays(eighteenthBirthday(birth), 30);
  const joined = drawn < adult ? (adult <= asOf ? adult : asOf) : drawn;
  // Recognized after the twelve months of probation, on a day already past.
  const recognizedOn = addDays(joined, 366 + random.int(0, 60));
  const official = recognizedOn <= asOf ? recognizedOn : null;
  const commune = org.commune!;
  const home = homeOf(random, org, villageCells);
  const place = `${commune.kind.toLowerCase()} ${commune.name}, tỉnh ${PROVINCE.name}`;
  const retired = age > CLEARLY_WORKING_AGE[gender];
  const clearlyPast = age >= CLEARLY_PAST_WORKING_AGE[gender];
  const working = !retired && org.unit !== 'village';
  const [workplace, position, insured] =
    org.unit === 'village' ? (retired ? [null, null, false] : random.pick(WORKPLACES)) : [org.name.replace(/^(Chi bộ|Đảng bộ) /, ''), defaultPosition(org), true];
  const pensionDrawn = random.chance(0.8);
  const category: DuesCategory = retired
    ? pensionDrawn || !clearlyPast ? 'PENSION' : 'NO_INCOME_RETIREMENT_AGE'
    : working || insured ? 'SOCIAL_INSURANCE_SALARY' : age < 25 && random.chance(0.5) ? 'STUDENT' : 'NO_INCOME_BELOW_RETIREMENT_AGE';
  const basis = category === 'SOCIAL_INSURANCE_SALARY' ? random.int(50, 250) * 100_000 : category === 'PENSION' ? random.int(35, 150) * 100_000 : null;
  const surname = random.weighted(SURNAMES);
  const fullName = `${surname} ${random.pick(MIDDLE_NAMES[gender])} ${random.pick(GIVEN_NAMES[gender])}`;
  const birthYear = birth.getUTCFullYear();
  const centuryGender = (birthYear >= 2000 ? 2 : 0) + (gender === 'FEMALE' ? 1 : 0);
  const citizenId = uniques.take(() => `${random.pick(PROVINCE.citizenIdPrefixes)}${centuryGender}${String(birthYear % 100).padStart(2, '0')}${random.digits(6)}`);
  const cardNumber = official ? uniques.take(() => `${PROVINCE.code}.${random.digits(8)}`) : null;
  return {
    id: random.uuid(),
    fullName,
    gender,
    birthDate: day(birth),
    citizenId,
    ethnicity: random.weighted(ETHNICITIES),
    hometown: hometownOf(random.pick(COMMUNES)),
    residenceAddress:
      commune.kind === 'Phường'
        ? `Số ${random.int(1, 250)} đường ${random.pick(STREETS)}, tổ dân phố ${home.village}, ${place}`
        : `Thôn ${home.village}, ${place}`,
    residenceOrgId: home.residenceCell?.id ?? null,
    residenceProvinceCode: PROVINCE.unitCode,
    residenceCommuneCode: commune.code,
    workplace,
    position,
    phone: `0${random.pick(['9', '8', '3', '7'])}${random.digits(8)}`,
    joinedOn: day(joined),
    officialOn: official ? day(official) : null,
    cardNumber,
    dossierNumber: `${random.digits(6)}${PROVINCE.code}`,
    rosterNumber,
    membershipKind: official ? 'OFFICIAL' : 'PROBATIONARY',
    activityStatus: !veteran && age >= 80 && random.chance(0.5) ? 'EXEMPT' : 'ACTIVE',
    orgId: org.id,
    orgPath: org.path,
    duesCategory: category,
    duesBasis: basis,
    duesWaived: partyYears >= 50,
  };
}

/** A commune or ward of the province, named with its own kind (a ward is never called a commune). */
const hometownOf = (commune: (typeof COMMUNES)[number]) => `${commune.kind} ${commune.name}, tỉnh ${PROVINCE.name}`;

function defaultPosition(org: SeedOrganization): string {
  return { school: 'Giáo viên', agency: 'Công chức', enterprise: 'Công nhân', military: 'Chiến sĩ', police: 'Cán bộ', village: '', committee: '', bloc: '' }[org.unit];
}
