// Vietnamese words for the registry's codes. Category and application labels come from the shared schema, transition
// labels from the poverty domain; only what has no Vietnamese name elsewhere is named here.
import { TRANSITION_LABELS, type TransitionCode } from '../../../../src/domain/poverty/transitions.ts';
import type { Category } from '../../../../src/shared/schemas/households.schema.ts';

export { categoryLabels, applicationKindLabels } from '../../../../src/shared/schemas/households.schema.ts';

export const categoryColors: Record<Category, string> = {
  poor: 'red',
  near_poor: 'orange',
  middle: 'gold',
  not_poor: 'green',
};

/** Short names where space is tight (the category timeline of a household). */
export const categoryShortLabels: Record<Category, string> = {
  poor: 'Nghèo',
  near_poor: 'Cận nghèo',
  middle: 'Trung bình',
  not_poor: 'Không nghèo',
};

/** "hộ thoát nghèo" → "Hộ thoát nghèo": the domain's labels are written to sit inside a sentence. */
export function transitionLabel(code: string | null): string {
  if (!code) return '—';
  const label = (TRANSITION_LABELS as Record<string, string | undefined>)[code];
  if (!label) return code;
  return label.charAt(0).toLocaleUpperCase('vi') + label.slice(1);
}

export const transitionCodes = Object.keys(TRANSITION_LABELS) as TransitionCode[];

export const areaLabels = { rural: 'Nông thôn', urban: 'Thành thị' } as const;
export const sexLabels = { male: 'Nam', female: 'Nữ' } as const;

export const schoolingLabels: Record<string, string> = {
  none: 'Chưa qua đào tạo, chưa đi học',
  primary: 'Tiểu học',
  lower_secondary: 'Trung học cơ sở',
  upper_secondary: 'Trung học phổ thông',
  vocational: 'Trung cấp, cao đẳng nghề',
  higher: 'Cao đẳng, đại học trở lên',
};

export const employmentLabels: Record<string, string> = {
  stable: 'Có việc làm ổn định',
  unstable: 'Việc làm không ổn định',
  unemployed: 'Thất nghiệp',
  not_in_labour_force: 'Ngoài độ tuổi, không tham gia lao động',
};

export const deviceLabels: Record<string, string> = {
  tv: 'Ti vi',
  radio: 'Đài',
  computer: 'Máy tính',
  smartphone: 'Điện thoại thông minh',
  tablet: 'Máy tính bảng',
};

export const relationOptions = ['Chủ hộ', 'Vợ', 'Chồng', 'Con', 'Bố', 'Mẹ', 'Cháu', 'Ông', 'Bà', 'Anh', 'Chị', 'Em', 'Khác'];

export const historyActionLabels: Record<string, string> = {
  'household.created': 'Thêm hộ',
  'household.created_by_split': 'Lập hộ mới do tách hộ',
  'household.updated': 'Sửa thông tin hộ',
  'household.moved': 'Chuyển thôn',
  'household.split': 'Tách hộ',
  'household.merged': 'Nhập vào hộ khác',
  'household.received_merge': 'Nhận hộ nhập vào',
  'household.loan_added': 'Ghi khoản vay NHCSXH',
  'household.escape_registered': 'Đăng ký tự nguyện thoát nghèo',
  'application.received': 'Nhận đơn đề nghị phát sinh',
  'application.decided': 'Quyết định về đơn đề nghị',
  'assessment.recorded': 'Ghi kết quả rà soát',
  'assessment.amended': 'Đính chính kết quả rà soát',
  'import.committed': 'Nhập từ Excel',
};

export const outcomeLabels = { accepted: 'Chấp nhận', refused: 'Từ chối' } as const;

/** A yes/no/unknown fact as a short word; unknown facts are said to be unknown, never guessed. */
export function yesNo(value: boolean | undefined, yes = 'Có', no = 'Không'): string {
  if (value === undefined) return 'Chưa ghi';
  return value ? yes : no;
}
