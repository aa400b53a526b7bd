import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Col, Input, Result, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, FormOutlined } from '@ant-design/icons';
import { standardById } from '../../../../src/domain/poverty/select-standard.ts';
import { formatNumber, formatPercent } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import {
  householdsApi,
  roundsApi,
  type CommuneRoundDto,
  type HouseholdListItem,
  type RoundDto,
  type RoundListName,
} from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { LoadFailure } from '../../components/refusal.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { downloadFile } from '../../lib/download-file.ts';
import { cachedRounds } from '../../lib/rounds-cache.ts';
import { useApi } from '../../lib/use-api.ts';
import { householdPath, paths } from '../../paths.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { AssessmentEditor, type AssessmentTarget } from './assessment-editor.tsx';
import { NextStep } from './round-actions.tsx';
import { RoundSteps } from './round-steps.tsx';
import { categoryColors, categoryLabels, transitionLabel } from './registry-labels.ts';
import { RegistryStyles } from './registry-styles.tsx';

const lists: { list: RoundListName; label: string }[] = [
  { list: 'poor', label: 'Hộ nghèo' },
  { list: 'near_poor', label: 'Hộ cận nghèo' },
  { list: 'escaped', label: 'Hộ thoát nghèo' },
  { list: 'new_poor', label: 'Hộ nghèo phát sinh' },
  { list: 'relapsed', label: 'Hộ tái nghèo' },
];

type Village = CommuneRoundDto['villages'][number];

function rateOf(n: number, total: number): string {
  return total === 0 ? '—' : formatPercent(Math.round((n * 10000) / total) / 100);
}

function Figures({ data }: { data: CommuneRoundDto }) {
  const f = data.figures;
  const transitions = Object.entries(f.transitions).filter(([code, n]) => n > 0 && code !== 'none');
  return (
    <Card title="Số liệu của xã trong kỳ" className="round-figures" style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title="Tổng số hộ" value={formatNumber(f.total)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic className="figure-poor" title="Hộ nghèo" value={formatNumber(f.poor)} suffix={`(${formatPercent(f.poorRate)})`} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="Hộ cận nghèo" value={formatNumber(f.nearPoor)} suffix={`(${formatPercent(f.nearPoorRate)})`} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic className="figure-amendments" title="Kết quả đính chính" value={formatNumber(f.amendments)} />
        </Col>
      </Row>
      {transitions.length > 0 ? (
        <Space wrap style={{ marginTop: 16 }}>
          {transitions.map(([code, n]) => (
            <Tag key={code}>
              {transitionLabel(code)}: {formatNumber(n)}
            </Tag>
          ))}
        </Space>
      ) : null}
    </Card>
  );
}

function VillagesTable({ villages }: { villages: Village[] }) {
  return (
    <Table<Village>
      size="small"
      rowKey="code"
      dataSource={villages}
      pagination={villages.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
      summary={() => {
        // The commune's total, not the page's: every village counts, whichever page is shown.
        const total = villages.reduce((s, v) => s + v.households, 0);
        const poor = villages.reduce((s, v) => s + v.poor, 0);
        const near = villages.reduce((s, v) => s + v.nearPoor, 0);
        return (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>Cộng</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{formatNumber(total)}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{formatNumber(poor)}</Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">{rateOf(poor, total)}</Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">{formatNumber(near)}</Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">{rateOf(near, total)}</Table.Summary.Cell>
          </Table.Summary.Row>
        );
      }}
      columns={[
        { title: 'Thôn, bản, tổ dân phố', dataIndex: 'name' },
        { title: 'Số hộ', key: 'total', align: 'right', render: (_, v) => formatNumber(v.households) },
        { title: 'Hộ nghèo', key: 'poor', align: 'right', render: (_, v) => formatNumber(v.poor) },
        { title: 'Tỷ lệ nghèo', key: 'poorRate', align: 'right', render: (_, v) => rateOf(v.poor, v.households) },
        { title: 'Hộ cận nghèo', key: 'near', align: 'right', render: (_, v) => formatNumber(v.nearPoor) },
        { title: 'Tỷ lệ cận nghèo', key: 'nearRate', align: 'right', render: (_, v) => rateOf(v.nearPoor, v.households) },
      ]}
    />
  );
}

/** The households of the commune in this round, each with its result and a way to open Phiếu B. */
function RoundHouseholds({
  data,
  round,
  refreshKey,
  onEdit,
}: {
  data: CommuneRoundDto;
  round: RoundDto;
  refreshKey: number;
  onEdit(household: HouseholdListItem): void;
}) {
  const me = useSignedIn();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 350);
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = useApi(
    () => householdsApi.list({ unitCode: data.communeCode, roundYear: round.year, q: q || undefined, limit: pageSize, offset: (page - 1) * pageSize }),
    [data.communeCode, round.year, q, page, refreshKey],
  );
  useEffect(() => setPage(1), [q]);
  const canEdit = me.can('households.write') && data.editMode !== 'locked' && round.state === 'open';
  return (
    <Card
      title="Các hộ trong kỳ rà soát"
      style={{ marginBottom: 16 }}
      extra={
        <Input.Search
          aria-label="Tìm hộ trong kỳ"
          placeholder="Tên chủ hộ hoặc mã hộ"
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 300 }}
        />
      }
    >
      {data.editMode === 'amendment' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Kết quả của xã đã được tỉnh phê duyệt: sửa kết quả của một hộ lúc này là đính chính, phải ghi lý do."
        />
      ) : null}
      {list.error ? <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} /> : null}
      <Table<HouseholdListItem>
        className="round-households"
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (t) => `${formatNumber(t)} hộ`,
        }}
        columns={[
          { title: 'Mã hộ', key: 'code', width: 170, render: (_, h) => <Link to={householdPath(h.id)}>{h.code}</Link> },
          { title: 'Chủ hộ', dataIndex: 'headName' },
          { title: 'Thôn, bản', dataIndex: 'villageName', width: 170 },
          {
            title: 'Phân loại',
            key: 'category',
            width: 220,
            render: (_, h) =>
              h.category ? (
                <Space size={4} wrap>
                  <Tag color={categoryColors[h.category]}>{categoryLabels[h.category]}</Tag>
                  {h.isAmendment ? <Tag color="purple">Đính chính</Tag> : null}
                </Space>
              ) : (
                '—'
              ),
          },
          { title: 'Biến động', key: 'transition', width: 180, render: (_, h) => transitionLabel(h.transition) },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'edit',
                  width: 130,
                  render: (_: unknown, h: HouseholdListItem) => (
                    <Button size="small" icon={<FormOutlined />} onClick={() => onEdit(h)} aria-label={`Phiếu B của hộ ${h.code}`}>
                      {data.editMode === 'amendment' ? 'Đính chính' : 'Phiếu B'}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export default function CommuneRoundPage() {
  const { year: yearText = '', code = '' } = useParams();
  const year = Number(yearText);
  const { message } = App.useApp();
  const [round, setRound] = useState<RoundDto | null | undefined>(undefined);
  const [current, setCurrent] = useState<CommuneRoundDto | null>(null);
  const [editing, setEditing] = useState<AssessmentTarget | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [exporting, setExporting] = useState<RoundListName | null>(null);

  useEffect(() => {
    let active = true;
    void cachedRounds().then(
      (list) => active && setRound(list.find((r) => r.year === year) ?? null),
      () => active && setRound(null),
    );
    return () => {
      active = false;
    };
  }, [year]);

  const loaded = useApi(() => (round ? roundsApi.commune(round.id, code) : Promise.resolve(null)), [round?.id, code, refreshKey]);
  useEffect(() => {
    if (loaded.data) setCurrent(loaded.data);
  }, [loaded.data]);

  const back = { to: paths.rounds, label: 'Về danh sách kỳ rà soát' };
  if (round === null)
    return <Result status="404" title={`Chưa có kỳ rà soát năm ${yearText}`} extra={<Link to={paths.rounds}>{back.label}</Link>} />;
  if (loaded.error && !current)
    return <LoadFailure error={loaded.error} notFoundTitle="Không tìm thấy xã trong kỳ rà soát" back={back} onRetry={loaded.reload} />;
  if (!round || !current || current.communeCode !== code || current.year !== round.year)
    return <Skeleton active paragraph={{ rows: 12 }} />;

  const standard = standardById(current.standardId);
  const openEditor = async (h: HouseholdListItem) => {
    try {
      const detail = await householdsApi.detail(h.id);
      setEditing({
        roundId: round.id,
        year: round.year,
        standardId: current.standardId,
        householdId: h.id,
        householdCode: h.code,
        headName: h.headName,
        area: h.area,
        current: detail.assessments.find((a) => a.roundId === round.id && a.isCurrent),
        editMode: current.editMode,
      });
    } catch (failure) {
      void message.error(errorMessage(failure));
    }
  };
  const exportList = async (list: RoundListName, label: string) => {
    setExporting(list);
    try {
      await downloadFile(roundsApi.exportPath(round.id, current.communeCode, list), `${label} ${current.communeName} ${round.year}.xlsx`);
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setExporting(null);
    }
  };

  return (
    <div>
      <RegistryStyles />
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'rounds', title: <Link to={paths.rounds}>Kỳ rà soát</Link> },
          { key: 'year', title: <Link to={`${paths.rounds}?nam=${round.year}`}>Năm {round.year}</Link> },
          { key: 'commune', title: current.communeName },
        ]}
      />
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Kỳ rà soát {round.year} – {current.communeName}
        </Typography.Title>
        <Tag color={current.state === 'province_approved' || current.state === 'frozen' ? 'green' : 'blue'} className="round-state">
          {current.stateLabel}
        </Tag>
        <DemoTag show={round.isDemo} />
      </Space>
      <Typography.Paragraph type="secondary">
        Chuẩn nghèo: {standard.legalBasis}. {round.state === 'frozen' ? 'Kỳ rà soát đã khoá sổ.' : 'Kỳ rà soát đang mở.'}
      </Typography.Paragraph>
      {current.missing.length > 0 ? (
        <Alert
          className="round-missing"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Còn thiếu"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {current.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card title="Các bước rà soát" style={{ marginBottom: 16 }}>
            <RoundSteps data={current} round={round} />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <NextStep
            data={current}
            roundFrozen={round.state === 'frozen'}
            onChanged={(next) => {
              setCurrent(next);
              setRefreshKey((k) => k + 1);
            }}
          />
          <Figures data={current} />
          <Card title="Xuất danh sách ra Excel" className="no-print" style={{ marginBottom: 16 }}>
            <Space wrap>
              {lists.map((l) => (
                <Button key={l.list} icon={<DownloadOutlined />} loading={exporting === l.list} onClick={() => void exportList(l.list, l.label)}>
                  {l.label}
                </Button>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>
      <RoundHouseholds data={current} round={round} refreshKey={refreshKey} onEdit={(h) => void openEditor(h)} />
      <Card title={`Các thôn, bản (${formatNumber(current.villages.length)})`}>
        <VillagesTable villages={current.villages} />
      </Card>
      <AssessmentEditor
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setRefreshKey((k) => k + 1);
        }}
      />
    </div>
  );
}
