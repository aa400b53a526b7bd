import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { cachedOrganisations, cachedUnitName } from '../lib/reference-cache.ts';
import { todayIso } from '../lib/dates.ts';
import { unitPath } from '../paths.ts';

/** The name of a role's scope: a unit (linked to its page) or an organisation. */
export function ScopeName({
  unitCode,
  organisationId,
  link = true,
}: {
  unitCode: string | null;
  organisationId: string | null;
  link?: boolean;
}) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    const found = unitCode
      ? cachedUnitName(unitCode, todayIso())
      : organisationId
        ? cachedOrganisations().then(
            (list) =>
              list.find((o) => o.id === organisationId)?.name ?? 'Cơ quan, tổ chức không còn trong danh sách',
          )
        : Promise.resolve('—');
    void found.then(
      (n) => active && setName(n),
      () => active && setName(null),
    );
    return () => {
      active = false;
    };
  }, [unitCode, organisationId]);
  if (unitCode) {
    const text = name && name !== unitCode ? `${name} (${unitCode})` : unitCode;
    return link ? <Link to={unitPath(unitCode)}>{text}</Link> : <span>{text}</span>;
  }
  return <span>{name ?? '…'}</span>;
}
