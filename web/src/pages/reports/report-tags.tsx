// How a report's approval state and its timeliness read everywhere in the reports screens: one colour per state, the
// server's Vietnamese label ("Chậm 3 ngày", "Không gửi (quá hạn 12 ngày)").
import { useState } from 'react';
import { App, Button, Space, Tag } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import {
  approvalStateLabels,
  approvalStates,
  type ApprovalState,
} from '../../../../src/domain/approval/approval-workflow.ts';
import {
  timelinessLabels,
  timelinessStatuses,
  type TimelinessStatus,
} from '../../../../src/domain/reports/timeliness.ts';
import { formatNumber } from '../../../../src/shared/vi-format.ts';
import type { RequestDto } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/client.ts';
import { downloadFile } from '../../lib/download-file.ts';
import { printCss } from '../../lib/print-styles.ts';

const stateColors: Record<ApprovalState, string> = {
  draft: 'default',
  submitted: 'gold',
  returned: 'red',
  approved: 'green',
};

const timelinessColors: Record<TimelinessStatus, string> = {
  on_time: 'green',
  late: 'orange',
  missing: 'red',
  pending: 'blue',
};

export function StateTag({ state, label }: { state: ApprovalState; label: string }) {
  return (
    <Tag color={stateColors[state]} className={`report-state report-state--${state}`}>
      {label}
    </Tag>
  );
}

export function TimelinessTag({ status, label }: { status: TimelinessStatus; label: string }) {
  return (
    <Tag color={timelinessColors[status]} className={`timeliness timeliness--${status}`}>
      {label}
    </Tag>
  );
}

/** A request's recipients counted by approval state and by timeliness. */
export function CountTags({ counts }: { counts: RequestDto['counts'] }) {
  return (
    <Space orientation="vertical" size={4}>
      <Space size={[4, 4]} wrap>
        {approvalStates
          .filter((s) => (counts.states[s] ?? 0) > 0)
          .map((s) => (
            <StateTag
              key={s}
              state={s}
              label={`${approvalStateLabels[s]}: ${formatNumber(counts.states[s] ?? 0)}`}
            />
          ))}
      </Space>
      <Space size={[4, 4]} wrap>
        {timelinessStatuses
          .filter((s) => (counts.timeliness[s] ?? 0) > 0)
          .map((s) => (
            <TimelinessTag
              key={s}
              status={s}
              label={`${timelinessLabels[s]}: ${formatNumber(counts.timeliness[s] ?? 0)}`}
            />
          ))}
      </Space>
    </Space>
  );
}

const icons = { docx: <FileWordOutlined />, pdf: <FilePdfOutlined />, xlsx: <FileExcelOutlined /> } as const;

/** Downloads a document the server writes (DOCX, PDF, XLSX); a refusal shows the server's message. */
export function DocumentButton({
  path,
  fileName,
  format,
  children,
}: {
  path: string;
  fileName: string;
  format: keyof typeof icons;
  children: string;
}) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  return (
    <Button
      icon={icons[format]}
      loading={busy}
      onClick={() => {
        setBusy(true);
        downloadFile(path, fileName)
          .then((name) => void message.success(`Đã tải về: ${name}`))
          .catch((failure: unknown) => void message.error(errorMessage(failure)))
          .finally(() => setBusy(false));
      }}
    >
      {children}
    </Button>
  );
}

const css = `
.report-children-waiting { color: #ad6800; }
.report-narrative textarea { font-family: 'Times New Roman', Times, serif; font-size: 15px; }
.report-changed > td { background: #fffbe6 !important; }
${printCss}
`;

export function ReportStyles() {
  return (
    <style href="chung-tay-reports" precedence="default">
      {css}
    </style>
  );
}
