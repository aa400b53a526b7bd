// The library of initiatives (sáng kiến), poverty-reduction models (mô hình) and advanced examples (điển hình tiên
// tiến), searched without accents ("mo hinh nuoi de" finds "Mô hình nuôi dê"). A household exemplar shows its
// stable-escape years as the registry records them (criterion 5b.3).
import { useState } from 'react';
import { Alert, Card, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { formatDate, formatNumber } from '../../../../src/shared/vi-format.ts';
import { emulationApi } from '../../api/emulation-endpoints.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { useApi } from '../../lib/use-api.ts';

const codes = (list: string[]) => list.map((c) => <Tag key={c}>{c}</Tag>);

export default function ExemplarLibraryPage() {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300) || undefined;
  const initiatives = useApi(() => emulationApi.initiatives({ q }), [q]);
  const models = useApi(() => emulationApi.models({ q }), [q]);
  const exemplars = useApi(() => emulationApi.exemplars({ q }), [q]);
  const error = initiatives.error ?? models.error ?? exemplars.error;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Sáng kiến, mô hình và điển hình tiên tiến
      </Typography.Title>
      <Input.Search
        allowClear
        aria-label="Tìm trong thư viện"
        className="library-search"
        placeholder="Tìm theo tên, tác giả, nội dung (gõ không dấu cũng được)"
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ maxWidth: 560 }}
      />
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      <Card>
        <Tabs
          defaultActiveKey="exemplars"
          items={[
            {
              key: 'exemplars',
              label: `Điển hình tiên tiến (${exemplars.data?.length ?? 0})`,
              children: (
                <Table
                  rowKey="id"
                  className="exemplars-table"
                  loading={exemplars.loading}
                  dataSource={exemplars.data ?? []}
                  expandable={{ expandedRowRender: (e) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.story}</Typography.Paragraph> }}
                  columns={[
                    { title: 'Điển hình', dataIndex: 'name', render: (n: string, e) => <Space orientation="vertical" size={0}><strong>{n}</strong><Typography.Text type="secondary">{e.kindLabel} — {e.unitName}</Typography.Text></Space> },
                    { title: 'Năm', dataIndex: 'year', width: 80 },
                    { title: 'Tiêu chí', width: 140, render: (_: unknown, e) => codes(e.criterionCodes) },
                    {
                      title: 'Theo sổ hộ',
                      width: 380,
                      render: (_: unknown, e) =>
                        e.registry ? (
                          <Space orientation="vertical" size={0} className="exemplar-registry">
                            <span>
                              Thoát nghèo ổn định: <strong className="stable-escape-years">{e.registry.stableEscapeYears === null ? 'không' : `${e.registry.stableEscapeYears} năm`}</strong>
                              {e.registry.latestRoundYear ? ` (kỳ rà soát ${e.registry.latestRoundYear})` : ''}{' '}
                              {e.registry.meetsStableEscape ? <Tag color="green">Đạt 5b.3</Tag> : <Tag color="orange">Chưa đủ 03 năm</Tag>}
                            </span>
                            <Typography.Text type="secondary">{e.registry.explanation}</Typography.Text>
                          </Space>
                        ) : null,
                    },
                  ]}
                />
              ),
            },
            {
              key: 'initiatives',
              label: `Sáng kiến (${initiatives.data?.length ?? 0})`,
              children: (
                <Table
                  rowKey="id"
                  className="initiatives-table"
                  loading={initiatives.loading}
                  dataSource={initiatives.data ?? []}
                  expandable={{ expandedRowRender: (i) => i.summary, rowExpandable: (i) => Boolean(i.summary) }}
                  columns={[
                    { title: 'Sáng kiến', dataIndex: 'title', render: (t: string) => <strong>{t}</strong> },
                    { title: 'Tác giả', dataIndex: 'authorName', width: 200 },
                    { title: 'Đơn vị', dataIndex: 'unitName', width: 200 },
                    { title: 'Công nhận', width: 190, render: (_: unknown, i) => `${i.recognisedLevelLabel}, ${formatDate(i.recognisedOn)}` },
                    { title: 'Tiêu chí', width: 120, render: (_: unknown, i) => codes(i.criterionCodes) },
                  ]}
                />
              ),
            },
            {
              key: 'models',
              label: `Mô hình giảm nghèo (${models.data?.length ?? 0})`,
              children: (
                <Table
                  rowKey="id"
                  className="models-table"
                  loading={models.loading}
                  dataSource={models.data ?? []}
                  expandable={{ expandedRowRender: (m) => <Typography.Paragraph style={{ margin: 0 }}>{[m.description, m.results].filter(Boolean).join(' — ')}</Typography.Paragraph> }}
                  columns={[
                    { title: 'Mô hình', dataIndex: 'name', render: (n: string) => <strong>{n}</strong> },
                    { title: 'Khởi xướng', width: 220, render: (_: unknown, m) => `${m.startedUnitName}, ${formatDate(m.startedOn)}` },
                    { title: 'Nhân rộng', render: (_: unknown, m) => m.replications.map((r) => `${r.unitName} (${formatNumber(r.households)} hộ)`).join('; ') || '—' },
                    { title: 'Số hộ', dataIndex: 'householdsReached', width: 90, align: 'right', render: (v: number) => formatNumber(v) },
                    { title: 'Tiêu chí', width: 120, render: (_: unknown, m) => codes(m.criterionCodes) },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
