import { redirect } from '@sveltejs/kit';
import { parseDayInput } from '#lib/day-input.ts';
import { refused, settle } from '#lib/form-result.ts';
import type { CommentExemptionReason } from '#lib/graphql/generated/graphql.ts';
import { loadRecord } from '#lib/server/partial-query.ts';
import { mutate } from '#lib/server/gateway.ts';
import { DECLARED_EXEMPTIONS } from '../../labels.ts';
import { CampaignFormQuery, OpenCampaignMutation } from './campaign.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const organization = await loadRecord(event, CampaignFormQuery, { id: event.params.orgId }, (data) => data.organization);
  return { organization };
};

export const actions: Actions = {
  /** Opens the year's campaign with the members the workplace marked as in a 33-HD situation. */
  open: async (event) => {
    const form = await event.request.formData();
    const values: Record<string, string> = { dueOn: String(form.get('dueOn') ?? '') };
    const exemptions = [...form.entries()]
      .filter(([name, value]) => name.startsWith('mien-') && DECLARED_EXEMPTIONS.includes(value as CommentExemptionReason))
      .map(([name, value]) => {
        values[name] = String(value);
        return { memberId: name.slice('mien-'.length), reason: value as CommentExemptionReason };
      });
    const dueOn = parseDayInput(values.dueOn!);
    if (!dueOn) return refused(400, 'open', { fieldErrors: { dueOn: 'Hãy ghi hạn theo dạng ngày/tháng/năm.' }, values });
    const { data, code } = await mutate(event, OpenCampaignMutation, { input: { organizationId: event.params.orgId, dueOn, exemptions } });
    const answer = settle('open', { code, payload: data?.openCommentCampaign }, { forbidden: 'Chỉ bí thư, phó bí thư của tổ chức này được mở đợt lấy ý kiến.', done: null }, values);
    if ('status' in answer) return answer;
    redirect(303, '/nhan-xet');
  },
};
