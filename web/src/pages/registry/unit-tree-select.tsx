import { useEffect, useMemo, useState } from 'react';
import { TreeSelect } from 'antd';
import { matchesSearch } from '../../../../src/shared/vi-text.ts';
import { unitLevelLabels } from '../../../../src/shared/schemas/units.schema.ts';
import type { TreeNode } from '../../api/endpoints.ts';
import { buildUnitTree, type UnitTreeItem } from '../../lib/build-unit-tree.ts';
import { cachedTree } from '../../lib/reference-cache.ts';
import { todayIso } from '../../lib/dates.ts';

interface Option {
  value: string;
  title: string;
  search: string;
  disabled?: boolean;
  children?: Option[];
}

function toOptions(items: UnitTreeItem[], includeVillages: boolean, levels?: readonly TreeNode['level'][]): Option[] {
  return items
    .filter((i) => includeVillages || i.node.level !== 'village')
    .map((i) => {
      const allowed = i.node.inScope && (!levels || levels.includes(i.node.level));
      const children = toOptions(i.children, includeVillages, levels);
      return {
        value: i.node.code,
        title: `${i.node.name} (${i.node.code})`,
        search: `${i.node.name} ${i.node.code} ${unitLevelLabels[i.node.level]}`,
        // Units above the caller's scope are shown for orientation only.
        disabled: !allowed,
        children: children.length > 0 ? children : undefined,
      };
    });
}

/**
 * The caller's units on a date as a tree (province → district → commune → village); typing "loc binh" finds
 * "Lộc Bình". Units above the caller's scope are shown greyed so the place is clear but cannot be chosen.
 */
export function UnitTreeSelect({
  value,
  onChange,
  asOf,
  includeVillages = true,
  levels,
  placeholder = 'Chọn đơn vị',
  id,
  allowClear = true,
  style,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  asOf?: string;
  includeVillages?: boolean;
  /** Only these levels may be chosen (the others stay visible for the path). */
  levels?: readonly TreeNode['level'][];
  placeholder?: string;
  id?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  const [nodes, setNodes] = useState<TreeNode[]>([]);
  const [loading, setLoading] = useState(true);
  const date = asOf ?? todayIso();
  useEffect(() => {
    let active = true;
    setLoading(true);
    cachedTree(date).then(
      (t) => {
        if (active) {
          setNodes(t.nodes);
          setLoading(false);
        }
      },
      () => active && setLoading(false),
    );
    return () => {
      active = false;
    };
  }, [date]);
  const tree = useMemo(() => buildUnitTree(nodes), [nodes]);
  const options = useMemo(() => toOptions(tree.roots, includeVillages, levels), [tree, includeVillages, levels]);
  return (
    <TreeSelect<string>
      id={id}
      aria-label={id ? undefined : placeholder}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={options}
      fieldNames={{ label: 'title', value: 'value', children: 'children' }}
      treeDefaultExpandedKeys={tree.initiallyOpen}
      loading={loading}
      allowClear={allowClear}
      placeholder={placeholder}
      showSearch={{
        filterTreeNode: (input, node) => matchesSearch((node as unknown as Option).search, input),
      }}
      treeNodeLabelProp="title"
      virtual
      listHeight={360}
      popupMatchSelectWidth={false}
      style={{ minWidth: 280, ...style }}
    />
  );
}
