// The official report templates the province uses for the movement (DOMAIN.md §3 and §8): reference data every
// installation needs, not demo. Each carries a fixed id, so that seeding at start-up is idempotent and a request keeps
// pointing at the version it was issued with; a new wording is a new version with a new id, never an edit in place.

import type { ReportKind } from '../../shared/schemas/reports.schema.ts';
import type { ReportTemplate, TemplateSection } from './report-template.ts';

export interface ReferenceReportTemplate extends ReportTemplate {
  /** Fixed id: the seed key. */
  readonly id: string;
  readonly version: number;
  /** The period the template is meant for; the board may still issue it for another. */
  readonly reportKind: ReportKind;
  readonly legalBasis: string;
  readonly description: string;
  readonly sections: readonly TemplateSection[];
}

/**
 * Báo cáo kết quả thực hiện phong trào thi đua: Kế hoạch 165/KH-UBND ngày 26/9/2017 of Lạng Sơn, §V: departments,
 * unions and districts report periodically to the provincial People's Committee through the Ban Thi đua - Khen
 * thưởng, as part of their emulation reports; §V.6: preliminary review in 2018 (sơ kết), final review in 2020 (tổng
 * kết). The narrative sections follow the usual outline of an emulation report (tình hình triển khai, kết quả, mô
 * hình và điển hình, tồn tại và kiến nghị, phương hướng). Contributions raised are kept in the Fund's ledger
 * (DOMAIN.md §7): the report describes them in its narrative rather than in a second table. The figures are the
 * review results the plan's targets read (criteria 2.4, 3.4: yearly reduction of the poor-household rate).
 */
const movementReport: ReferenceReportTemplate = {
  id: 'b1a0c165-2017-4a01-8b00-000000000001',
  version: 1,
  reportKind: 'annual',
  legalBasis:
    'Kế hoạch số 165/KH-UBND ngày 26/9/2017 của UBND tỉnh Lạng Sơn, mục V (báo cáo định kỳ qua Ban Thi đua - Khen thưởng); Luật Thi đua, Khen thưởng',
  name: 'Báo cáo kết quả thực hiện Phong trào thi đua "Lạng Sơn cùng cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"',
  description:
    'Báo cáo định kỳ (năm, sơ kết, tổng kết) của các sở, ban, ngành, đoàn thể, huyện, xã theo mục V Kế hoạch 165/KH-UBND: công tác triển khai, kết quả giảm nghèo điền sẵn từ kết quả rà soát, kết quả hỗ trợ, mô hình và điển hình, tồn tại, kiến nghị và phương hướng.',
  sections: [
    {
      kind: 'narrative',
      key: 'trien_khai',
      title: 'Công tác lãnh đạo, chỉ đạo, tuyên truyền, phát động phong trào',
      guidance:
        'Văn bản chỉ đạo, kế hoạch đã ban hành; hình thức tuyên truyền; số đơn vị, cá nhân đăng ký thi đua, ký giao ước thi đua.',
      required: false,
    },
    {
      kind: 'figures',
      key: 'so_lieu',
      title: 'Kết quả giảm nghèo theo kết quả rà soát',
      fields: ['total', 'poor', 'poorRate', 'nearPoor', 'nearPoorRate', 'escaped', 'newPoor', 'relapsed'],
    },
    {
      kind: 'table',
      key: 'ho_tro',
      title: 'Kết quả hỗ trợ hộ nghèo, hộ cận nghèo',
      columns: [
        { header: 'Nội dung hỗ trợ', kind: 'text' },
        { header: 'Số hộ', kind: 'integer' },
        { header: 'Kinh phí (đồng)', kind: 'money' },
      ],
    },
    {
      kind: 'narrative',
      key: 'ket_qua',
      title: 'Kết quả thực hiện phong trào',
      guidance:
        'Kết quả nổi bật trong kỳ so với mục tiêu của Kế hoạch; mức giảm tỷ lệ hộ nghèo so với chỉ tiêu được giao; nguồn lực đã huy động (số liệu Quỹ "Vì người nghèo" theo sổ quỹ của Mặt trận).',
      required: true,
    },
    {
      kind: 'narrative',
      key: 'mo_hinh',
      title: 'Sáng kiến, mô hình giảm nghèo, điển hình tiên tiến',
      guidance: 'Mô hình có hiệu quả và nơi đã nhân rộng; tập thể, cá nhân, hộ gia đình tiêu biểu đề nghị khen thưởng.',
      required: false,
    },
    { kind: 'narrative', key: 'kien_nghi', title: 'Tồn tại, hạn chế và kiến nghị, đề xuất', required: false },
    { kind: 'narrative', key: 'phuong_huong', title: 'Phương hướng, nhiệm vụ thời gian tới', required: false },
  ],
};

/**
 * Báo cáo kết quả rà soát hộ nghèo, hộ cận nghèo: step 4 of the annual review (Thông tư 17/2016/TT-BLĐTBXH, amended by
 * Thông tư 14/2018/TT-BLĐTBXH, for the standard of Quyết định 59/2015/QĐ-TTg; Quyết định 24/2021/QĐ-TTg for the
 * standard of Nghị định 07/2021/NĐ-CP): the commune reports its result, the district consolidates, the province
 * approves by decision. The categories are those reported for each unit and round (DOMAIN.md §3), pre-filled from
 * the registry; the tables carry the village breakdown and the deprivations the registry cannot total for a form.
 */
const reviewResultReport: ReferenceReportTemplate = {
  id: 'b1a0c165-2017-4a01-8b00-000000000002',
  version: 1,
  reportKind: 'annual',
  legalBasis:
    'Thông tư số 17/2016/TT-BLĐTBXH (sửa đổi, bổ sung bởi Thông tư số 14/2018/TT-BLĐTBXH) hướng dẫn quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm theo chuẩn nghèo của Quyết định số 59/2015/QĐ-TTg; từ kỳ rà soát năm 2022: Quyết định số 24/2021/QĐ-TTg, chuẩn nghèo Nghị định số 07/2021/NĐ-CP',
  name: 'Báo cáo kết quả rà soát hộ nghèo, hộ cận nghèo hằng năm',
  description:
    'Báo cáo của xã, huyện sau kỳ rà soát hằng năm: số hộ nghèo, cận nghèo, thoát nghèo, phát sinh, tái nghèo điền sẵn từ sổ hộ nghèo; kết quả theo thôn, bản; hộ nghèo theo chỉ số thiếu hụt; công tác tổ chức rà soát.',
  sections: [
    {
      kind: 'figures',
      key: 'ket_qua_ra_soat',
      title: 'Kết quả rà soát hộ nghèo, hộ cận nghèo',
      fields: ['total', 'poor', 'poorRate', 'nearPoor', 'nearPoorRate', 'escaped', 'newPoor', 'relapsed', 'escapedNearPoor', 'newNearPoor', 'relapsedNearPoor'],
    },
    {
      kind: 'table',
      key: 'theo_thon',
      title: 'Kết quả rà soát theo thôn, bản, tổ dân phố',
      columns: [
        { header: 'Thôn, bản, tổ dân phố', kind: 'text' },
        { header: 'Tổng số hộ', kind: 'integer' },
        { header: 'Số hộ nghèo', kind: 'integer' },
        { header: 'Số hộ cận nghèo', kind: 'integer' },
        { header: 'Hộ nghèo dân tộc thiểu số', kind: 'integer' },
      ],
    },
    {
      kind: 'table',
      key: 'thieu_hut',
      title: 'Hộ nghèo theo chỉ số thiếu hụt dịch vụ xã hội cơ bản',
      columns: [
        { header: 'Chỉ số thiếu hụt', kind: 'text' },
        { header: 'Số hộ nghèo thiếu hụt', kind: 'integer' },
        { header: 'Tỷ lệ so với số hộ nghèo (%)', kind: 'percent' },
      ],
    },
    {
      kind: 'narrative',
      key: 'to_chuc_ra_soat',
      title: 'Công tác tổ chức rà soát',
      guidance:
        'Ban chỉ đạo, tập huấn điều tra viên; lập danh sách hộ cần rà soát (Phiếu A, Phiếu B); họp dân bình xét, niêm yết công khai danh sách; tiếp nhận và giải quyết khiếu nại.',
      required: true,
    },
    { kind: 'narrative', key: 'danh_gia', title: 'Đánh giá chung, nguyên nhân và kiến nghị', required: false },
  ],
};

/** In the order the board sees them; the first is the default of a new request. */
export const referenceReportTemplates: readonly ReferenceReportTemplate[] = [movementReport, reviewResultReport];

export function referenceTemplateById(id: string): ReferenceReportTemplate | undefined {
  return referenceReportTemplates.find((t) => t.id === id);
}
