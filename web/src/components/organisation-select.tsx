import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { matchesSearch } from '../../../src/shared/vi-text.ts';
import { organisationTypeLabels } from '../../../src/shared/schemas/participants.schema.ts';
import type { OrganisationDto } from '../api/endpoints.ts';
import { cachedOrganisations } from '../lib/reference-cache.ts';

interface Option {
  value: string;
  label: string;
  search: string;
}

/** Pick an organisation (sở, ban, ngành, đoàn thể, doanh nghiệp…); accent-insensitive search on name and short name. */
export function OrganisationSelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
}) {
  const [organisations, setOrganisations] = useState<OrganisationDto[]>([]);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let active = true;
    cachedOrganisations().then(
      (list) => {
        if (active) {
          setOrganisations(list);
          setLoading(false);
        }
      },
      () => active && setLoading(false),
    );
    return () => {
      active = false;
    };
  }, []);
  const options = useMemo<Option[]>(
    () =>
      organisations
        .filter((o) => o.validTo === null)
        .map((o) => ({
          value: o.id,
          label: o.shortName ? `${o.name} (${o.shortName})` : o.name,
          search: `${o.name} ${o.shortName ?? ''} ${organisationTypeLabels[o.type]}`,
        })),
    [organisations],
  );
  return (
    <Select<string, Option>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={loading}
      allowClear
      placeholder="Chọn cơ quan, tổ chức"
      showSearch={{ filterOption: (input, option) => (option ? matchesSearch(option.search, input) : false) }}
      style={{ width: '100%' }}
    />
  );
}
