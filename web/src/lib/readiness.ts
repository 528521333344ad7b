import type { ReadinessFieldsFragment } from '#lib/graphql/generated/graphql.ts';
import type { Fact } from '#lib/ui/Facts.svelte';

const tenths = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const share = ({ numerator, denominator }: { numerator: number; denominator: number }) =>
  denominator === 0 ? 'không có tổ chức nào để tính' : `${numerator}/${denominator}${numerator === denominator ? ' (đủ)' : ` (còn thiếu ${denominator - numerator})`}`;
const coverage = ({ covered, eligible }: { covered: number; eligible: number }) => share({ numerator: covered, denominator: eligible });

/**
 * The readiness items of the roll-out plans as facts, each over the organizations of the subtree it counts
 * (docs/rules/reports.md#readiness); members' accounts over the members in scope.
 */
export function readinessFacts(organization: ReadinessFieldsFragment): Fact[] {
  const members = organization.memberMonthlyFigures;
  const activated = members.accountsActivated;
  return [
    { label: 'Đã rà soát loại hình', value: coverage(organization.typeClassification) },
    { label: 'Đã đăng ký tài khoản đảng phí', value: coverage(organization.bankAccountCoverage) },
    { label: 'Bí thư có tài khoản đã kích hoạt', value: share(members.secretaryAccounts) },
    { label: 'Phó bí thư có tài khoản đã kích hoạt', value: share(members.deputySecretaryAccounts) },
    { label: 'Cấp ủy viên phụ trách tài chính có tài khoản đã kích hoạt', value: share(members.financeMemberAccounts) },
    {
      label: 'Đảng viên đã kích hoạt tài khoản',
      value: activated.denominator === 0 ? 'chưa có đảng viên trong phạm vi' : `${activated.numerator}/${activated.denominator} (${tenths.format((activated.value ?? 0) * 100)}%)`,
    },
  ];
}
