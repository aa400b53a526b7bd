// The units' own poverty-reduction targets of a campaign (criteria 2.4, 3.4, 4.5 measure against them instead of the
// campaign's rule): listed for every reader in scope, set by the board with a reason (audited). After a change the
// board recomputes the round and the score and the ranking follow.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { formatDate, formatNumber } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { emulationApi, type CampaignDto, type UnitTargetInput } from '../../api/emulation-endpoints.ts';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useApi } from '../../lib/use-api.ts';

export function UnitTargetsCard({ campaign, canEdit }: { campaign: CampaignDto; canEdit: boolean }) {
  const { data, error, loading, reload } = useApi(() => emulationApi.unitTargets(campaign.id), [campaign.id]);
  const [form] = Form.useForm<UnitTargetInput>();
  const year = Form.useWatch('year', form);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { message } = App.useApp();
  const submit = async (v: UnitTargetInput) => {
    setSaving(true);
    setFailure(null);
    try {
      await emulationApi.setUnitTarget(campaign.id, v);
      void message.success('Đã lưu mục tiêu riêng. Hãy "Tính điểm từ số liệu" ở đợt liên quan để cập nhật điểm và xếp hạng.');
      form.resetFields(['unitCode', 'requiredReduction', 'reason']);
      reload();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="Mục tiêu giảm tỷ lệ hộ nghèo riêng của đơn vị" className="unit-targets">
      <Typography.Paragraph type="secondary">
        Các tiêu chí 2.4, 3.4, 4.5 so mức giảm tỷ lệ hộ nghèo của đơn vị với mục tiêu theo quy tắc của phong trào; một đơn vị được giao mục tiêu riêng thì tính theo mục tiêu riêng.
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      <Table
        rowKey={(t) => `${t.unitCode}:${t.year}`}
        size="small"
        loading={loading}
        dataSource={data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: 'Chưa có đơn vị nào được giao mục tiêu riêng.' }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'unitName' },
          { title: 'Năm', dataIndex: 'year', width: 80 },
          { title: 'Phải giảm', dataIndex: 'requiredReduction', width: 120, align: 'right', render: (v: number) => `${formatNumber(v, 2)} điểm %` },
          { title: 'Lý do', dataIndex: 'reason' },
          { title: 'Người đặt', width: 260, render: (_: unknown, t) => `${t.setBy}, ${formatDate(t.updatedAt)}` },
        ]}
      />
      {canEdit ? (
        <Form<UnitTargetInput> form={form} layout="inline" name="unit-target" style={{ marginTop: 16, rowGap: 8 }} initialValues={{ year: campaign.periodFrom + 1 }} onFinish={(v) => void submit(v)}>
          <Form.Item name="year" label="Năm" rules={[{ required: true }]}>
            <InputNumber min={campaign.periodFrom} max={campaign.periodTo} />
          </Form.Item>
          <Form.Item name="unitCode" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
            <UnitSelect asOf={year ? `${year}-12-31` : undefined} />
          </Form.Item>
          <Form.Item name="requiredReduction" label="Phải giảm (điểm %)" rules={[{ required: true, message: 'Nhập mức giảm' }]}>
            <InputNumber min={0} max={100} step={0.5} />
          </Form.Item>
          <Form.Item name="reason" label="Lý do" rules={[{ required: true, whitespace: true, message: 'Ghi lý do' }]}>
            <Input style={{ width: 320 }} maxLength={1000} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              Lưu mục tiêu
            </Button>
          </Space>
          {failure ? <Alert type="error" showIcon title={failure} style={{ width: '100%', marginTop: 8 }} /> : null}
        </Form>
      ) : null}
    </Card>
  );
}
