import { Link } from 'react-router';
import { Alert, Skeleton, Space, Typography } from 'antd';
import { statsApi } from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { useApi } from '../../lib/use-api.ts';
import { paths, statsAfPath, statsUnitPath } from '../../paths.ts';
import { AttainmentMatrix, MapSection, RankingSection, TrendSection } from './overview-sections.tsx';
import { PrintButton, StatsStyles, useRoundYears } from './stats-common.tsx';

/** The plan 165 period and the years after it: the trend starts with the period's first round. */
const PERIOD_START = 2016;

export default function StatsOverviewPage() {
  const { rounds, years, isDemo } = useRoundYears();
  const trend = useApi(() => statsApi.trend({ unitCode: '20', from: PERIOD_START }), []);
  const judgedYears = rounds
    .filter((r) => r.state === 'frozen' && r.year > PERIOD_START && rounds.some((p) => p.year === r.year - 1))
    .map((r) => r.year);
  const latestFrozen = rounds.find((r) => r.state === 'frozen')?.year;
  const openYears = rounds.filter((r) => r.state === 'open').map((r) => r.year);
  const districtYears = [...judgedYears].filter((y) => y < 2025).sort((a, b) => a - b);

  return (
    <div>
      <StatsStyles />
      <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Space align="center">
          <Typography.Title level={2} style={{ margin: 0 }}>
            Thống kê giảm nghèo toàn tỉnh
          </Typography.Title>
          <DemoTag show={isDemo} />
        </Space>
        <Space className="no-print" wrap>
          <Link to={statsUnitPath('20', latestFrozen ?? PERIOD_START)}>Số liệu theo đơn vị</Link>
          <Link to={paths.statsCompare}>So sánh hai kỳ</Link>
          <Link to={statsAfPath('20', latestFrozen ?? PERIOD_START)}>Nghèo đa chiều</Link>
          <PrintButton />
        </Space>
      </Space>
      {trend.error ? <Alert type="error" showIcon title={trend.error.message} style={{ marginBottom: 16 }} /> : null}
      {trend.data && rounds.length > 0 ? (
        <TrendSection trend={trend.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} />
      )}
      {openYears.length > 0 ? (
        <Typography.Paragraph type="secondary">
          Kỳ rà soát {openYears.join(', ')} đang thực hiện: chưa đưa vào xu hướng và xếp hạng cho đến khi tỉnh phê duyệt.
        </Typography.Paragraph>
      ) : null}
      {judgedYears.length > 0 ? (
        <RankingSection years={judgedYears} defaultYear={judgedYears.includes(2017) ? 2017 : judgedYears[0]!} />
      ) : null}
      <AttainmentMatrix years={districtYears} />
      {years.length > 0 ? <MapSection years={years.filter((y) => rounds.find((r) => r.year === y)?.state === 'frozen')} defaultYear={2017 <= (latestFrozen ?? 0) ? 2017 : (latestFrozen ?? years[0]!)} /> : null}
    </div>
  );
}
