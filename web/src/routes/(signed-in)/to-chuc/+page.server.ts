import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/**
 * "Tổ chức đảng" opens where the visitor's work is: the organization of their role (the ward an
 * administrator runs, the province an analyst reports on), or their own cell for a plain member. Someone
 * with roles in several places chooses among them.
 */
export const load: PageServerLoad = async ({ parent }) => {
  const { viewer } = await parent();
  if (!viewer) error(502, 'Chưa tải được dữ liệu. Vui lòng thử lại sau ít phút.');
  const [only, ...others] = viewer.homes;
  if (only && others.length === 0) redirect(303, `/to-chuc/${only.id}`);
  return { homes: viewer.homes };
};
