import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatDate, formatNumber, formatPercent } from '../../../../src/shared/vi-format.ts';
import { unitLevelLabels } from '../../../../src/shared/schemas/units.schema.ts';
import { unitsApi, type UnitDetailResponse, type UnitVersionDto } from '../../api/endpoints.ts';
import { AsOfPicker } from '../../components/as-of-picker.tsx';
import { DemoTag } from '../../components/demo-tag.tsx';
import { LoadFailure } from '../../components/refusal.tsx';
import { ScopeName } from '../../components/scope-name.tsx';
import { dayBefore, formatValidity, isIsoDate, todayIso } from '../../lib/dates.ts';
import { useApi } from '../../lib/use-api.ts';
import { paths, unitPath } from '../../paths.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { AddVillageModal } from './add-village-modal.tsx';
import { LineageEventsTable } from './lineage-events-table.tsx';

const predecessorKind = { full: 'nhập toàn bộ', partial: 'nhập một phần' } as const;

function VersionsTable({ versions }: { versions: UnitVersionDto[] }) {
  return (
    <Table<UnitVersionDto>
      size="small"
      pagination={false}
      rowKey={(v) => `${v.code}@${v.validFrom}`}
      dataSource={[...versions].sort((a, b) => b.validFrom.localeCompare(a.validFrom))}
      columns={[
        {
          title: 'Hiệu lực',
          key: 'validity',
          render: (_, v) => formatValidity(v.validFrom, v.validTo),
          width: 230,
        },
        { title: 'Tên', dataIndex: 'name' },
        { title: 'Cấp', key: 'level', render: (_, v) => unitLevelLabels[v.level] },
        {
          title: 'Trực thuộc',
          key: 'parent',
          render: (_, v) =>
            v.parentCode ? <ScopeName unitCode={v.parentCode} organisationId={null} /> : '—',
        },
        { title: 'Căn cứ pháp lý', key: 'legal', render: (_, v) => v.legalBasis ?? '—' },
      ]}
    />
  );
}

function Relations({ detail }: { detail: UnitDetailResponse }) {
  const { unit } = detail;
  // The old units merged into this version, as they were on their last day (the day before this version began).
  const predecessorDate = dayBefore(unit.validFrom);
  // A unit that is itself today's unit, unchanged, is not its own successor worth listing.
  const successors = detail.successors.filter(
    (s) => !(s.code === unit.code && s.name === unit.name && unit.validTo === null),
  );
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={12}>
        <Card title="Hình thành từ" size="small">
          {detail.predecessors.length === 0 ? (
            <Typography.Text type="secondary">
              Không có đơn vị nào nhập vào đơn vị này tại ngày đang xem.
            </Typography.Text>
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {detail.predecessors.map((p) => (
                <li key={`${p.code}-${p.kind}`}>
                  <Link to={unitPath(p.code, predecessorDate)}>{p.name}</Link>{' '}
                  <Typography.Text type="secondary">
                    ({p.code}, {predecessorKind[p.kind]})
                  </Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="Đơn vị kế thừa hiện nay" size="small">
          {successors.length === 0 ? (
            <Typography.Text type="secondary">
              {unit.validTo === null ? 'Đơn vị vẫn đang có hiệu lực.' : 'Không có.'}
            </Typography.Text>
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {successors.map((s) => (
                <li key={s.code}>
                  <Link to={unitPath(s.code)}>{s.name}</Link>{' '}
                  <Typography.Text type="secondary">
                    ({s.code}
                    {s.partial
                      ? `, kế thừa một phần${s.share !== null ? ` – ${formatPercent(s.share * 100, 0)}` : ''}`
                      : ''}
                    )
                  </Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </Col>
    </Row>
  );
}

export default function UnitPage() {
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const me = useSignedIn();
  const ngay = params.get('ngay');
  const asOf = isIsoDate(ngay) ? ngay : todayIso();
  const { data, error, loading, reload } = useApi(() => unitsApi.detail(code, asOf), [code, asOf]);
  const [adding, setAdding] = useState(false);
  const back = { to: `${paths.units}?ngay=${asOf}`, label: 'Về cây đơn vị hành chính' };

  if (error && (!data || data.unit.code !== code))
    return (
      <LoadFailure
        error={error}
        notFoundTitle="Không tìm thấy đơn vị"
        back={back}
        onRetry={reload}
        invalidIsNotFound
      />
    );
  if (!data) return <Skeleton active paragraph={{ rows: 8 }} />;

  const { unit } = data;
  const parent = data.ancestors.find((a) => a.code === unit.parentCode) ?? null;
  const canAddVillage =
    me.can('units.write') && unit.level === 'commune' && unit.validTo === null && data.existsOnDate;
  const chain = [...data.ancestors].reverse();
  // the API gives ancestors nearest first: show province → … → this unit
  const ordered = chain[0]?.level === 'province' ? chain : data.ancestors;

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'tree', title: <Link to={back.to}>Đơn vị hành chính</Link> },
          ...ordered.map((a) => ({ key: a.code, title: <Link to={unitPath(a.code, asOf)}>{a.name}</Link> })),
          { key: unit.code, title: unit.name },
        ]}
      />
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {unit.name}
        </Typography.Title>
        <Tag color="blue">{unitLevelLabels[unit.level]}</Tag>
        <DemoTag show={unit.isDemo} />
      </Space>
      <Card style={{ marginBottom: 16 }} loading={loading && !data}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <AsOfPicker value={asOf} onChange={(iso) => setParams({ ngay: iso }, { replace: true })} />
          {!data.existsOnDate ? (
            <Alert
              type="warning"
              showIcon
              title={`Đơn vị không tồn tại vào ngày ${formatDate(asOf)}`}
              description={`Thông tin dưới đây là phiên bản cuối cùng của đơn vị (hiệu lực ${formatValidity(unit.validFrom, unit.validTo)}).`}
            />
          ) : null}
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'code',
                label: 'Mã đơn vị',
                children: <Typography.Text code>{unit.code}</Typography.Text>,
              },
              { key: 'kind', label: 'Loại', children: unit.kind },
              { key: 'level', label: 'Cấp', children: unitLevelLabels[unit.level] },
              {
                key: 'parent',
                label: 'Trực thuộc',
                children: parent ? <Link to={unitPath(parent.code, asOf)}>{parent.name}</Link> : '—',
              },
              { key: 'validity', label: 'Hiệu lực', children: formatValidity(unit.validFrom, unit.validTo) },
              { key: 'legal', label: 'Căn cứ pháp lý', children: unit.legalBasis ?? '—' },
            ]}
          />
        </Space>
      </Card>
      <Relations detail={data} />
      <Card
        title={`Đơn vị trực thuộc (${formatNumber(data.children.length)})`}
        style={{ marginBottom: 16 }}
        extra={
          canAddVillage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              Thêm thôn, bản, tổ dân phố
            </Button>
          ) : null
        }
      >
        {data.children.length === 0 ? (
          <Empty description="Không có đơn vị trực thuộc" />
        ) : (
          <Table<UnitVersionDto>
            size="small"
            rowKey="code"
            dataSource={data.children}
            pagination={data.children.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            columns={[
              {
                title: 'Tên',
                key: 'name',
                render: (_, c) => (
                  <>
                    <Link to={unitPath(c.code, asOf)}>{c.name}</Link>
                    <DemoTag show={c.isDemo} />
                  </>
                ),
              },
              { title: 'Mã', dataIndex: 'code', width: 120 },
              { title: 'Loại', dataIndex: 'kind', width: 140 },
              {
                title: 'Hiệu lực',
                key: 'validity',
                width: 230,
                render: (_, c) => formatValidity(c.validFrom, c.validTo),
              },
            ]}
          />
        )}
      </Card>
      <Card title="Các phiên bản của đơn vị" style={{ marginBottom: 16 }}>
        <VersionsTable versions={data.versions} />
      </Card>
      <Card title="Sáp nhập, chia tách, đổi tên">
        <LineageEventsTable events={data.events} unitCode={unit.code} />
      </Card>
      {canAddVillage ? (
        <AddVillageModal
          open={adding}
          commune={unit}
          defaultDate={asOf}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            reload();
          }}
        />
      ) : null}
    </div>
  );
}
