import { Link } from 'react-router';
import { Empty, Table, Tag } from 'antd';
import { formatDate, formatPercent } from '../../../../src/shared/vi-format.ts';
import { lineageKindLabels } from '../../../../src/shared/schemas/units.schema.ts';
import type { UnitDetailResponse } from '../../api/endpoints.ts';
import { dayBefore } from '../../lib/dates.ts';
import { unitPath } from '../../paths.ts';

type LineageEvent = UnitDetailResponse['events'][number];

const eventTitle: Record<LineageEvent['kind'], { text: string; color: string }> = {
  merge_full: { text: `Sáp nhập – ${lineageKindLabels.merge_full.toLowerCase()}`, color: 'purple' },
  merge_partial: { text: `Sáp nhập – ${lineageKindLabels.merge_partial.toLowerCase()}`, color: 'geekblue' },
  split: { text: lineageKindLabels.split, color: 'volcano' },
  rename: { text: lineageKindLabels.rename, color: 'cyan' },
};

/** The unit's lineage: each merge, split and rename with its date and legal basis; both sides link to their pages. */
export function LineageEventsTable({ events, unitCode }: { events: LineageEvent[]; unitCode: string }) {
  if (events.length === 0)
    return <Empty description="Đơn vị chưa có sự kiện sáp nhập, chia tách hay đổi tên" />;
  const rows = [...events].sort(
    (a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || a.fromCode.localeCompare(b.fromCode),
  );
  return (
    <Table<LineageEvent>
      size="small"
      pagination={rows.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
      rowKey={(e) => `${e.kind}:${e.fromCode}>${e.toCode}@${e.effectiveDate}`}
      dataSource={rows}
      columns={[
        { title: 'Ngày hiệu lực', key: 'date', width: 130, render: (_, e) => formatDate(e.effectiveDate) },
        {
          title: 'Sự kiện',
          key: 'kind',
          width: 220,
          render: (_, e) => <Tag color={eventTitle[e.kind].color}>{eventTitle[e.kind].text}</Tag>,
        },
        {
          title: 'Từ đơn vị',
          key: 'from',
          render: (_, e) =>
            e.fromCode === unitCode && e.kind === 'rename' ? (
              (e.note ?? e.fromName ?? e.fromCode)
            ) : (
              <Link to={unitPath(e.fromCode, dayBefore(e.effectiveDate))}>{e.fromName ?? e.fromCode}</Link>
            ),
        },
        {
          title: 'Vào đơn vị',
          key: 'to',
          render: (_, e) => (
            <>
              <Link to={unitPath(e.toCode, e.effectiveDate)}>{e.toName ?? e.toCode}</Link>
              {e.share !== null ? ` (${formatPercent(e.share * 100, 0)})` : ''}
            </>
          ),
        },
        { title: 'Căn cứ pháp lý', key: 'legal', render: (_, e) => e.legalBasis ?? '—' },
      ]}
    />
  );
}
