import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatNumber } from '../../../../src/shared/vi-format.ts';
import type { Category } from '../../../../src/shared/schemas/households.schema.ts';
import type { TransitionCode } from '../../../../src/domain/poverty/transitions.ts';
import { householdsApi, type HouseholdListItem, type RoundDto } from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { LoadFailure } from '../../components/refusal.tsx';
import { useApi } from '../../lib/use-api.ts';
import { cachedRounds, roundReferenceDate } from '../../lib/rounds-cache.ts';
import { householdPath, paths } from '../../paths.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { categoryColors, categoryLabels, transitionCodes, transitionLabel, areaLabels } from './registry-labels.ts';
import { UnitTreeSelect } from './unit-tree-select.tsx';
import { RegistryStyles } from './registry-styles.tsx';

const pageSizes = [20, 50, 100];

/** The page's filters live in the address, so a filtered list can be shared and survives a reload. */
function readFilters(params: URLSearchParams) {
  const year = Number(params.get('nam'));
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const size = Number(params.get('so')) || 20;
  return {
    unitCode: params.get('don-vi') ?? undefined,
    roundYear: Number.isInteger(year) && year > 2000 ? year : undefined,
    category: (params.get('loai') as Category | null) ?? undefined,
    transition: (params.get('bien-dong') as TransitionCode | null) ?? undefined,
    q: params.get('q') ?? '',
    page,
    size: pageSizes.includes(size) ? size : 20,
  };
}

export default function HouseholdsPage() {
  const me = useSignedIn();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const [typed, setTyped] = useState(filters.q);
  const [rounds, setRounds] = useState<RoundDto[]>([]);

  useEffect(() => {
    let active = true;
    void cachedRounds().then(
      (list) => active && setRounds(list),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);

  const update = (next: Record<string, string | number | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '') merged.delete(key);
      else merged.set(key, String(value));
    }
    if (!('trang' in next)) merged.delete('trang');
    setParams(merged, { replace: true });
  };

  // Search after a pause in typing; the server folds accents ("nguyen van" finds "Nguyễn Văn").
  useEffect(() => {
    const text = typed.trim();
    if (text === filters.q) return;
    const timer = setTimeout(() => update({ q: text }), 350);
    return () => clearTimeout(timer);
  }, [typed]);

  const { data, error, loading, reload } = useApi(
    () =>
      householdsApi.list({
        unitCode: filters.unitCode,
        roundYear: filters.roundYear,
        category: filters.roundYear ? filters.category : undefined,
        transition: filters.roundYear ? filters.transition : undefined,
        q: filters.q || undefined,
        limit: filters.size,
        offset: (filters.page - 1) * filters.size,
      }),
    [filters.unitCode, filters.roundYear, filters.category, filters.transition, filters.q, filters.page, filters.size],
  );

  if (error && !data) return <LoadFailure error={error} notFoundTitle="Không tìm thấy dữ liệu" onRetry={reload} />;
  const unitDate = filters.roundYear ? roundReferenceDate(filters.roundYear) : undefined;

  return (
    <div>
      <RegistryStyles />
      <Space align="center" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Hộ gia đình
        </Typography.Title>
        {me.can('households.write') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(paths.householdNew)}>
            Thêm hộ
          </Button>
        ) : null}
      </Space>
      <Card style={{ marginBottom: 16 }} className="no-print">
        <Space wrap size={[12, 12]} align="start">
          <UnitTreeSelect
            placeholder="Địa bàn (tỉnh, huyện, xã, thôn)"
            value={filters.unitCode}
            asOf={unitDate}
            onChange={(code) => update({ 'don-vi': code })}
            style={{ width: 320 }}
          />
          <Select<number>
            aria-label="Kỳ rà soát"
            placeholder="Kỳ rà soát"
            allowClear
            style={{ width: 170 }}
            value={filters.roundYear}
            onChange={(year) => update({ nam: year, loai: year ? filters.category : undefined, 'bien-dong': year ? filters.transition : undefined })}
            options={rounds.map((r) => ({ value: r.year, label: `Kỳ rà soát ${r.year}` }))}
          />
          <Select<Category>
            aria-label="Phân loại hộ"
            placeholder={filters.roundYear ? 'Phân loại hộ' : 'Phân loại (chọn kỳ trước)'}
            allowClear
            disabled={!filters.roundYear}
            style={{ width: 240 }}
            value={filters.roundYear ? filters.category : undefined}
            onChange={(value) => update({ loai: value })}
            options={(Object.keys(categoryLabels) as Category[]).map((c) => ({ value: c, label: categoryLabels[c] }))}
          />
          <Select<TransitionCode>
            aria-label="Biến động"
            placeholder={filters.roundYear ? 'Biến động so với kỳ trước' : 'Biến động (chọn kỳ trước)'}
            allowClear
            disabled={!filters.roundYear}
            style={{ width: 260 }}
            value={filters.roundYear ? filters.transition : undefined}
            onChange={(value) => update({ 'bien-dong': value })}
            options={transitionCodes.map((t) => ({ value: t, label: transitionLabel(t) }))}
          />
          <Input.Search
            aria-label="Tìm hộ"
            placeholder="Tên chủ hộ, thành viên hoặc mã hộ, có dấu hay không dấu"
            allowClear
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(text) => {
              setTyped(text);
              update({ q: text.trim() });
            }}
            style={{ width: 380 }}
          />
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Typography.Paragraph className="household-count" strong>
          {data ? `Tìm thấy ${formatNumber(data.total)} hộ` : 'Đang tải…'}
          {filters.roundYear ? ` trong kỳ rà soát ${filters.roundYear}` : ''}
        </Typography.Paragraph>
        <Table<HouseholdListItem>
          className="households-table"
          size="middle"
          rowKey="id"
          loading={loading}
          dataSource={data?.rows ?? []}
          scroll={{ x: 1100 }}
          pagination={{
            current: filters.page,
            pageSize: filters.size,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: pageSizes,
            showTotal: (total, [from, to]) => `${formatNumber(from)}–${formatNumber(to)} / ${formatNumber(total)} hộ`,
            onChange: (page, size) => update({ trang: page > 1 ? page : undefined, so: size !== 20 ? size : undefined }),
          }}
          columns={[
            {
              title: 'Mã hộ',
              key: 'code',
              width: 170,
              render: (_, h) => <Link to={householdPath(h.id)}>{h.code}</Link>,
            },
            {
              title: 'Chủ hộ',
              key: 'head',
              render: (_, h) => (
                <>
                  <Link to={householdPath(h.id)}>{h.headName}</Link>
                  <DemoTag show={h.isDemo} />
                </>
              ),
            },
            {
              title: 'Số CCCD chủ hộ',
              key: 'cccd',
              width: 150,
              render: (_, h) => <span className="masked-cccd">{h.headCitizenIdMasked ?? '—'}</span>,
            },
            { title: 'Thôn, bản', dataIndex: 'villageName', width: 160 },
            { title: 'Xã, phường', dataIndex: 'communeName', width: 160 },
            { title: 'Khu vực', key: 'area', width: 100, render: (_, h) => areaLabels[h.area] },
            { title: 'Nhân khẩu', dataIndex: 'memberCount', width: 100, align: 'right' },
            {
              title: filters.roundYear ? `Phân loại ${filters.roundYear}` : 'Phân loại',
              key: 'category',
              width: 190,
              render: (_, h) =>
                h.category ? (
                  <Space size={4} wrap>
                    <Tag color={categoryColors[h.category]}>{categoryLabels[h.category]}</Tag>
                    {h.isAmendment ? <Tag color="purple">Đính chính</Tag> : null}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{filters.roundYear ? 'Chưa rà soát' : 'Chọn kỳ để xem'}</Typography.Text>
                ),
            },
            {
              title: 'Biến động',
              key: 'transition',
              width: 170,
              render: (_, h) => transitionLabel(h.transition),
            },
          ]}
        />
      </Card>
    </div>
  );
}
