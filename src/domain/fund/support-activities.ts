// Support given to the poor by any participant (DOMAIN.md §7): recorded against a household or a unit, it is evidence
// for criteria 5a.1, 7.1–7.3 and for nominations, and its value counts in the resources a participant mobilised
// (criteria 1.3, 2.3, 7.1).

export const supportKinds = ['jobs', 'capital', 'breeds_seeds', 'technique', 'training', 'product_purchase'] as const;
export type SupportKind = (typeof supportKinds)[number];
export const supportKindLabels: Record<SupportKind, string> = {
  jobs: 'Tạo việc làm',
  capital: 'Hỗ trợ vốn',
  breeds_seeds: 'Hỗ trợ giống cây, con',
  technique: 'Chuyển giao kỹ thuật',
  training: 'Đào tạo nghề, tập huấn',
  product_purchase: 'Bao tiêu, thu mua sản phẩm',
};

/** What the quantity of each kind counts (jobs created, people trained …); null when only the value matters. */
export const supportQuantityUnits: Record<SupportKind, string | null> = {
  jobs: 'việc làm',
  capital: null,
  breeds_seeds: null,
  technique: 'lượt hộ',
  training: 'người',
  product_purchase: null,
};

export const donorKinds = ['agency', 'staff', 'enterprise', 'individual', 'overseas', 'other'] as const;
export type DonorKind = (typeof donorKinds)[number];
export const donorKindLabels: Record<DonorKind, string> = {
  agency: 'Cơ quan, đơn vị',
  staff: 'Cán bộ, công chức, người lao động',
  enterprise: 'Doanh nghiệp, hợp tác xã',
  individual: 'Cá nhân, hộ gia đình',
  overseas: 'Tổ chức, cá nhân ở nước ngoài',
  other: 'Khác',
};

/** A support activity must say what it gave: a value in đồng, or a count (jobs, people trained). */
export function supportActivityProblem(input: { kind: SupportKind; value: number; quantity: number }): string | null {
  if (!Number.isInteger(input.value) || input.value < 0) return 'Giá trị hỗ trợ phải là số đồng không âm.';
  if (!Number.isInteger(input.quantity) || input.quantity < 0) return 'Số lượng phải là số nguyên không âm.';
  if (input.value === 0 && input.quantity === 0) {
    const unit = supportQuantityUnits[input.kind];
    return unit ? `Cần ghi giá trị hỗ trợ hoặc số ${unit}.` : 'Cần ghi giá trị hỗ trợ (đồng).';
  }
  return null;
}
