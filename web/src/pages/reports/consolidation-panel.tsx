// The board's consolidated report: the approved reports' figures summed, what is missing or not yet approved, each
// unit against its yearly target, and a narrative drafted from the figures that the officer edits before the
// document (DOCX in the Nghị định 30/2020 layout, PDF to publish, XLSX tables, the tờ trình) is downloaded.
import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import {
  figureLabels,
  formatFigure,
  type FigureField,
} from '../../../../src/domain/reports/report-figures.ts';
import { formatDate, formatNumber, formatPercent } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { reportsApi, type ConsolidationDto } from '../../api/endpoints.ts';
import { fromIso, toIso, viDateFormat } from '../../lib/dates.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { DocumentButton, StateTag } from './report-tags.tsx';

type Row = ConsolidationDto['rows'][number];

interface Particulars {
  parentBody: string;
  issuingBody: string;
  number: string;
  place: string;
  date: Dayjs;
  signerAuthority: string;
  signerName: string;
  recipients: string;
}

const totalFields: FigureField[] = [
  'total',
  'poor',
  'poorRate',
  'nearPoor',
  'nearPoorRate',
  'escaped',
  'newPoor',
  'relapsed',
];

function particularsOf(c: ConsolidationDto): Particulars {
  const p = c.particulars;
  return {
    parentBody: p.parentBody,
    issuingBody: p.issuingBody,
    number: p.number,
    place: p.place,
    date: fromIso(p.date),
    signerAuthority: p.signerAuthority.join('\n'),
    signerName: p.signerName,
    recipients: p.recipients.join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

export function ConsolidationPanel({ requestId, refreshKey }: { requestId: string; refreshKey: number }) {
  const { message } = App.useApp();
  const canManage = useSignedIn().can('reports.manage');
  const loaded = useApi(() => reportsApi.consolidation(requestId), [requestId, refreshKey]);
  const [data, setData] = useState<ConsolidationDto | null>(null);
  const [narrative, setNarrative] = useState('');
  const [form] = Form.useForm<Particulars>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The particulars form is re-created from each answer (it is not mounted before the first one).
  const [stamp, setStamp] = useState(0);

  const adopt = (c: ConsolidationDto) => {
    setData(c);
    setNarrative(c.narrative.join('\n\n'));
    setStamp((n) => n + 1);
  };
  useEffect(() => {
    if (loaded.data) adopt(loaded.data);
    // adopt only sets state from the answer
  }, [loaded.data]);

  if (loaded.error && !data) return <Alert type="error" showIcon title={loaded.error.message} />;
  if (!data) return <Card loading />;

  const save = async () => {
    setError(null);
    let values: Particulars;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const saved = await reportsApi.saveConsolidation(requestId, {
        narrative: narrative.split(/\n\s*\n/u),
        particulars: {
          parentBody: values.parentBody,
          issuingBody: values.issuingBody,
          number: values.number,
          place: values.place,
          date: toIso(values.date),
          signerAuthority: lines(values.signerAuthority),
          signerName: values.signerName,
          recipients: lines(values.recipients),
        },
      });
      adopt(saved);
      void message.success('Đã lưu báo cáo tổng hợp.');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  const base = `Báo cáo tổng hợp ${data.title}`;
  return (
    <div className="consolidation">
      <Card style={{ marginBottom: 16 }} className="consolidation-summary">
        <Row gutter={[16, 16]}>
          <Col xs={24} md={6}>
            <Statistic
              title="Đơn vị đã được phê duyệt"
              value={`${formatNumber(data.approvedCount)}/${formatNumber(data.recipientCount)}`}
            />
          </Col>
          {data.totals
            ? totalFields.slice(0, 3).map((f) => (
                <Col key={f} xs={12} md={6}>
                  <Statistic
                    title={`${figureLabels[f]} (đã phê duyệt)`}
                    value={formatFigure(f, data.totals![f] ?? 0)}
                  />
                </Col>
              ))
            : null}
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          Số liệu kỳ rà soát năm {data.roundYear}
          {data.previousRoundYear ? `, so với năm ${data.previousRoundYear}` : ''}; tổng hợp đến ngày{' '}
          {formatDate(data.asOf)}. Chỉ cộng số liệu của các báo cáo đã được phê duyệt.
          {data.best ? ` Giảm nhiều nhất: ${data.best}.` : ''}
          {data.worst ? ` Giảm ít nhất: ${data.worst}.` : ''}
        </Typography.Paragraph>
      </Card>
      {data.missing.length > 0 || data.notApproved.length > 0 ? (
        <Alert
          className="consolidation-missing"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Còn ${formatNumber(data.missing.length)} đơn vị chưa gửi, ${formatNumber(data.notApproved.length)} báo cáo chưa được phê duyệt`}
          description={
            <Typography.Paragraph
              ellipsis={{ rows: 3, expandable: true, symbol: 'xem hết' }}
              style={{ marginBottom: 0 }}
            >
              {[
                ...data.missing.map((m) => `${m.name} (${m.label})`),
                ...data.notApproved.map((n) => `${n.name} (${n.stateLabel})`),
              ].join('; ')}
            </Typography.Paragraph>
          }
        />
      ) : null}
      <Card title="Số liệu các đơn vị" style={{ marginBottom: 16 }}>
        <Table<Row>
          className="consolidation-rows"
          rowKey="key"
          size="small"
          dataSource={data.rows}
          pagination={{ pageSize: 100, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
          columns={[
            { title: 'Đơn vị', dataIndex: 'name', fixed: 'left', width: 200 },
            {
              title: 'Trạng thái',
              key: 'state',
              width: 170,
              render: (_, r) => <StateTag state={r.state} label={r.stateLabel} />,
            },
            { title: 'Thời hạn', dataIndex: 'timelinessLabel', width: 180 },
            {
              title: 'Tổng số hộ',
              key: 'total',
              align: 'right',
              width: 110,
              render: (_, r) => (r.values ? formatNumber(r.values.total) : '—'),
            },
            {
              title: 'Hộ nghèo',
              key: 'poor',
              align: 'right',
              width: 100,
              render: (_, r) => (r.values ? formatNumber(r.values.poor) : '—'),
            },
            {
              title: 'Tỷ lệ hộ nghèo',
              key: 'rate',
              align: 'right',
              width: 120,
              render: (_, r) => (r.values ? formatPercent(r.values.poorRate) : '—'),
            },
            {
              title: 'Năm trước',
              key: 'prev',
              align: 'right',
              width: 100,
              render: (_, r) => (r.previousPoorRate === null ? '—' : formatPercent(r.previousPoorRate)),
            },
            {
              title: 'Giảm (điểm %)',
              key: 'reduction',
              align: 'right',
              width: 120,
              render: (_, r) => (r.reduction === null ? '—' : formatNumber(r.reduction, 2)),
            },
            {
              title: 'Chỉ tiêu năm',
              key: 'attained',
              width: 120,
              render: (_, r) =>
                r.attained === null ? (
                  '—'
                ) : (
                  <Tag color={r.attained ? 'green' : 'red'} title={r.attainmentExplanation ?? undefined}>
                    {r.attained ? 'Đạt' : 'Không đạt'}
                  </Tag>
                ),
            },
          ]}
        />
      </Card>
      <Card
        title="Nội dung báo cáo tổng hợp"
        style={{ marginBottom: 16 }}
        extra={
          <Space>
            {data.narrativeEdited ? <Tag color="blue">Đã biên tập</Tag> : <Tag>Dự thảo từ số liệu</Tag>}
            <Button
              icon={<ReloadOutlined />}
              disabled={!canManage}
              onClick={() => setNarrative(data.draftedNarrative.join('\n\n'))}
            >
              Lấy lại dự thảo từ số liệu
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          Mỗi đoạn cách nhau một dòng trống. Văn bản tải về dùng nội dung đã lưu.
        </Typography.Paragraph>
        <Input.TextArea
          className="consolidation-narrative"
          aria-label="Nội dung báo cáo tổng hợp"
          autoSize={{ minRows: 8, maxRows: 30 }}
          readOnly={!canManage}
          value={narrative}
          onChange={(e) => setNarrative(e.target.value)}
        />
      </Card>
      <Card title="Thể thức văn bản (Nghị định 30/2020/NĐ-CP)" style={{ marginBottom: 16 }}>
        <Form<Particulars>
          key={stamp}
          form={form}
          layout="vertical"
          requiredMark="optional"
          initialValues={particularsOf(data)}
          disabled={!canManage}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="parentBody" label="Cơ quan chủ quản">
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="issuingBody"
                label="Cơ quan ban hành"
                rules={[{ required: true, whitespace: true, message: 'Nhập cơ quan ban hành' }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="number"
                label="Số, ký hiệu"
                rules={[{ required: true, message: 'Nhập số, ký hiệu' }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="place"
                label="Địa danh"
                rules={[{ required: true, whitespace: true, message: 'Nhập địa danh' }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="date" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày' }]}>
                <DatePicker format={viDateFormat} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="signerAuthority"
                label="Quyền hạn, chức vụ người ký (mỗi dòng một ý)"
                rules={[{ required: true, whitespace: true, message: 'Nhập chức vụ người ký' }]}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="signerName" label="Họ tên người ký">
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="recipients" label="Nơi nhận (mỗi dòng một nơi)">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Space wrap className="no-print consolidation-actions">
        {canManage ? (
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
            Lưu báo cáo tổng hợp
          </Button>
        ) : null}
        <DocumentButton
          format="docx"
          path={reportsApi.consolidationPath(requestId, 'docx')}
          fileName={`${base}.docx`}
        >
          Tải báo cáo (DOCX)
        </DocumentButton>
        <DocumentButton
          format="pdf"
          path={reportsApi.consolidationPath(requestId, 'pdf')}
          fileName={`${base}.pdf`}
        >
          Tải bản công bố (PDF)
        </DocumentButton>
        <DocumentButton
          format="xlsx"
          path={reportsApi.consolidationPath(requestId, 'xlsx')}
          fileName={`${base}.xlsx`}
        >
          Tải các bảng (XLSX)
        </DocumentButton>
        <DocumentButton
          format="docx"
          path={reportsApi.toTrinhPath(requestId)}
          fileName={`Tờ trình ${data.title}.docx`}
        >
          Tờ trình kèm danh sách (DOCX)
        </DocumentButton>
      </Space>
    </div>
  );
}
