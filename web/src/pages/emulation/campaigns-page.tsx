// The emulation campaigns: the list, and one campaign with its criteria per participant type (code, text, maximum
// points, kind and how the score is obtained), its review rounds and their calendar. The board copies a campaign into
// a new one (e.g. 2021–2025) and edits a round's dates.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Skeleton,
  Space,
  Steps,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { CalendarOutlined, CopyOutlined, EditOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { participantTypeSections, type ParticipantType } from '../../../../src/domain/emulation/participant-types.ts';
import { formatNumber } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { emulationApi, type CampaignDto, type CopyCampaignInput, type CriteriaSetDto, type EmulationRoundDto } from '../../api/emulation-endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { fromIso, toIso, viDateFormat } from '../../lib/dates.ts';
import { useApi } from '../../lib/use-api.ts';
import { campaignPath, emulationPaths } from './emulation-paths.ts';
import { KindTag, scoreSources } from './emulation-common.tsx';
import { CriteriaSetEditor } from './criteria-set-editor.tsx';
import { currentStepIndex, formatScore, roundCalendar } from './emulation-helpers.ts';
import { loadCampaigns, StageTag } from './round-picker.tsx';
import { UnitTargetsCard } from './unit-targets-card.tsx';
import { useSignedIn } from '../../session/session-context.tsx';

export function CampaignsList() {
  const { data, error, loading } = useApi(() => emulationApi.campaigns(), []);
  return (
    <Card title="Các phong trào thi đua">
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      <Table
        rowKey="id"
        className="campaigns-table"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        columns={[
          {
            title: 'Phong trào',
            dataIndex: 'name',
            render: (_: unknown, c) => (
              <Space orientation="vertical" size={0}>
                <Link to={campaignPath(c.id)}>{c.shortName ?? c.name}</Link>
                <Typography.Text type="secondary">{c.legalBasis}</Typography.Text>
              </Space>
            ),
          },
          { title: 'Giai đoạn', width: 130, render: (_: unknown, c) => `${c.periodFrom} – ${c.periodTo}` },
          { title: 'Đối tượng', width: 110, render: (_: unknown, c) => formatNumber(c.participantTypes.length) },
          { title: 'Số đợt', width: 90, dataIndex: 'rounds' },
          { title: '', width: 140, render: (_: unknown, c) => <DemoTag show={c.isDemo} /> },
        ]}
      />
    </Card>
  );
}

export default function CampaignsPage() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Phong trào thi đua
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Mỗi phong trào có bộ tiêu chí cho từng đối tượng và các đợt đánh giá (hằng năm, sơ kết, tổng kết). Xem thêm:{' '}
        <Link to={emulationPaths.register}>đăng ký và tự chấm điểm</Link>, <Link to={emulationPaths.rankings}>kết quả xếp hạng</Link>,{' '}
        <Link to={emulationPaths.library}>thư viện điển hình</Link>.
      </Typography.Paragraph>
      <CampaignsList />
    </Space>
  );
}

function CopyCampaignModal({ campaign, open, onClose }: { campaign: CampaignDto; open: boolean; onClose(): void }) {
  const [form] = Form.useForm<CopyCampaignInput>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const span = campaign.periodTo - campaign.periodFrom;
  const submit = async (v: CopyCampaignInput) => {
    setSaving(true);
    setError(null);
    try {
      const created = await emulationApi.copyCampaign(campaign.id, v);
      await loadCampaigns(true);
      void message.success(`Đã tạo phong trào "${created.name}".`);
      onClose();
      void navigate(campaignPath(created.id));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title="Sao chép thành phong trào mới" open={open} okText="Sao chép" cancelText="Huỷ" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<CopyCampaignInput>
        form={form}
        layout="vertical"
        name="copy-campaign"
        initialValues={{ name: campaign.name.replace(`${campaign.periodFrom}`, `${campaign.periodTo + 1}`).replace(`${campaign.periodTo}`, `${campaign.periodTo + 1 + span}`), periodFrom: campaign.periodTo + 1, periodTo: campaign.periodTo + 1 + span, shiftRounds: true }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label="Tên phong trào mới" rules={[{ required: true, whitespace: true, message: 'Nhập tên phong trào' }]}>
          <Input.TextArea autoSize maxLength={500} />
        </Form.Item>
        <Form.Item name="legalBasis" label="Căn cứ (để trống thì giữ căn cứ cũ)">
          <Input.TextArea autoSize maxLength={3000} />
        </Form.Item>
        <Space>
          <Form.Item name="periodFrom" label="Từ năm" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="periodTo" label="Đến năm" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Space>
        <Form.Item name="shiftRounds" valuePropName="checked">
          <Checkbox>Sao chép các đợt đánh giá, dời theo số năm chênh lệch</Checkbox>
        </Form.Item>
        <Typography.Paragraph type="secondary">Bộ tiêu chí của mọi đối tượng được sao chép nguyên; sửa sau khi tạo.</Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

interface RoundDates {
  selfAssessment: [Dayjs, Dayjs];
  verificationUntil: Dayjs;
  councilScoringOn: Dayjs;
  publicationOn: Dayjs;
  ceremonyOn: Dayjs | null;
}

function EditRoundModal({ round, onClose, onSaved }: { round: EmulationRoundDto | null; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<RoundDates>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  if (!round) return null;
  const submit = async (v: RoundDates) => {
    setSaving(true);
    setError(null);
    try {
      await emulationApi.updateRound(round.id, {
        selfAssessmentFrom: toIso(v.selfAssessment[0]),
        selfAssessmentTo: toIso(v.selfAssessment[1]),
        verificationUntil: toIso(v.verificationUntil),
        councilScoringOn: toIso(v.councilScoringOn),
        publicationOn: toIso(v.publicationOn),
        ceremonyOn: v.ceremonyOn ? toIso(v.ceremonyOn) : null,
      });
      await loadCampaigns(true);
      void message.success(`Đã lưu lịch của đợt "${round.name}".`);
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={`Sửa lịch: ${round.name}`} open okText="Lưu lịch" cancelText="Huỷ" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<RoundDates>
        form={form}
        layout="vertical"
        name="edit-round"
        initialValues={{
          selfAssessment: [fromIso(round.selfAssessmentFrom), fromIso(round.selfAssessmentTo)],
          verificationUntil: fromIso(round.verificationUntil),
          councilScoringOn: fromIso(round.councilScoringOn),
          publicationOn: fromIso(round.publicationOn),
          ceremonyOn: round.ceremonyOn ? fromIso(round.ceremonyOn) : null,
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="selfAssessment" label="Thời gian tự chấm điểm" rules={[{ required: true }]}>
          <DatePicker.RangePicker format={viDateFormat} placeholder={['Từ ngày', 'Đến ngày']} id="round-self-assessment" />
        </Form.Item>
        <Form.Item name="verificationUntil" label="Hạn thẩm định" rules={[{ required: true }]}>
          <DatePicker format={viDateFormat} id="round-verification-until" />
        </Form.Item>
        <Form.Item name="councilScoringOn" label="Ngày Hội đồng chấm điểm" rules={[{ required: true }]}>
          <DatePicker format={viDateFormat} id="round-council-on" />
        </Form.Item>
        <Form.Item name="publicationOn" label="Ngày công bố kết quả" rules={[{ required: true }]}>
          <DatePicker format={viDateFormat} id="round-publication-on" />
        </Form.Item>
        <Form.Item name="ceremonyOn" label="Ngày lễ tổng kết, khen thưởng (nếu có)">
          <DatePicker format={viDateFormat} id="round-ceremony-on" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

// Short names for the tab list (the full name heads each tab's content).
const shortTypeLabels: Record<ParticipantType, string> = {
  department_front_union: 'Sở, ngành, MTTQ, đoàn thể',
  district: 'Huyện, thành phố',
  commune: 'Xã, phường, thị trấn',
  village: 'Thôn, bản, tổ dân phố',
  household_non_poor: 'Hộ không nghèo',
  household_poor: 'Hộ nghèo, cận nghèo, mới thoát nghèo',
  poverty_cadre: 'Cán bộ làm công tác giảm nghèo',
  enterprise_cooperative: 'Doanh nghiệp, hợp tác xã',
};

function CriteriaTabs({ campaign, canEdit, onEdit }: { campaign: CampaignDto; canEdit: boolean; onEdit(set: CriteriaSetDto): void }) {
  return (
    <Tabs
      className="criteria-tabs"
      tabPlacement="start"
      items={campaign.criteriaSets.map((set) => ({
        key: set.participantType,
        label: `${participantTypeSections[set.participantType]} ${shortTypeLabels[set.participantType]}`,
        children: (
          <div className="criteria-set" data-type={set.participantType}>
            <Typography.Paragraph>
              <strong>{set.participantTypeLabel}</strong> — mục {set.section} của kế hoạch; phiên bản {set.version}
              {set.isCurrent ? '' : ' (cũ)'}; tổng {formatScore(set.totalPoints)} điểm.
              {set.note ? ` ${set.note}` : ''}
            </Typography.Paragraph>
            {canEdit && set.isCurrent ? (
              <Button icon={<EditOutlined />} onClick={() => onEdit(set)} style={{ marginBottom: 12 }} className="edit-criteria">
                Sửa bộ tiêu chí
              </Button>
            ) : null}
            <Table
              rowKey="id"
              size="small"
              className="criteria-table"
              pagination={false}
              dataSource={set.criteria}
              columns={[
                { title: 'Mã', dataIndex: 'code', width: 70, render: (code: string) => <strong className="criterion-code">{code}</strong> },
                {
                  title: 'Nội dung tiêu chí và cách có điểm',
                  dataIndex: 'text',
                  render: (_: unknown, c) => (
                    <Space orientation="vertical" size={2} className="score-source-text">
                      <span>{c.text}</span>
                      {c.formulaLabel ? <Typography.Text strong>Công thức: {c.formulaLabel}</Typography.Text> : null}
                      <Typography.Text type="secondary">{c.scoreSource}</Typography.Text>
                    </Space>
                  ),
                },
                { title: 'Điểm tối đa', dataIndex: 'maxPoints', width: 100, align: 'right', render: (v: number) => formatScore(v) },
                { title: 'Loại', dataIndex: 'kind', width: 110, render: (_: unknown, c) => <KindTag kind={c.kind} label={c.kindLabel} /> },
              ]}
            />
          </div>
        ),
      }))}
    />
  );
}

function RoundsTable({ campaign, onEdit, canEdit }: { campaign: CampaignDto; onEdit(r: EmulationRoundDto): void; canEdit: boolean }) {
  return (
    <Table
      rowKey="id"
      className="rounds-table"
      pagination={false}
      dataSource={campaign.rounds}
      columns={[
        {
          title: 'Đợt',
          width: 220,
          render: (_: unknown, r) => (
            <Space orientation="vertical" size={2}>
              <strong>{r.name}</strong>
              <Typography.Text type="secondary">
                {r.kindLabel}; số liệu {r.measureFromYear === r.measureToYear ? `năm ${r.measureToYear}` : `${r.measureFromYear}–${r.measureToYear}`}
              </Typography.Text>
              <StageTag round={r} />
            </Space>
          ),
        },
        {
          title: 'Lịch',
          render: (_: unknown, r) => (
            <Steps
              size="small"
              className="round-calendar"
              current={currentStepIndex(r.stage)}
              items={roundCalendar(r).map((s) => ({ title: s.title, content: s.when }))}
            />
          ),
        },
        ...(canEdit
          ? [
              {
                title: '',
                width: 120,
                render: (_: unknown, r: EmulationRoundDto) => (
                  <Button icon={<CalendarOutlined />} onClick={() => onEdit(r)} disabled={r.published} aria-label={`Sửa lịch ${r.name}`}>
                    Sửa lịch
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function CampaignPage() {
  const { id = '' } = useParams();
  const { can } = useSignedIn();
  const { data, error, reload } = useApi(() => emulationApi.campaign(id), [id]);
  const [copying, setCopying] = useState(false);
  const [editing, setEditing] = useState<EmulationRoundDto | null>(null);
  const [editingSet, setEditingSet] = useState<CriteriaSetDto | null>(null);
  const manage = can('emulation.manage');
  if (error && !data) return <Alert type="error" showIcon title={error.message} />;
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space align="start" style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }} className="campaign-title">
          {data.shortName ?? data.name}
          <DemoTag show={data.isDemo} />
        </Typography.Title>
        {manage ? (
          <Button icon={<CopyOutlined />} onClick={() => setCopying(true)}>
            Sao chép thành phong trào mới
          </Button>
        ) : null}
      </Space>
      <Card>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="Tên phong trào">{data.name}</Descriptions.Item>
          <Descriptions.Item label="Căn cứ">{data.legalBasis}</Descriptions.Item>
          <Descriptions.Item label="Giai đoạn">
            {data.periodFrom} – {data.periodTo}
          </Descriptions.Item>
          <Descriptions.Item label="Mục tiêu giảm nghèo">
            {data.targetRuleSet.title} (phiên bản {data.targetRuleSet.version}; {data.targetRuleSet.source})
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {data.targetRuleSet.bands.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="Nguồn điểm của các tiêu chí" className="score-sources">
        <Space wrap size={[24, 8]} align="start">
          {scoreSources.map((s) => (
            <div key={s.key} style={{ maxWidth: 320 }} className={`score-source-card source-${s.key}`}>
              <Tag color={s.color}>{s.title}</Tag>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                {s.how}
              </Typography.Paragraph>
            </div>
          ))}
        </Space>
      </Card>
      <Card title="Bộ tiêu chí theo đối tượng">
        <CriteriaTabs campaign={data} canEdit={manage} onEdit={setEditingSet} />
      </Card>
      <Card title="Các đợt đánh giá và lịch">
        <RoundsTable campaign={data} canEdit={manage} onEdit={setEditing} />
      </Card>
      <UnitTargetsCard campaign={data} canEdit={manage} />
      <CopyCampaignModal campaign={data} open={copying} onClose={() => setCopying(false)} />
      <CriteriaSetEditor
        campaignId={data.id}
        set={editingSet}
        onClose={() => setEditingSet(null)}
        onSaved={() => {
          setEditingSet(null);
          reload();
        }}
      />
      <EditRoundModal
        round={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
    </Space>
  );
}
