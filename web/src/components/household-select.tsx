import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { ApiError } from '../api/client.ts';
import { householdsApi, type HouseholdListItem } from '../api/endpoints.ts';
import { useDebounced } from './use-debounced.ts';

interface Option {
  value: string;
  label: string;
}

/** "Hoàng Văn A (HK-001) — Thôn Nà Pàn, Xã Lộc Bình": what an officer reads to tell two households apart. */
export function householdLabel(h: Pick<HouseholdListItem, 'headName' | 'code' | 'villageName' | 'communeName'>): string {
  return `${h.headName} (${h.code}) — ${h.villageName}, ${h.communeName}`;
}

/**
 * Pick a household from the registry, searched on the server (head's name or code, typed without accents) and
 * limited to `unitCode` and its villages when given. Only callers who may read the registry there see any household;
 * the server answers the others with an empty list or a refusal, shown as the select's empty text.
 */
export function HouseholdSelect({
  value,
  onChange,
  unitCode,
  id,
  asOf,
  initialLabel,
  placeholder = 'Gõ tên chủ hộ hoặc mã hộ',
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  unitCode?: string;
  id?: string;
  /**
   * The day the household is needed on (yyyy-MM-dd): the area is then read with the villages of that year's review
   * round, so a level that no longer exists (a district before 2025) still has its households; today when not given.
   */
  asOf?: string;
  /** The label of the household already chosen (an exemplar being edited), shown before any search answers. */
  initialLabel?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const [options, setOptions] = useState<Option[]>(value && initialLabel ? [{ value, label: initialLabel }] : []);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Read by the search only to keep the chosen option; a new choice needs no new search.
  const chosen = useRef(value);
  useEffect(() => {
    chosen.current = value;
  }, [value]);
  useEffect(() => {
    let active = true;
    setLoading(true);
    const roundYear = asOf ? Number(asOf.slice(0, 4)) : undefined;
    // A year without a review round in the registry falls back to today's villages.
    const search = (year: number | undefined) => householdsApi.list({ unitCode, q: q || undefined, roundYear: year, limit: 30 });
    search(roundYear)
      .catch((failure: unknown) => (roundYear !== undefined && failure instanceof ApiError && failure.code === 'rounds.not_found' ? search(undefined) : Promise.reject(failure)))
      .then(
      (list) => {
        if (!active) return;
        // Keep the chosen household among the options so its label stays while the search changes.
        setOptions((previous) => {
          const next = list.rows.map((h) => ({ value: h.id, label: householdLabel(h) }));
          const kept = previous.find((o) => o.value === chosen.current && !next.some((n) => n.value === o.value));
          return kept ? [kept, ...next] : next;
        });
        setProblem(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!active) return;
        setOptions([]);
        setProblem(failure instanceof Error ? failure.message : 'Không tải được sổ hộ.');
        setLoading(false);
      },
    );
    return () => {
      active = false;
    };
  }, [q, unitCode, asOf]);
  return (
    <Select<string, Option>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={loading}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={problem ?? (loading ? 'Đang tìm…' : 'Không có hộ phù hợp')}
      style={{ width: '100%' }}
    />
  );
}
