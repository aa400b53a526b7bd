// Vietnamese names for the audit log's entity types and actions. Unknown codes (from modules added later) are shown as
// they are, so the log never hides a row.

export const auditEntityLabels: Record<string, string> = {
  admin_unit: 'Đơn vị hành chính',
  unit_lineage: 'Sáp nhập, chia tách đơn vị',
  organisation: 'Cơ quan, tổ chức',
  individual: 'Cá nhân',
  emulation_group: 'Cụm, khối thi đua',
  user: 'Người dùng',
  reference_data: 'Dữ liệu tham chiếu',
  demo: 'Dữ liệu mẫu',
  award_batch: 'Hồ sơ đề nghị khen thưởng',
  award_nominee: 'Đối tượng đề nghị khen thưởng',
  award_public_comment: 'Ý kiến nhân dân về khen thưởng',
};

export const auditActionLabels: Record<string, string> = {
  'unit.village_created': 'Thêm thôn, bản, tổ dân phố',
  'unit.renamed': 'Đổi tên đơn vị',
  'unit.lineage_added': 'Bổ sung sáp nhập, chia tách',
  'organisation.created': 'Thêm cơ quan, tổ chức',
  'organisation.closed': 'Kết thúc hoạt động cơ quan, tổ chức',
  'individual.created': 'Thêm cá nhân',
  'emulation_group.created': 'Lập cụm, khối thi đua',
  'emulation_group.member_added': 'Thêm thành viên cụm, khối',
  'emulation_group.member_removed': 'Bỏ thành viên cụm, khối',
  'user.created': 'Tạo người dùng',
  'user.updated': 'Sửa, khoá, mở khoá người dùng',
  'user.roles_changed': 'Đổi vai trò, phạm vi',
  'user.password_reset': 'Đặt lại mật khẩu',
  'user.password_changed': 'Đổi mật khẩu',
  'reference.seeded': 'Nạp dữ liệu tham chiếu',
  'demo.loaded': 'Nạp dữ liệu mẫu',
  'award_batch.created': 'Lập hồ sơ đề nghị khen thưởng',
  'award_batch.dossier_saved': 'Lưu tờ trình, biên bản',
  'award_batch.rechecked': 'Kiểm tra lại điều kiện khen thưởng',
  'award_batch.submit': 'Gửi hồ sơ khen thưởng',
  'award_batch.return': 'Trả lại hồ sơ khen thưởng',
  'award_batch.approve': 'Thẩm định, tổng hợp hồ sơ khen thưởng',
  'award_batch.revoke': 'Thu hồi kết quả thẩm định',
  'award_batch.published': 'Công khai lấy ý kiến nhân dân',
  'award_batch.council_voted': 'Hội đồng biểu quyết',
  'award_batch.decided': 'Quyết định khen thưởng',
  'award_nominee.added': 'Thêm đối tượng đề nghị khen thưởng',
  'award_nominee.updated': 'Sửa báo cáo thành tích, đề nghị đặc cách',
  'award_nominee.removed': 'Bỏ đối tượng đề nghị khen thưởng',
  'award_comment.received': 'Nhận ý kiến nhân dân',
  'award_comment.answered': 'Trả lời ý kiến nhân dân',
};

export function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}

/** A readable name for the changed record, taken from its after (or before) state: name, full name or username. */
export function entityNameOf(row: { before: unknown; after: unknown }): string | null {
  for (const state of [row.after, row.before]) {
    if (state && typeof state === 'object') {
      const record = state as Record<string, unknown>;
      for (const key of ['name', 'fullName', 'username']) {
        const value = record[key];
        if (typeof value === 'string' && value.length > 0) return value;
      }
    }
  }
  return null;
}
