// Hồ sơ đề nghị khen thưởng: the batches the user may see, and a new batch for one form in one campaign round.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Button, Card, Form, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatDate } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { awardsApi, type BatchSummaryDto, type CreateBatchInput } from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { OrganisationSelect } from '../../components/organisation-select.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useApi } from '../../lib/use-api.ts';
import { awardBatchPath } from '../../paths.ts';
import { useSession } from '../../session/session-context.tsx';
import { BatchStatus } from './awards-common.tsx';

interface Values {
  roundId: string;
  formId: string;
  proposer: 'unit' | 'organisation';
  unitCode?: string;
  organisationId?: string;
}

function CreateBatchModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [saving, setSaving] = useState(false);
  const rounds = useApi(() => awardsApi.rounds(), []);
  const catalogue = useApi(() => awardsApi.catalogue(), []);
  const proposer = Form.useWatch('proposer', form);
  const roundId = Form.useWatch('roundId', form);
  const year = rounds.data?.find((r) => r.roundId === roundId)?.year;
  async function save(values: Values) {
    setSaving(true);
    try {
      const body: CreateBatchInput = { roundId: values.roundId, formId: values.formId, ...(values.proposer === 'unit' ? { unitCode: values.unitCode } : { organisationId: values.organisationId }) };
      const created = await awardsApi.create(body);
      void message.success('Đã lập hồ sơ đề nghị khen thưởng.');
      void navigate(awardBatchPath(created.id));
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal open={open} title="Lập hồ sơ đề nghị khen thưởng" okText="Lập hồ sơ" cancelText="Hủy" onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ proposer: 'unit' }} onFinish={(v) => void save(v)}>
        <Form.Item name="roundId" label="Đợt thi đua" rules={[{ required: true, message: 'Chọn đợt thi đua' }]}>
          <Select loading={rounds.loading} options={(rounds.data ?? []).map((r) => ({ value: r.roundId, label: `${r.roundName} — ${r.campaignName}` }))} />
        </Form.Item>
        <Form.Item name="formId" label="Hình thức khen thưởng" rules={[{ required: true, message: 'Chọn hình thức khen thưởng' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={catalogue.loading}
            options={(catalogue.data?.forms ?? []).map((f) => ({ value: f.id, label: `${f.name} (${f.authorityLabel}; biểu quyết từ ${f.voteThresholdPercent}%)` }))}
          />
        </Form.Item>
        <Form.Item name="proposer" label="Cấp trình">
          <Radio.Group options={[{ value: 'unit', label: 'Huyện, xã' }, { value: 'organisation', label: 'Sở, ban, ngành, doanh nghiệp' }]} />
        </Form.Item>
        {proposer === 'organisation' ? (
          <Form.Item name="organisationId" label="Cơ quan, tổ chức đề nghị" rules={[{ required: true, message: 'Chọn cơ quan, tổ chức' }]}>
            <OrganisationSelect />
          </Form.Item>
        ) : (
          <Form.Item name="unitCode" label="Đơn vị đề nghị" rules={[{ required: true, message: 'Chọn huyện hoặc xã' }]}>
            <UnitSelect asOf={year ? `${year}-12-31` : undefined} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export default function AwardBatchesPage() {
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const batches = useApi(() => awardsApi.batches(), []);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Hồ sơ đề nghị khen thưởng
        </Typography.Title>
        {can('awards.propose') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            Lập hồ sơ mới
          </Button>
        )}
      </Space>
      {batches.error && <Alert type="error" showIcon message={batches.error.message} />}
      <Card>
        <Table<BatchSummaryDto>
          rowKey="id"
          loading={batches.loading}
          dataSource={batches.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: 'Hồ sơ', key: 'title', render: (_, b) => (<><Link to={awardBatchPath(b.id)}>{b.title}</Link> {b.isDemo && <DemoTag />}</>) },
            { title: 'Cấp trình', dataIndex: 'proposerName' },
            { title: 'Gửi tới', dataIndex: 'reviewerName' },
            { title: 'Đối tượng', key: 'n', render: (_, b) => `${b.nomineeCount}${b.blockedCount > 0 ? ` (${b.blockedCount} chưa đủ điều kiện)` : ''}` },
            { title: 'Trạng thái', key: 'state', render: (_, b) => <BatchStatus batch={b} /> },
            { title: 'Quyết định', key: 'decision', render: (_, b) => (b.decisionNumber ? `${b.decisionNumber} ngày ${formatDate(b.decisionDate ?? '')}` : '') },
          ]}
        />
      </Card>
      {open && <CreateBatchModal open={open} onClose={() => setOpen(false)} />}
    </Space>
  );
}
