import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { matchesSearch } from '../../../src/shared/vi-text.ts';
import { unitLevelLabels } from '../../../src/shared/schemas/units.schema.ts';
import type { TreeNode } from '../api/endpoints.ts';
import { cachedTree, cachedUnitName } from '../lib/reference-cache.ts';
import { todayIso } from '../lib/dates.ts';

interface Option {
  value: string;
  label: string;
  search: string;
}

function optionsOf(nodes: readonly TreeNode[], includeVillages: boolean): Option[] {
  const names = new Map(nodes.map((n) => [n.code, n.name]));
  return nodes
    .filter((n) => n.inScope && (includeVillages || n.level !== 'village'))
    .map((n) => {
      const parent =
        n.level === 'village' && n.parentCode ? ` — ${names.get(n.parentCode) ?? n.parentCode}` : '';
      const label = `${n.name}${parent} (${n.code})`;
      return { value: n.code, label, search: `${label} ${unitLevelLabels[n.level]}` };
    });
}

/** Pick a unit in force on a date (today by default) within the caller's scope; typing "loc binh" finds "Lộc Bình". */
export function UnitSelect({
  value,
  onChange,
  includeVillages = false,
  placeholder = 'Chọn đơn vị hành chính',
  id,
  asOf,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  includeVillages?: boolean;
  placeholder?: string;
  id?: string;
  /** Units in force on this date (yyyy-MM-dd); today when not given. */
  asOf?: string;
}) {
  const [nodes, setNodes] = useState<TreeNode[]>([]);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let active = true;
    void cachedTree(asOf ?? todayIso()).then(
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
  }, [asOf]);
  const listed = useMemo(() => optionsOf(nodes, includeVillages), [nodes, includeVillages]);
  // A value that is not among the units of the date (a district that ended in 2025, say) still shows its name.
  const [formerName, setFormerName] = useState<{ code: string; name: string } | null>(null);
  const missing = Boolean(value) && !loading && !listed.some((o) => o.value === value);
  useEffect(() => {
    if (!missing || !value) return;
    let active = true;
    void cachedUnitName(value, asOf ?? todayIso()).then(
      (name) => active && setFormerName({ code: value, name }),
    );
    return () => {
      active = false;
    };
  }, [missing, value, asOf]);
  const options = useMemo(() => {
    if (!missing || !value) return listed;
    const name = formerName?.code === value ? formerName.name : value;
    const label = `${name} (${value}) – không có hiệu lực vào ngày này`;
    return [...listed, { value, label, search: label }];
  }, [listed, missing, value, formerName]);
  return (
    <Select<string, Option>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={loading}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: (input, option) => (option ? matchesSearch(option.search, input) : false) }}
      style={{ width: '100%' }}
    />
  );
}
