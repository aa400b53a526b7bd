// Small pieces shared by the emulation screens: the kind of a criterion, the four score sources, file and XLSX links.
import { useState } from 'react';
import { App, Button, Tag, Tooltip } from 'antd';
import { FileExcelOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { CriterionKind } from '../../../../src/domain/emulation/criteria.ts';
import { errorMessage } from '../../api/client.ts';
import { emulationApi } from '../../api/emulation-endpoints.ts';
import { downloadFile } from '../../lib/download-file.ts';

/** The short name of each criterion kind, as its tag shows it. */
export const kindTags: Record<CriterionKind, { color: string; short: string }> = {
  measured: { color: 'geekblue', short: 'Đo lường' },
  evidence: { color: 'green', short: 'Minh chứng' },
  council: { color: 'purple', short: 'Hội đồng' },
};

/** The kind of a criterion as a coloured tag; the long label (how the score is obtained) on hover. */
export function KindTag({ kind, label }: { kind: CriterionKind; label: string }) {
  const tag = kindTags[kind];
  return (
    <Tooltip title={label}>
      <Tag color={tag.color} className={`criterion-kind kind-${kind}`}>
        {tag.short}
      </Tag>
    </Tooltip>
  );
}

/** The four sources a line's points may come from (plan 165 §III, DOMAIN.md §6), as the campaign page lists them. */
export const scoreSources: { key: string; title: string; how: string; color: string }[] = [
  { key: 'formula', title: 'Tính từ số liệu theo công thức', how: 'Hệ thống tính từ sổ hộ, mục tiêu giảm nghèo, báo cáo, Quỹ và hoạt động hỗ trợ; bảng điểm ghi công thức và số liệu đầu vào.', color: 'geekblue' },
  { key: 'evidence', title: 'Tự chấm kèm minh chứng', how: 'Đơn vị tự chấm, đính kèm tệp hoặc sáng kiến, mô hình; Ban Thi đua - Khen thưởng thẩm định (chấp nhận, điều chỉnh hoặc không chấp nhận, có lý do).', color: 'green' },
  { key: 'council', title: 'Hội đồng Thi đua - Khen thưởng chấm', how: 'Thành viên Hội đồng chấm điểm và ghi nhận xét.', color: 'purple' },
  { key: 'board_adjustment', title: 'Ban Thi đua - Khen thưởng điều chỉnh', how: 'Điều chỉnh bất kỳ dòng điểm nào, bắt buộc ghi lý do; lưu trong nhật ký.', color: 'volcano' },
];

export function SourceTag({ source, label }: { source: string; label: string }) {
  const found = scoreSources.find((s) => s.key === source);
  return (
    <Tag color={found?.color ?? 'default'} className={`score-source source-${source}`}>
      {label}
    </Tag>
  );
}

/** A download button for an XLSX the API builds (results, score sheet). */
export function XlsxButton({ path, fileName, children }: { path: string; fileName: string; children: string }) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  return (
    <Button
      icon={<FileExcelOutlined />}
      loading={busy}
      onClick={() => {
        setBusy(true);
        downloadFile(path, fileName)
          .then((name) => message.success(`Đã tải xuống ${name}.`))
          .catch((failure: unknown) => message.error(errorMessage(failure)))
          .finally(() => setBusy(false));
      }}
    >
      {children}
    </Button>
  );
}

/** An evidence item: a file downloads (with the session), a record shows its label. */
export function EvidenceItem({ item }: { item: { kind: string; id: string; label: string } }) {
  const { message } = App.useApp();
  if (item.kind !== 'file') return <Tag className="evidence-record">{item.label}</Tag>;
  return (
    <Button
      type="link"
      size="small"
      className="evidence-file"
      icon={<PaperClipOutlined />}
      onClick={() => void downloadFile(emulationApi.filePath(item.id), item.label).catch((failure: unknown) => message.error(errorMessage(failure)))}
    >
      {item.label}
    </Button>
  );
}
