import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Dropdown,
  Empty,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { DownOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../../../src/shared/vi-format.ts';
import { householdsApi, roundsApi, type AssessmentDto, type HouseholdDetail, type RoundDto } from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { LoadFailure } from '../../components/refusal.tsx';
import { useApi } from '../../lib/use-api.ts';
import { cachedRounds } from '../../lib/rounds-cache.ts';
import { communeRoundPath, paths } from '../../paths.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { AssessmentEditor, type AssessmentTarget } from './assessment-editor.tsx';
import { HouseholdActionModals, type HouseholdAction } from './household-actions.tsx';
import { RegistryStyles } from './registry-styles.tsx';
import {
  areaLabels,
  categoryColors,
  categoryLabels,
  categoryShortLabels,
  deviceLabels,
  employmentLabels,
  historyActionLabels,
  schoolingLabels,
  sexLabels,
  transitionLabel,
  yesNo,
} from './registry-labels.ts';

type Member = HouseholdDetail['members'][number];
type Loan = HouseholdDetail['loans'][number];
type HistoryRow = HouseholdDetail['history'][number];

function durable(value: boolean | undefined, material: string | undefined): string {
  const quality = value === undefined ? '' : value ? 'bền chắc' : 'không bền chắc';
  return [material, quality].filter(Boolean).join(', ') || 'Chưa ghi';
}

function DwellingFacts({ household }: { household: HouseholdDetail }) {
  const d = household.dwelling;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, lg: 2 }}
      items={[
        { key: 'house', label: 'Có nhà ở', children: yesNo(d.hasHouse) },
        { key: 'area', label: 'Diện tích nhà ở', children: d.floorArea === undefined ? 'Chưa ghi' : `${formatNumber(d.floorArea)} m²` },
        { key: 'wall', label: 'Tường', children: durable(d.wallDurable, d.wallMaterial) },
        { key: 'frame', label: 'Khung, cột', children: durable(d.frameDurable, d.frameMaterial) },
        { key: 'roof', label: 'Mái', children: durable(d.roofDurable, d.roofMaterial) },
        {
          key: 'water',
          label: 'Nguồn nước sinh hoạt',
          children: [d.waterSource, d.hygienicWater === undefined ? '' : d.hygienicWater ? 'hợp vệ sinh' : 'không hợp vệ sinh']
            .filter(Boolean)
            .join(', ') || 'Chưa ghi',
        },
        {
          key: 'latrine',
          label: 'Nhà tiêu',
          children: [d.latrineType, d.hygienicLatrine === undefined ? '' : d.hygienicLatrine ? 'hợp vệ sinh' : 'không hợp vệ sinh']
            .filter(Boolean)
            .join(', ') || 'Chưa ghi',
        },
        {
          key: 'telecom',
          label: 'Điện thoại, Internet',
          children: `Điện thoại: ${yesNo(d.anyMemberUsesPhone)}; Internet: ${yesNo(d.anyMemberUsesInternet)}`,
        },
        {
          key: 'devices',
          label: 'Thiết bị tiếp cận thông tin',
          children: d.informationDevices
            ? d.informationDevices.length > 0
              ? d.informationDevices.map((x) => deviceLabels[x] ?? x).join(', ')
              : 'Không có'
            : 'Chưa ghi',
        },
        { key: 'speaker', label: 'Nghe được loa truyền thanh thôn', children: yesNo(d.hearsVillageLoudspeaker) },
      ]}
    />
  );
}

function MembersTable({ members }: { members: Member[] }) {
  return (
    <Table<Member>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={members}
      scroll={{ x: 1000 }}
      columns={[
        { title: 'Họ và tên', dataIndex: 'fullName' },
        { title: 'Quan hệ với chủ hộ', dataIndex: 'relation', width: 130 },
        {
          title: 'Ngày/năm sinh',
          key: 'birth',
          width: 120,
          render: (_, m) => (m.birthDate ? formatDate(m.birthDate) : m.birthYear),
        },
        { title: 'Giới tính', key: 'sex', width: 90, render: (_, m) => sexLabels[m.sex] },
        {
          title: 'Số CCCD',
          key: 'cccd',
          width: 150,
          render: (_, m) => <span className={m.citizenIdMasked ? 'masked-cccd' : undefined}>{m.citizenId ?? '—'}</span>,
        },
        { title: 'Dân tộc', key: 'ethnicity', width: 90, render: (_, m) => m.ethnicity ?? '—' },
        {
          title: 'Trình độ học vấn',
          key: 'schooling',
          width: 170,
          render: (_, m) =>
            `${m.facts.schooling ? (schoolingLabels[m.facts.schooling] ?? m.facts.schooling) : 'Chưa ghi'}${m.facts.inSchool ? ' (đang đi học)' : ''}`,
        },
        { title: 'BHYT', key: 'bhyt', width: 80, render: (_, m) => yesNo(m.facts.hasHealthInsurance) },
        {
          title: 'Việc làm',
          key: 'work',
          width: 200,
          render: (_, m) => (m.facts.employment ? (employmentLabels[m.facts.employment] ?? m.facts.employment) : 'Chưa ghi'),
        },
      ]}
    />
  );
}

/** The household's category round by round (current revisions), oldest first: where it came from at a glance. */
function CategoryTimeline({ assessments }: { assessments: AssessmentDto[] }) {
  const current = [...assessments].filter((a) => a.isCurrent).sort((a, b) => a.year - b.year);
  if (current.length === 0) return <Empty description="Hộ chưa có kết quả rà soát nào" />;
  return (
    <Timeline
      className="category-timeline"
      orientation="horizontal"
      items={current.map((a) => ({
        key: a.id,
        color: categoryColors[a.category],
        title: <strong>{a.year}</strong>,
        content: (
          <Space orientation="vertical" size={2} align="center">
            <Tag color={categoryColors[a.category]} style={{ marginInlineEnd: 0 }} title={categoryLabels[a.category]}>
              {categoryShortLabels[a.category]}
            </Tag>
            {a.isAmendment ? <Tag color="purple">Đính chính</Tag> : null}
          </Space>
        ),
      }))}
    />
  );
}

function AssessmentsTable({ assessments }: { assessments: AssessmentDto[] }) {
  return (
    <Table<AssessmentDto>
      className="assessments-table"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={assessments}
      scroll={{ x: 1000 }}
      rowClassName={(a) => (a.isCurrent ? '' : 'superseded-row')}
      columns={[
        {
          title: 'Kỳ',
          key: 'year',
          width: 90,
          render: (_, a) => (
            <Space orientation="vertical" size={0}>
              <strong>{a.year}</strong>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.standardVersion}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: 'Phân loại',
          key: 'category',
          width: 190,
          render: (_, a) => (
            <Space orientation="vertical" size={4}>
              <Tag color={categoryColors[a.category]}>{categoryLabels[a.category]}</Tag>
              {a.isAmendment ? <Tag color="purple">Đính chính</Tag> : null}
              {!a.isCurrent ? <Tag>Đã được thay thế</Tag> : null}
            </Space>
          ),
        },
        {
          title: 'Thu nhập / điểm B1',
          key: 'income',
          width: 150,
          render: (_, a) =>
            a.incomePerCapita !== null ? formatMoney(a.incomePerCapita) : a.b1Score !== null ? `${a.b1Score} điểm B1` : '—',
        },
        {
          title: 'Chỉ số thiếu hụt và căn cứ',
          key: 'deprivations',
          render: (_, a) =>
            a.deprivations.length === 0 ? (
              <Typography.Text type="secondary">Không thiếu hụt chỉ số nào</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {a.deprivations.map((d) => (
                  <li key={d.code}>
                    <strong>{d.name}</strong>
                    {d.cause ? `: ${d.cause}` : ''}
                  </li>
                ))}
              </ul>
            ),
        },
        {
          title: 'Lý do phân loại',
          key: 'reason',
          width: 280,
          render: (_, a) => (
            <Space orientation="vertical" size={2}>
              <span>{a.reason}</span>
              {a.isAmendment && a.amendmentReason ? (
                <Typography.Text type="warning">Lý do đính chính: {a.amendmentReason}</Typography.Text>
              ) : null}
            </Space>
          ),
        },
        {
          title: 'Biến động',
          key: 'transition',
          width: 170,
          render: (_, a) => (
            <Space orientation="vertical" size={0}>
              <span>{transitionLabel(a.transition)}</span>
              {a.stableEscapeYears !== null ? (
                <Typography.Text type="secondary">
                  {a.stableEscapeYears === 0 ? 'Năm thoát nghèo' : `Thoát nghèo được ${a.stableEscapeYears} năm`}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

function LoansTable({ loans }: { loans: Loan[] }) {
  if (loans.length === 0) return <Empty description="Không có khoản vay Ngân hàng Chính sách xã hội" />;
  return (
    <Table<Loan>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={loans}
      scroll={{ x: 900 }}
      rowClassName={(l) => (l.overdue ? 'loan-overdue' : '')}
      columns={[
        { title: 'Số tiền', key: 'amount', width: 140, align: 'right', render: (_, l) => formatMoney(l.amount) },
        {
          title: 'Mục đích',
          key: 'purpose',
          render: (_, l) => (
            <>
              {l.purpose}
              <DemoTag show={l.isDemo} />
            </>
          ),
        },
        { title: 'Giải ngân', key: 'from', width: 110, render: (_, l) => formatDate(l.disbursedOn) },
        {
          title: 'Hạn trả',
          key: 'due',
          width: 150,
          render: (_, l) =>
            l.overdue ? (
              <Typography.Text type="danger" strong>
                {formatDate(l.dueOn)} <Tag color="red">Quá hạn</Tag>
              </Typography.Text>
            ) : (
              formatDate(l.dueOn)
            ),
        },
        { title: 'Đúng mục đích', key: 'use', width: 110, render: (_, l) => yesNo(l.usedAsIntended) },
        {
          title: 'Trả lãi đúng hạn',
          key: 'interest',
          width: 120,
          render: (_, l) => (l.interestOnTime ? 'Có' : <Typography.Text type="danger">Không</Typography.Text>),
        },
        {
          title: 'Trả gốc đúng hạn',
          key: 'principal',
          width: 120,
          render: (_, l) => (l.principalOnTime ? 'Có' : <Typography.Text type="danger">Không</Typography.Text>),
        },
        { title: 'Đã trả hết', key: 'repaid', width: 110, render: (_, l) => (l.repaidOn ? formatDate(l.repaidOn) : 'Chưa') },
      ]}
    />
  );
}

function HistoryTable({ history }: { history: HistoryRow[] }) {
  if (history.length === 0) return <Empty description="Chưa có thay đổi nào được ghi" />;
  return (
    <Table<HistoryRow>
      size="small"
      rowKey={(h, i) => `${h.at}-${i ?? 0}`}
      pagination={history.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      dataSource={history}
      columns={[
        { title: 'Thời điểm', key: 'at', width: 150, render: (_, h) => formatDateTime(h.at) },
        { title: 'Người thực hiện', dataIndex: 'actorName', width: 220 },
        { title: 'Thay đổi', key: 'action', render: (_, h) => historyActionLabels[h.action] ?? h.action },
        { title: 'Lý do', key: 'reason', render: (_, h) => h.reason ?? '—' },
      ]}
    />
  );
}

export default function HouseholdPage() {
  const { id = '' } = useParams();
  const me = useSignedIn();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data, error, reload } = useApi(() => householdsApi.detail(id), [id]);
  const [action, setAction] = useState<HouseholdAction | null>(null);
  const [editing, setEditing] = useState<AssessmentTarget | null>(null);
  const [openRound, setOpenRound] = useState<RoundDto | null>(null);
  useEffect(() => {
    let active = true;
    void cachedRounds().then(
      (list) => active && setOpenRound(list.find((r) => r.state === 'open') ?? null),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);
  const back = { to: paths.households, label: 'Về danh sách hộ' };
  const commune = data?.unitPath.find((u) => u.level === 'commune');
  const village = data?.unitPath.find((u) => u.level === 'village');
  const openAssessment = useMemo(
    () => (data && openRound ? data.assessments.find((a) => a.roundId === openRound.id && a.isCurrent) : undefined),
    [data, openRound],
  );

  if (error && (!data || data.id !== id))
    return <LoadFailure error={error} notFoundTitle="Không tìm thấy hộ gia đình" back={back} onRetry={reload} invalidIsNotFound />;
  if (!data || data.id !== id) return <Skeleton active paragraph={{ rows: 10 }} />;

  const canWrite = me.can('households.write') && data.closedOn === null;
  const actions: { key: HouseholdAction; label: string }[] = [
    { key: 'move', label: 'Chuyển sang thôn khác' },
    { key: 'split', label: 'Tách hộ' },
    { key: 'merge', label: 'Nhập vào hộ khác' },
    { key: 'loan', label: 'Ghi khoản vay NHCSXH' },
    { key: 'escape', label: 'Đăng ký tự nguyện thoát nghèo' },
    { key: 'apply', label: 'Nhận đơn đề nghị phát sinh' },
  ];

  return (
    <div>
      <RegistryStyles />
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'list', title: <Link to={paths.households}>Hộ gia đình</Link> },
          ...(commune ? [{ key: commune.code, title: <Link to={`${paths.households}?don-vi=${commune.code}`}>{commune.name}</Link> }] : []),
          ...(village ? [{ key: village.code, title: <Link to={`${paths.households}?don-vi=${village.code}`}>{village.name}</Link> }] : []),
          { key: 'this', title: data.code },
        ]}
      />
      <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Space align="center" wrap>
          <Typography.Title level={2} style={{ margin: 0 }}>
            Hộ {data.headName}
          </Typography.Title>
          <Tag>{data.code}</Tag>
          {data.closedOn ? <Tag color="default">Đã kết thúc từ {formatDate(data.closedOn)}</Tag> : null}
          <DemoTag show={data.isDemo} />
        </Space>
        {canWrite ? (
          <Space wrap className="no-print">
            {openRound && commune ? (
              <Button
                icon={<FormOutlined />}
                onClick={() => {
                  // Whether the edit is direct or an amendment depends on where the commune is in the procedure.
                  roundsApi.commune(openRound.id, commune.code).then(
                    (progress) =>
                      setEditing({
                        roundId: openRound.id,
                        year: openRound.year,
                        standardId: openRound.standardId,
                        householdId: data.id,
                        householdCode: data.code,
                        headName: data.headName,
                        area: data.area,
                        current: openAssessment,
                        editMode: progress.editMode,
                      }),
                    (failure: unknown) => void message.error(errorMessage(failure)),
                  );
                }}
              >
                Rà soát kỳ {openRound.year}
              </Button>
            ) : null}
            <Button icon={<EditOutlined />} onClick={() => setAction('edit')}>
              Sửa thông tin
            </Button>
            <Dropdown
              menu={{ items: actions.map((a) => ({ key: a.key, label: a.label })), onClick: ({ key }) => setAction(key as HouseholdAction) }}
            >
              <Button>
                Thao tác khác <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        ) : null}
      </Space>
      {data.duplicateWarnings.length > 0 ? (
        <Alert
          className="duplicate-warnings"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Cảnh báo có thể trùng người, trùng hộ"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {data.duplicateWarnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {data.closedReason ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`Hộ đã kết thúc: ${data.closedReason}`} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title="Thông tin chung" size="small">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'code', label: 'Mã hộ', children: data.code },
                { key: 'head', label: 'Chủ hộ', children: data.headName },
                { key: 'place', label: 'Địa chỉ', children: data.unitPath.map((u) => u.name).join(', ') },
                { key: 'area', label: 'Khu vực', children: areaLabels[data.area] },
                { key: 'ethnic', label: 'Hộ dân tộc thiểu số', children: yesNo(data.ethnicMinority) },
                { key: 'female', label: 'Chủ hộ là nữ', children: yesNo(data.femaleHead) },
                { key: 'merit', label: 'Có người có công', children: yesNo(data.hasMeritPerson) },
                { key: 'social', label: 'Có đối tượng bảo trợ xã hội', children: yesNo(data.hasSocialProtection) },
                { key: 'members', label: 'Số nhân khẩu', children: formatNumber(data.members.length) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title="Phân loại qua các kỳ rà soát" size="small">
            <CategoryTimeline assessments={data.assessments} />
          </Card>
        </Col>
      </Row>
      <Card title={`Thành viên (${formatNumber(data.members.length)})`} size="small" style={{ marginTop: 16 }}>
        {data.members.some((m) => m.citizenIdMasked) ? (
          <Typography.Paragraph type="secondary">Số CCCD được che một phần vì bạn không có quyền sửa hồ sơ hộ này.</Typography.Paragraph>
        ) : null}
        <MembersTable members={data.members} />
      </Card>
      <Card title="Nhà ở và điều kiện sống" size="small" style={{ marginTop: 16 }}>
        <DwellingFacts household={data} />
      </Card>
      <Card title="Kết quả rà soát, chỉ số thiếu hụt và căn cứ" size="small" style={{ marginTop: 16 }}>
        <AssessmentsTable assessments={data.assessments} />
      </Card>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={16}>
          <Card title="Vay vốn Ngân hàng Chính sách xã hội" size="small">
            <LoansTable loans={data.loans} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="Tự nguyện đăng ký thoát nghèo" size="small">
            {data.escapeRegistrations.length === 0 ? (
              <Empty description="Chưa đăng ký" />
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {data.escapeRegistrations.map((e) => (
                  <li key={e.year}>
                    Năm {e.year}: đăng ký ngày {formatDate(e.registeredOn)}
                    {e.note ? ` – ${e.note}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
      <Card title="Lịch sử thay đổi" size="small" style={{ marginTop: 16 }}>
        <HistoryTable history={data.history} />
      </Card>
      {commune && openRound ? (
        <Typography.Paragraph style={{ marginTop: 16 }} className="no-print">
          <Link to={communeRoundPath(openRound.year, commune.code)}>
            Xem tiến độ kỳ rà soát {openRound.year} của {commune.name}
          </Link>
        </Typography.Paragraph>
      ) : null}
      {canWrite ? (
        <HouseholdActionModals
          household={data}
          action={action}
          onClose={() => setAction(null)}
          onDone={(goTo) => {
            setAction(null);
            if (goTo && goTo !== data.id) void navigate(`${paths.households}/${goTo}`);
            else reload();
          }}
        />
      ) : null}
      <AssessmentEditor target={editing} onClose={() => setEditing(null)} onSaved={() => reload()} />
    </div>
  );
}
