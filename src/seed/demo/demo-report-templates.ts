// The report template the demo board uses to ask communes and districts for their periodic report on the movement
// (plan 165/KH-UBND, §V: units report periodically; the board consolidates). Marked demo: a province writes its own.

import type { Executor } from '../../db/client.ts';
import { reportTemplates } from '../../db/schema/index.ts';
import type { CreateTemplateBody } from '../../shared/schemas/reports.schema.ts';
import type { Clock, IdGenerator } from '../../shared/clock.ts';

export const demoReportTemplates: readonly CreateTemplateBody[] = [
  {
    name: 'Báo cáo kết quả thực hiện Phong trào thi đua "Chung tay vì người nghèo" (mẫu)',
    description:
      'Số liệu giảm nghèo điền sẵn từ kết quả rà soát, bảng kết quả hỗ trợ, phần đánh giá và kiến nghị.',
    sections: [
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
          'Công tác tuyên truyền, các mô hình giảm nghèo, huy động nguồn lực, kết quả nổi bật trong kỳ.',
        required: true,
      },
      {
        kind: 'narrative',
        key: 'kien_nghi',
        title: 'Tồn tại, hạn chế và kiến nghị, đề xuất',
        required: false,
      },
    ],
  },
];

export async function insertDemoReportTemplates(
  tx: Executor,
  options: { provinceCode: string; clock: Clock; ids: IdGenerator },
): Promise<number> {
  const now = options.clock.now();
  await tx.insert(reportTemplates).values(
    demoReportTemplates.map((t) => ({
      id: options.ids.newId(),
      provinceCode: options.provinceCode,
      name: t.name,
      description: t.description ?? null,
      sections: t.sections,
      isDemo: true,
      createdAt: now,
      createdBy: null,
    })),
  );
  return demoReportTemplates.length;
}
