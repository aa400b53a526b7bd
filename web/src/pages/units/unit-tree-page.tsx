import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Card, Empty, Input, Space, Spin, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { formatDate, formatNumber } from '../../../../src/shared/vi-format.ts';
import { unitsApi, type TreeNode, type TreeResponse } from '../../api/endpoints.ts';
import { AsOfPicker } from '../../components/as-of-picker.tsx';
import { LoadFailure } from '../../components/refusal.tsx';
import { DemoTag } from '../../components/demo-tag.tsx';
import { buildUnitTree, type UnitTreeItem } from '../../lib/build-unit-tree.ts';
import { isIsoDate, todayIso } from '../../lib/dates.ts';
import { useApi } from '../../lib/use-api.ts';
import { HighlightedName } from './highlighted-name.tsx';
import { PredecessorLine } from './predecessor-line.tsx';
import { unitPath } from '../../paths.ts';

/** Above this many open rows the tree scrolls inside a fixed box, rendering only what is on screen. */
const virtualAbove = 300;

function countsSentence(data: TreeResponse): string {
  const { district, commune, village } = data.counts;
  const parts: string[] = [];
  const provinceCommunes = data.nodes.some(
    (n) => n.level === 'commune' && data.nodes.find((p) => p.code === n.parentCode)?.level === 'province',
  );
  if (district > 0) parts.push(`${formatNumber(district)} đơn vị cấp huyện`);
  if (commune > 0)
    parts.push(
      `${formatNumber(commune)} đơn vị cấp xã${district === 0 && provinceCommunes ? ' trực thuộc tỉnh (không còn cấp huyện)' : ''}`,
    );
  parts.push(`${formatNumber(village)} thôn, bản, tổ dân phố`);
  return parts.join(', ');
}

function UnitTitle({ node, asOf, query }: { node: TreeNode; asOf: string; query: string }) {
  const name = <HighlightedName name={node.name} query={node.matches ? query : ''} />;
  const classes = [
    'unit-node',
    node.matches ? 'unit-node--match' : '',
    node.inScope ? '' : 'unit-node--context',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-code={node.code} data-level={node.level} style={{ padding: '2px 0' }}>
      {node.inScope ? (
        <Link to={unitPath(node.code, asOf)} style={{ fontWeight: node.level === 'village' ? 400 : 600 }}>
          {name}
        </Link>
      ) : (
        <span
          title="Ngoài phạm vi được phân quyền: chỉ hiển thị để biết vị trí"
          style={{ color: 'rgba(0,0,0,0.45)' }}
        >
          {name}
        </span>
      )}
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 13 }}>
        {node.code}
        {node.childCount > 0 && node.level !== 'village'
          ? ` · ${formatNumber(node.childCount)} đơn vị trực thuộc`
          : ''}
      </Typography.Text>
      <DemoTag show={node.isDemo} />
      {node.predecessors.length > 0 ? <PredecessorLine predecessors={node.predecessors} /> : null}
    </div>
  );
}

function toTreeData(items: UnitTreeItem[], asOf: string, query: string): TreeDataNode[] {
  return items.map((item) => ({
    key: item.node.code,
    title: <UnitTitle node={item.node} asOf={asOf} query={query} />,
    isLeaf: item.children.length === 0,
    children: item.children.length > 0 ? toTreeData(item.children, asOf, query) : undefined,
  }));
}

function countOpenRows(items: UnitTreeItem[], open: ReadonlySet<string>): number {
  let rows = 0;
  for (const item of items) {
    rows += 1;
    if (open.has(item.node.code)) rows += countOpenRows(item.children, open);
  }
  return rows;
}

export default function UnitTreePage() {
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('ngay');
  const asOf = isIsoDate(asOfParam) ? asOfParam : todayIso();
  const query = (params.get('q') ?? '').trim();
  const [typed, setTyped] = useState(query);

  const update = (next: { ngay?: string; q?: string }) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged, { replace: true });
  };

  // The server searches (accent-insensitive, within the caller's scope); wait for a pause in typing before asking.
  useEffect(() => {
    const text = typed.trim();
    if (text === query) return;
    const timer = setTimeout(() => update({ q: text }), 350);
    return () => clearTimeout(timer);
    // update reads the latest params itself; only typing should restart the timer
  }, [typed]);

  const { data, error, loading, reload } = useApi(
    () => unitsApi.tree(asOf, query || undefined),
    [asOf, query],
  );
  const tree = useMemo(() => (data ? buildUnitTree(data.nodes) : null), [data]);
  const [expanded, setExpanded] = useState<string[]>([]);
  useEffect(() => {
    if (tree) setExpanded(query ? tree.withChildren : tree.initiallyOpen);
  }, [tree, query]);
  const treeData = useMemo(
    () => (tree && data ? toTreeData(tree.roots, data.asOf, query) : []),
    [tree, data, query],
  );
  const openRows = useMemo(() => (tree ? countOpenRows(tree.roots, new Set(expanded)) : 0), [tree, expanded]);
  const matchCount = data ? data.nodes.filter((n) => n.matches).length : 0;

  if (error && !data)
    return <LoadFailure error={error} notFoundTitle="Không tìm thấy dữ liệu" onRetry={reload} />;

  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Đơn vị hành chính
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <AsOfPicker value={asOf} onChange={(iso) => update({ ngay: iso })} />
          <Input.Search
            aria-label="Tìm đơn vị"
            placeholder="Tìm theo tên hoặc mã, có dấu hay không dấu (ví dụ: loc binh)"
            allowClear
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(text) => {
              setTyped(text);
              update({ q: text.trim() });
            }}
            style={{ maxWidth: 600 }}
          />
          {data ? (
            <div className="unit-counts" role="status">
              <Typography.Text strong style={{ fontSize: 16 }}>
                Tính đến {formatDate(data.asOf)}: {countsSentence(data)}
              </Typography.Text>
              {query ? (
                <div>
                  <Typography.Text type="secondary">
                    {matchCount > 0
                      ? `${formatNumber(matchCount)} đơn vị khớp với “${query}” (đánh dấu màu vàng)`
                      : `Không có đơn vị nào khớp với “${query}”`}
                  </Typography.Text>
                </div>
              ) : null}
            </div>
          ) : null}
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Spin spinning={loading} description="Đang tải cây đơn vị…">
          {treeData.length > 0 ? (
            <Tree
              className="unit-tree"
              treeData={treeData}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys.map(String))}
              selectable={false}
              showLine
              blockNode
              virtual={openRows > virtualAbove}
              height={openRows > virtualAbove ? 720 : undefined}
            />
          ) : (
            <Empty
              description={
                loading
                  ? 'Đang tải…'
                  : query
                    ? 'Không có đơn vị nào khớp'
                    : 'Không có đơn vị nào trong phạm vi của bạn vào ngày này'
              }
            />
          )}
        </Spin>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
          Tên màu xám: đơn vị cấp trên ngoài phạm vi được phân quyền, chỉ hiển thị để biết vị trí. Nhãn “DỮ
          LIỆU MẪU”: thôn, bản do bản dùng thử sinh ra, không phải danh mục thật.
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
