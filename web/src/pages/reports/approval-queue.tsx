// The approval tree of a request as the level above works it: each unit's report with the reports of the units below
// it nested underneath, so what approval waits for is in view ("a unit's report is approved only after its
// children's"). Reports waiting for this level can be approved together (children first) or returned with a reason.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Form, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { roleHasPermission } from '../../../../src/domain/access/roles.ts';
import { formatDateTime, formatNumber } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { reportsApi, type ApproveManyDto, type RequestDetailDto } from '../../api/endpoints.ts';
import {
  approvalTree,
  flattenTree,
  onlyWaiting,
  type ApprovalNode as Node,
  type ApprovalItem as Item,
} from '../../lib/approval-tree.ts';
import { reportSubmissionPath } from '../../paths.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { ActionModal } from '../registry/action-modal.tsx';
import { StateTag, TimelinessTag } from './report-tags.tsx';

const levelLabels: Record<string, string> = {
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  village: 'Thôn, bản',
  organisation: 'Cơ quan, tổ chức',
};

export function ApprovalQueue({ detail, onChanged }: { detail: RequestDetailDto; onChanged(): void }) {
  const me = useSignedIn();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [waitingOnly, setWaitingOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ApproveManyDto | null>(null);
  const [returning, setReturning] = useState(false);
  const [returnForm] = Form.useForm<{ comment: string }>();
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const tree = useMemo(() => approvalTree(detail.submissions), [detail.submissions]);
  const shown = waitingOnly ? onlyWaiting(tree) : tree;
  const all = flattenTree(tree);
  const expanded = all.filter((n) => n.children?.length).map((n) => n.id);

  // The level above reviews: reports.approve on the report's reviewer unit or on the issuing province.
  const reviews = (s: Item) =>
    me.assignments.some(
      (a) =>
        roleHasPermission(a.role, 'reports.approve') &&
        a.unitCode !== null &&
        (a.unitCode === s.reviewerUnitCode || a.unitCode === detail.issuingUnitCode),
    );
  const selectable = (s: Item) => s.state === 'submitted' && reviews(s);
  const waiting = all.filter(selectable);
  const chosen = all.filter((s) => selected.includes(s.id));

  const canApprove = me.can('reports.approve');

  const approve = async () => {
    setBusy(true);
    try {
      const outcome = await reportsApi.approveMany(detail.id, selected);
      setResult(outcome);
      setSelected([]);
      if (outcome.approved.length > 0)
        void message.success(`Đã phê duyệt ${formatNumber(outcome.approved.length)} báo cáo.`);
      onChanged();
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="approval-queue">
      <Typography.Paragraph type="secondary">
        Báo cáo của một đơn vị chỉ được phê duyệt sau khi báo cáo của các đơn vị cấp dưới đã được phê duyệt;
        khi phê duyệt nhiều báo cáo một lần, báo cáo cấp dưới được phê duyệt trước. Phê duyệt khoá số liệu của
        báo cáo.
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }} className="no-print">
        {canApprove ? (
          <>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={selected.length === 0}
              loading={busy}
              onClick={() => void approve()}
            >
              Phê duyệt các báo cáo đã chọn ({formatNumber(selected.length)})
            </Button>
            <Button
              danger
              icon={<RollbackOutlined />}
              disabled={selected.length === 0}
              onClick={() => setReturning(true)}
            >
              Trả lại các báo cáo đã chọn
            </Button>
            <Button disabled={waiting.length === 0} onClick={() => setSelected(waiting.map((s) => s.id))}>
              Chọn tất cả báo cáo chờ phê duyệt ({formatNumber(waiting.length)})
            </Button>
          </>
        ) : null}
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', cursor: 'pointer' }}>
          <Switch
            checked={waitingOnly}
            onChange={setWaitingOnly}
            aria-label="Chỉ hiện báo cáo chờ phê duyệt"
          />
          Chỉ hiện báo cáo chờ phê duyệt
        </label>
      </Space>
      {result ? (
        <Alert
          className="approve-result"
          type={result.refused.length > 0 ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setResult(null) }}
          style={{ marginBottom: 12 }}
          title={`Đã phê duyệt ${formatNumber(result.approved.length)} báo cáo${result.refused.length > 0 ? `, ${formatNumber(result.refused.length)} báo cáo chưa phê duyệt được` : ''}.`}
          description={
            result.refused.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {result.refused.map((r) => (
                  <li key={r.id}>
                    {r.recipientName ? `${r.recipientName}: ` : ''}
                    {r.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <Table<Node>
        className="approval-tree"
        rowKey="id"
        size="small"
        dataSource={shown}
        pagination={false}
        scroll={{ x: 1100 }}
        expandable={{
          expandedRowKeys: expanded.filter((k) => !collapsed.includes(k)),
          onExpand: (open, s) => setCollapsed((c) => (open ? c.filter((k) => k !== s.id) : [...c, s.id])),
        }}
        rowSelection={
          canApprove
            ? {
                checkStrictly: true,
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (s) => ({
                  disabled: !selectable(s),
                  'aria-label': `Chọn báo cáo của ${s.recipientName}`,
                }),
              }
            : undefined
        }
        locale={{
          emptyText: waitingOnly
            ? 'Không có báo cáo nào chờ phê duyệt.'
            : 'Không có báo cáo nào trong phạm vi của bạn.',
        }}
        columns={[
          {
            title: 'Đơn vị',
            key: 'name',
            width: 300,
            render: (_, s) => (
              <Space orientation="vertical" size={0}>
                <Link to={reportSubmissionPath(s.id)}>{s.recipientName}</Link>
                <Typography.Text type="secondary">
                  {levelLabels[s.recipientLevel] ?? s.recipientLevel}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: 'Trạng thái',
            key: 'state',
            width: 230,
            render: (_, s) => (
              <Space size={[4, 4]} wrap>
                <StateTag state={s.state} label={s.stateLabel} />
                {s.changedSinceApproval ? <Tag color="orange">Số liệu thay đổi sau phê duyệt</Tag> : null}
              </Space>
            ),
          },
          {
            title: 'Cấp dưới',
            key: 'below',
            width: 210,
            render: (_, s) =>
              s.below.total === 0 ? (
                '—'
              ) : s.below.approved < s.below.total ? (
                <span className="report-children-waiting">
                  Chờ cấp dưới: {formatNumber(s.below.approved)}/{formatNumber(s.below.total)} đã phê duyệt
                </span>
              ) : (
                <span>Cấp dưới đã phê duyệt đủ ({formatNumber(s.below.total)})</span>
              ),
          },
          {
            title: 'Gửi lần đầu',
            key: 'sent',
            width: 140,
            render: (_, s) => (s.firstSubmittedAt ? formatDateTime(s.firstSubmittedAt) : '—'),
          },
          {
            title: 'Thời hạn',
            key: 'timeliness',
            width: 210,
            render: (_, s) => <TimelinessTag status={s.timeliness.status} label={s.timeliness.label} />,
          },
          { title: 'Ý kiến trả lại', key: 'comment', width: 220, render: (_, s) => s.returnComment ?? '' },
        ]}
      />
      <ActionModal<{ comment: string }>
        open={returning}
        title={`Trả lại ${formatNumber(chosen.length)} báo cáo`}
        okText="Trả lại"
        successText="Đã trả lại các báo cáo đã chọn."
        form={returnForm}
        onClose={() => setReturning(false)}
        onDone={() => {
          setReturning(false);
          setSelected([]);
          onChanged();
        }}
        onSubmit={async (v) => {
          const refused: string[] = [];
          for (const s of chosen) {
            try {
              await reportsApi.returnSubmission(s.id, v.comment);
            } catch (failure) {
              refused.push(`${s.recipientName}: ${errorMessage(failure)}`);
            }
          }
          if (refused.length > 0) {
            onChanged();
            throw new Error(`Chưa trả lại được: ${refused.join('; ')}`);
          }
        }}
      >
        <Typography.Paragraph>{chosen.map((s) => s.recipientName).join(', ')}</Typography.Paragraph>
        <Form.Item
          name="comment"
          label="Lý do trả lại, nội dung cần sửa"
          rules={[
            { required: true, whitespace: true, min: 5, message: 'Ghi rõ lý do trả lại (ít nhất 5 ký tự)' },
          ]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
      </ActionModal>
    </div>
  );
}
