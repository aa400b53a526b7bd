import { countWorkingDays } from '../calendar/working-days.ts';

// The annual review procedure as states (Thông tư 17/2016/TT-BLĐTBXH, amended by TT 14/2018; Quyết định
// 24/2021/QĐ-TTg follows the same four steps): list → village meeting → public posting → complaints → commune report
// → district opinion (while districts exist) → province approval by decision → frozen.

export const communeRoundStates = [
  'open',
  'lists_drafted',
  'meeting_held',
  'list_posted',
  'complaints_settled',
  'commune_submitted',
  'district_reviewed',
  'province_approved',
  'frozen',
] as const;
export type CommuneRoundState = (typeof communeRoundStates)[number];

export const communeRoundStateLabels: Record<CommuneRoundState, string> = {
  open: 'Mới mở kỳ rà soát',
  lists_drafted: 'Đã lập danh sách theo thôn',
  meeting_held: 'Đã họp dân bình xét',
  list_posted: 'Đã niêm yết công khai',
  complaints_settled: 'Đã giải quyết khiếu nại',
  commune_submitted: 'Xã đã báo cáo',
  district_reviewed: 'Huyện đã có ý kiến',
  province_approved: 'Tỉnh đã phê duyệt',
  frozen: 'Đã khoá sổ',
};

export interface Complaint {
  receivedOn: string;
  from: string;
  content: string;
  outcome: string | null;
  settledOn: string | null;
}

export interface RoundSteps {
  listsDraftedOn?: string;
  meeting?: { date: string; attendees: number; chair: string; minutes: string };
  posting?: { from: string; to: string; place: string };
  complaints?: Complaint[];
  submittedOn?: string;
  districtOpinion?: { on: string; opinion: string };
  returned?: { on: string; by: 'district' | 'province'; comment: string }[];
  approvedOn?: string;
}

export type RoundAction =
  | { type: 'draft_lists' }
  | { type: 'record_meeting'; date: string; attendees: number; chair: string; minutes: string }
  | { type: 'post_list'; from: string; to: string; place: string }
  | { type: 'settle_complaints'; complaints: Complaint[] }
  | { type: 'submit' }
  | { type: 'district_review'; opinion: string }
  | { type: 'return'; by: 'district' | 'province'; comment: string }
  | { type: 'province_approve' }
  | { type: 'freeze' };

/** Which level acts: the service maps it to a permission and a scope. */
export type ActingLevel = 'commune' | 'district' | 'province';

export const actionLevel: Record<RoundAction['type'], ActingLevel> = {
  draft_lists: 'commune',
  record_meeting: 'commune',
  post_list: 'commune',
  settle_complaints: 'commune',
  submit: 'commune',
  district_review: 'district',
  return: 'district',
  province_approve: 'province',
  freeze: 'province',
};

export interface WorkflowContext {
  today: string;
  /** true while the district level exists (before 01/07/2025 in Lạng Sơn) */
  hasDistricts: boolean;
  /** minimum public posting period in working days (default 3, configurable) */
  postingWorkingDays: number;
}

export type StepResult = { ok: true; state: CommuneRoundState; steps: RoundSteps } | { ok: false; message: string };

const fail = (message: string): StepResult => ({ ok: false, message });

/** One step of the procedure. Pure: the caller stores the new state and steps, and audits them. */
export function applyRoundAction(state: CommuneRoundState, steps: RoundSteps, action: RoundAction, ctx: WorkflowContext): StepResult {
  const wrongState = (expected: CommuneRoundState[]) =>
    fail(`Không thể thực hiện bước này khi kỳ rà soát của xã đang ở trạng thái "${communeRoundStateLabels[state]}" (cần: ${expected.map((s) => `"${communeRoundStateLabels[s]}"`).join(' hoặc ')}).`);
  switch (action.type) {
    case 'draft_lists':
      if (state !== 'open') return wrongState(['open']);
      return { ok: true, state: 'lists_drafted', steps: { ...steps, listsDraftedOn: ctx.today } };
    case 'record_meeting':
      if (state !== 'lists_drafted') return wrongState(['lists_drafted']);
      if (action.date > ctx.today) return fail('Ngày họp dân không được sau ngày hôm nay.');
      if (action.attendees < 1) return fail('Cần ghi số người dự họp.');
      if (!action.minutes.trim()) return fail('Cần có nội dung biên bản cuộc họp.');
      if (!action.chair.trim()) return fail('Cần ghi người chủ trì cuộc họp.');
      return { ok: true, state: 'meeting_held', steps: { ...steps, meeting: { date: action.date, attendees: action.attendees, chair: action.chair, minutes: action.minutes } } };
    case 'post_list': {
      if (state !== 'meeting_held') return wrongState(['meeting_held']);
      if (steps.meeting && action.from < steps.meeting.date) return fail('Ngày bắt đầu niêm yết phải từ ngày họp dân trở đi.');
      if (action.to < action.from) return fail('Ngày kết thúc niêm yết phải sau ngày bắt đầu.');
      const days = countWorkingDays(action.from, action.to);
      if (days < ctx.postingWorkingDays) {
        return fail(`Danh sách phải được niêm yết ít nhất ${ctx.postingWorkingDays} ngày làm việc (mới có ${days}).`);
      }
      return { ok: true, state: 'list_posted', steps: { ...steps, posting: { from: action.from, to: action.to, place: action.place } } };
    }
    case 'settle_complaints': {
      if (state !== 'list_posted') return wrongState(['list_posted']);
      if (steps.posting && ctx.today < steps.posting.to) {
        return fail('Chưa hết thời gian niêm yết: chưa thể kết thúc việc nhận và giải quyết khiếu nại.');
      }
      const open = action.complaints.filter((c) => !c.outcome?.trim() || !c.settledOn);
      if (open.length > 0) return fail(`Còn ${open.length} khiếu nại chưa có kết quả giải quyết.`);
      return { ok: true, state: 'complaints_settled', steps: { ...steps, complaints: action.complaints } };
    }
    case 'submit':
      if (state !== 'complaints_settled') return wrongState(['complaints_settled']);
      return { ok: true, state: 'commune_submitted', steps: { ...steps, submittedOn: ctx.today } };
    case 'district_review':
      if (!ctx.hasDistricts) return fail('Từ 01/07/2025 không còn cấp huyện: xã báo cáo thẳng lên tỉnh.');
      if (state !== 'commune_submitted') return wrongState(['commune_submitted']);
      if (!action.opinion.trim()) return fail('Cần ghi ý kiến của huyện.');
      return { ok: true, state: 'district_reviewed', steps: { ...steps, districtOpinion: { on: ctx.today, opinion: action.opinion } } };
    case 'return': {
      const allowed: CommuneRoundState[] = action.by === 'district' ? ['commune_submitted'] : ['commune_submitted', 'district_reviewed'];
      if (!allowed.includes(state)) return wrongState(allowed);
      if (action.by === 'district' && !ctx.hasDistricts) return fail('Không còn cấp huyện.');
      if (!action.comment.trim()) return fail('Cần ghi lý do trả lại.');
      const returned = [...(steps.returned ?? []), { on: ctx.today, by: action.by, comment: action.comment }];
      return { ok: true, state: 'complaints_settled', steps: { ...steps, returned, submittedOn: undefined, districtOpinion: undefined } };
    }
    case 'province_approve': {
      const needed: CommuneRoundState = ctx.hasDistricts ? 'district_reviewed' : 'commune_submitted';
      if (state !== needed) return wrongState([needed]);
      return { ok: true, state: 'province_approved', steps: { ...steps, approvedOn: ctx.today } };
    }
    case 'freeze':
      if (state !== 'province_approved') return wrongState(['province_approved']);
      return { ok: true, state: 'frozen', steps };
  }
}

export type EditMode = 'direct' | 'locked' | 'amendment';

/**
 * How a household's assessment may change in this state: directly while the commune prepares its list; not at all
 * while the report is with the levels above (they return it for corrections); only as an amendment with a reason
 * once the province has approved (an approved round never changes silently).
 */
export function assessmentEditMode(state: CommuneRoundState): EditMode {
  switch (state) {
    case 'open':
    case 'lists_drafted':
    case 'meeting_held':
    case 'list_posted':
    case 'complaints_settled':
      return 'direct';
    case 'commune_submitted':
    case 'district_reviewed':
      return 'locked';
    case 'province_approved':
    case 'frozen':
      return 'amendment';
  }
}
