import { formatDay } from './format.ts';
import type { MemberFactsFragment } from './graphql/generated/graphql.ts';
import type { Fact } from './ui/Facts.svelte';

/** The member's way through the Party, as the profile and the record both list it. */
export const partyFacts = (member: MemberFactsFragment): Fact[] => [
  { label: 'Ngày vào Đảng', value: formatDay(member.joinedOn) },
  { label: 'Ngày chính thức', value: member.officialOn ? formatDay(member.officialOn) : 'Chưa chính thức' },
  { label: 'Số thẻ đảng viên', value: member.cardNumber ?? '—' },
];

/** Where the member works, in one line: "Kế toán, UBND xã". */
export const workFact = (member: MemberFactsFragment): Fact => ({
  label: 'Nơi làm việc',
  value: [member.position, member.workplace].filter(Boolean).join(', ') || '—',
});

/** The personal facts (docs/rules/personal-data.md), for a viewer who may read them. */
export const personalFacts = (member: MemberFactsFragment): Fact[] => [
  { label: 'Ngày sinh', value: formatDay(member.birthDate) },
  { label: 'Số căn cước công dân', value: member.citizenId ?? '—' },
  { label: 'Nơi cư trú', value: member.residenceAddress ?? '—' },
  { label: 'Số điện thoại', value: member.phone ?? '—' },
];
