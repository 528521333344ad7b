import { settle } from '#lib/form-result.ts';
import { loadQuery, mutate } from '#lib/server/gateway.ts';
import { loadRecord } from '#lib/server/partial-query.ts';
import { decideResidenceDeclaration, withdrawResidenceDeclaration } from '#lib/server/residence-declaration-actions.ts';
import { DeclareResidenceCellMutation, MemberResidenceQuery, ResidenceBrowseQuery } from './residence.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The member's residence cell and its declarations; the tree one level at a time (`?to-chuc=`), from the highest
 * organization above the member's own, so that the member finds the cell where they live.
 */
export const load: PageServerLoad = async (event) => {
  const member = await loadRecord(event, MemberResidenceQuery, { id: event.params.id }, (data) => data.member);
  const line = member.organization;
  const top = line.parent?.parent?.parent?.id ?? line.parent?.parent?.id ?? line.parent?.id ?? line.id;
  const browsing = event.url.searchParams.get('to-chuc') || top;
  const { organization } = await loadQuery(event, ResidenceBrowseQuery, { id: browsing });
  return { member, browse: organization, top };
};

export const actions: Actions = {
  declare: async (event) => {
    const form = await event.request.formData();
    const cellId = String(form.get('cellId') ?? '');
    const { data, code } = await mutate(event, DeclareResidenceCellMutation, { input: { memberId: event.params.id, cellId } });
    return settle(
      'declare',
      { code, payload: data?.declareResidenceCell },
      { forbidden: 'Đồng chí không có quyền khai báo nơi cư trú cho đảng viên này.', done: 'Đã khai báo; đảng ủy xã, phường nơi cư trú sẽ xác nhận.' },
    );
  },
  decideResidence: (event) => decideResidenceDeclaration(event),
  withdrawResidence: (event) => withdrawResidenceDeclaration(event),
};
