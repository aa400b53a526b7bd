// Pieces the award screens share: the state of a batch as a tag, the eligibility checklist of a nominee, downloads.
import { App, Button, List, Space, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, DownloadOutlined, MinusCircleTwoTone, QuestionCircleTwoTone } from '@ant-design/icons';
import type { BatchSummaryDto, NomineeDto } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/client.ts';
import { downloadFile } from '../../lib/download-file.ts';

const stageColours: Record<string, string> = {
  proposing: 'default',
  forwarded: 'cyan',
  appraised: 'blue',
  public_comment: 'gold',
  council_voted: 'purple',
  decided: 'green',
};

export function BatchStatus({ batch }: { batch: Pick<BatchSummaryDto, 'stage' | 'state' | 'stageLabel'> }) {
  const colour = batch.stage === 'proposing' ? (batch.state === 'returned' ? 'red' : batch.state === 'submitted' ? 'orange' : 'default') : stageColours[batch.stage];
  return <Tag color={colour}>{batch.stageLabel}</Tag>;
}

const icons = {
  pass: <CheckCircleTwoTone twoToneColor="#389e0d" />,
  fail: <CloseCircleTwoTone twoToneColor="#cf1322" />,
  not_applicable: <MinusCircleTwoTone twoToneColor="#8c8c8c" />,
  unknown: <QuestionCircleTwoTone twoToneColor="#d48806" />,
} as const;

/** The checklist of one nominee: each condition, its result and the reason, as the data gave them. */
export function Checklist({ nominee }: { nominee: NomineeDto }) {
  return (
    <List
      size="small"
      className="eligibility-checklist"
      dataSource={nominee.checks}
      renderItem={(c) => (
        <List.Item data-check={c.code} data-status={c.status}>
          <Space align="start">
            {icons[c.status]}
            <div>
              <Typography.Text strong>{c.label}</Typography.Text>{' '}
              <Tag color={c.status === 'pass' ? 'green' : c.status === 'fail' ? (nominee.excepted.includes(c.code) ? 'orange' : 'red') : 'default'}>
                {c.status === 'fail' && nominee.excepted.includes(c.code) ? 'Không đạt – đề nghị đặc cách' : c.statusLabel}
              </Tag>
              <div className="check-reason">{c.reason}</div>
            </div>
          </Space>
        </List.Item>
      )}
      footer={nominee.exceptionReason ? <Typography.Text type="warning">Lý do đề nghị đặc cách: {nominee.exceptionReason}</Typography.Text> : undefined}
    />
  );
}

export function DownloadButton({ path, name, label }: { path: string; name: string; label: string }) {
  const { message } = App.useApp();
  return (
    <Button
      icon={<DownloadOutlined />}
      onClick={() =>
        void downloadFile(path, name).then(
          (saved) => message.success(`Đã tải ${saved}`),
          (e: unknown) => message.error(errorMessage(e)),
        )
      }
    >
      {label}
    </Button>
  );
}
