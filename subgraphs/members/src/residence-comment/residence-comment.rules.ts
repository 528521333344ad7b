import { addDays, type UserError } from '@dangvu/subgraph-kit';

/**
 * The duties of a working member at their residence (213-QĐ/TW art. 2), on each of which the residence cell
 * comments (docs/rules/residence-comments.md#what-the-comment-says). 33-HD exempts members in barracks,
 * mobile staff and full-time students from 3 and 4 only.
 */
export const DUTIES = [
  'EXEMPLARY_CONDUCT',
  'CIVIC_DUTIES',
  'RESIDENCE_MEETINGS',
  'PEOPLES_MEETINGS',
  'MOBILIZING_PEOPLE',
  'BUILDING_LOCAL_SYSTEM',
  'REPORTING_WRONGDOING',
] as const;
export type Duty = (typeof DUTIES)[number];

export const DUTY_LABELS: Record<Duty, string> = {
  EXEMPLARY_CONDUCT: 'Nêu gương về phẩm chất chính trị, đạo đức, lối sống; gương mẫu thực hiện và vận động gia đình, nhân dân nơi cư trú chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương',
  CIVIC_DUTIES: 'Thực hiện nghĩa vụ công dân nơi cư trú; tuyên truyền, vận động nhân dân',
  RESIDENCE_MEETINGS: 'Tham dự các cuộc họp của chi bộ nơi cư trú theo thông báo của chi ủy',
  PEOPLES_MEETINGS: 'Tham gia sinh hoạt, hội họp của nhân dân nơi cư trú; giữ mối liên hệ với chi ủy, trưởng thôn, tổ trưởng tổ dân phố',
  MOBILIZING_PEOPLE: 'Vận động nhân dân tham gia phong trào, giữ gìn an ninh, trật tự, đoàn kết ở nơi cư trú',
  BUILDING_LOCAL_SYSTEM: 'Góp ý xây dựng tổ chức đảng, chính quyền, đoàn thể nơi cư trú',
  REPORTING_WRONGDOING: 'Phát hiện, phản ánh với tổ chức đảng những biểu hiện tiêu cực ở nơi cư trú',
};

export const ASSESSMENTS = ['WELL', 'DONE', 'NOT_WELL', 'EXCUSED'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const ASSESSMENT_LABELS: Record<Assessment, string> = {
  WELL: 'Thực hiện tốt',
  DONE: 'Có thực hiện',
  NOT_WELL: 'Chưa thực hiện tốt',
  EXCUSED: 'Được miễn',
};

/** The comment on one duty, as kept. */
export interface GivenDuty {
  duty: Duty;
  assessment: Assessment;
  remark: string | null;
}

/** The comment on one duty, as typed. */
export type DutyInput = Omit<GivenDuty, 'remark'> & { remark?: string | null };

const MAX_TEXT = 2000;
const MIN_OVERALL = 10;

/** The comment as given: every duty once, an overall remark of some substance; trimmed. */
export function readComment(input: { duties: readonly DutyInput[]; overall: string }): { comment: { duties: GivenDuty[]; overall: string }; errors: UserError[] } {
  const errors: UserError[] = [];
  const byDuty = new Map<Duty, GivenDuty>();
  for (const entry of input.duties) {
    if (byDuty.has(entry.duty)) errors.push({ code: 'DUTY_REPEATED', field: 'duties', message: `Nhiệm vụ "${DUTY_LABELS[entry.duty]}" được nhận xét hai lần.` });
    const remark = entry.remark?.trim() || null;
    if (remark && remark.length > MAX_TEXT) errors.push({ code: 'TEXT_TOO_LONG', field: 'duties', message: `Lời nhận xét mỗi nhiệm vụ không quá ${MAX_TEXT} ký tự.` });
    byDuty.set(entry.duty, { duty: entry.duty, assessment: entry.assessment, remark });
  }
  const missing = DUTIES.filter((duty) => !byDuty.has(duty));
  if (missing.length) {
    errors.push({ code: 'DUTY_MISSING', field: 'duties', message: `Còn thiếu nhận xét về: ${missing.map((duty) => DUTY_LABELS[duty].split(';')[0]).join('; ')}.` });
  }
  const overall = input.overall.trim();
  if (overall.length < MIN_OVERALL) errors.push({ code: 'OVERALL_REQUIRED', field: 'overall', message: 'Hãy ghi nhận xét chung (ít nhất 10 ký tự).' });
  if (overall.length > MAX_TEXT) errors.push({ code: 'TEXT_TOO_LONG', field: 'overall', message: `Nhận xét chung không quá ${MAX_TEXT} ký tự.` });
  return { comment: { duties: DUTIES.flatMap((duty) => byDuty.get(duty) ?? []), overall }, errors };
}

/** A reason, a name, a scan's file name: trimmed, required, bounded. */
export function requiredText(value: string | null | undefined, field: string, label: string, max = 500): string | UserError {
  const text = value?.trim() ?? '';
  if (!text) return { code: 'REQUIRED', field, message: `Hãy ghi ${label}.` };
  if (text.length > max) return { code: 'TEXT_TOO_LONG', field, message: `${label[0]!.toUpperCase()}${label.slice(1)} không quá ${max} ký tự.` };
  return text;
}

/** A scan's file name as kept: a plain name with an extension, no folders (the file itself stays with the workplace). */
export function scanFileName(value: string, field = 'scanFileName'): string | UserError {
  const name = value.trim();
  if (!/^[^/\\]{1,200}\.(pdf|jpg|jpeg|png|tif|tiff)$/i.test(name)) {
    return { code: 'INVALID_FILE_NAME', field, message: 'Tên tệp bản quét phải là tên một tệp PDF hoặc ảnh (ví dụ "nhan-xet-nguyen-van-an.pdf").' };
  }
  return name;
}

/** The due day is a day after `today` and in the next twelve months. */
export function checkDueOn(dueOn: string, today: string, field = 'dueOn'): UserError | null {
  if (dueOn <= today) return { code: 'DUE_DATE_PASSED', field, message: 'Hạn gửi nhận xét phải sau ngày hôm nay.' };
  const limit = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  if (dueOn > limit) return { code: 'DUE_DATE_TOO_FAR', field, message: 'Hạn gửi nhận xét không quá một năm kể từ hôm nay.' };
  return null;
}

/** Why a member is left out of a yearly campaign (docs/rules/residence-comments.md#who-is-left-out). */
export type Exemption =
  | 'BARRACKS'
  | 'MOBILE_OR_OFFICIAL_HOUSING'
  | 'FULL_TIME_STUDY'
  | 'EXEMPT_FROM_ACTIVITY'
  | 'TEMPORARILY_EXEMPT'
  | 'ABROAD'
  | 'IN_TRANSFER'
  | 'LIVES_WHERE_WORKS';

/** The three 33-HD §1.1 situations the workplace declares; the rest follow from the register. */
export const DECLARED_EXEMPTIONS: readonly Exemption[] = ['BARRACKS', 'MOBILE_OR_OFFICIAL_HOUSING', 'FULL_TIME_STUDY'];

const STATUS_EXEMPTIONS: Partial<Record<string, Exemption>> = {
  EXEMPT: 'EXEMPT_FROM_ACTIVITY',
  TEMP_EXEMPT: 'TEMPORARILY_EXEMPT',
  ABROAD: 'ABROAD',
  IN_TRANSFER: 'IN_TRANSFER',
};
const TERMINAL = new Set(['REMOVED', 'EXPELLED', 'DECEASED', 'TRANSFERRED_OUT']);

export interface CampaignMember {
  id: string;
  orgId: string;
  activityStatus: string;
  residenceOrgId: string | null;
  /** The commune of the residence, where a member without a confirmed residence cell is routed. */
  residenceCommuneCode?: string | null;
}

export interface CampaignPlan {
  asked: CampaignMember[];
  exempt: { memberId: string; reason: Exemption }[];
  errors: UserError[];
}

/**
 * Who a yearly campaign asks about and who it leaves out, with the reason: members out of the register's live
 * states are not listed at all; those exempt from activity, temporarily exempt, abroad or in transfer, and those
 * whose residence cell is their own, are left out by the register; the 33-HD situations by the workplace's word.
 */
export function planCampaign(members: readonly CampaignMember[], declared: readonly { memberId: string; reason: Exemption }[]): CampaignPlan {
  const errors: UserError[] = [];
  const live = members.filter((member) => !TERMINAL.has(member.activityStatus));
  const ids = new Set(live.map((member) => member.id));
  const declaredBy = new Map<string, Exemption>();
  for (const { memberId, reason } of declared) {
    if (!ids.has(memberId)) errors.push({ code: 'NOT_IN_ORGANIZATION', field: 'exemptions', message: 'Có đảng viên được miễn không thuộc tổ chức này.' });
    else if (!DECLARED_EXEMPTIONS.includes(reason)) errors.push({ code: 'INVALID_EXEMPTION', field: 'exemptions', message: 'Lý do miễn này do hệ thống tự xác định từ sổ đảng viên, không khai được.' });
    else declaredBy.set(memberId, reason);
  }
  const asked: CampaignMember[] = [];
  const exempt: CampaignPlan['exempt'] = [];
  for (const member of live) {
    const reason =
      STATUS_EXEMPTIONS[member.activityStatus] ?? (member.residenceOrgId === member.orgId ? 'LIVES_WHERE_WORKS' : undefined) ?? declaredBy.get(member.id);
    if (reason) exempt.push({ memberId: member.id, reason });
    else asked.push(member);
  }
  return { asked, exempt, errors };
}

/** How many days before the due day the daily job reminds the residence side. */
export const REMINDER_DAYS = 7;

/** The first day of the reminder: REMINDER_DAYS calendar days before the due day. */
export const reminderFrom = (dueOn: string): string => addDays(dueOn, -REMINDER_DAYS);
