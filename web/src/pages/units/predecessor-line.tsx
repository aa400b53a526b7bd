import { Typography } from 'antd';
import { compareVi } from '../../../../src/shared/vi-text.ts';
import type { TreeNode } from '../../api/endpoints.ts';

type Predecessor = TreeNode['predecessors'][number];

const kindText: Record<Predecessor['kind'], string> = { full: 'nhập toàn bộ', partial: 'nhập một phần' };

/** "Hình thành từ: Thị trấn Lộc Bình, Xã Đồng Bục (nhập toàn bộ); Xã … (nhập một phần)" */
export function PredecessorLine({ predecessors }: { predecessors: readonly Predecessor[] }) {
  const groups = (['full', 'partial'] as const)
    .map((kind) => ({
      kind,
      names: predecessors
        .filter((p) => p.kind === kind)
        .map((p) => p.name)
        .sort(compareVi),
    }))
    .filter((g) => g.names.length > 0);
  return (
    <div className="unit-predecessors" style={{ fontSize: 13, lineHeight: 1.45, whiteSpace: 'normal' }}>
      <Typography.Text type="secondary">Hình thành từ: </Typography.Text>
      {groups.map((g, i) => (
        <span key={g.kind}>
          {i > 0 ? '; ' : ''}
          {g.names.join(', ')} <Typography.Text type="secondary">({kindText[g.kind]})</Typography.Text>
        </span>
      ))}
    </div>
  );
}
