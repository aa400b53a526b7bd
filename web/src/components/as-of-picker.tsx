import { Button, DatePicker, Space, Typography } from 'antd';
import { fromIso, todayIso, toIso, viDateFormat } from '../lib/dates.ts';

// Dates the movement keeps coming back to: the plan's baseline year, the 2020 merger of communes, the 2025 reform
// (district level ended, 65 communes under the province from 01/07/2025).
const presets: { label: string; iso: string }[] = [
  { label: '31/12/2017', iso: '2017-12-31' },
  { label: '01/01/2020', iso: '2020-01-01' },
  { label: '01/03/2025', iso: '2025-03-01' },
  { label: '01/07/2025', iso: '2025-07-01' },
];

export function AsOfPicker({ value, onChange }: { value: string; onChange(iso: string): void }) {
  const today = todayIso();
  return (
    <Space wrap size={[8, 8]} align="center">
      <Typography.Text strong>Tính đến ngày</Typography.Text>
      <DatePicker
        aria-label="Tính đến ngày"
        format={viDateFormat}
        allowClear={false}
        value={fromIso(value)}
        onChange={(d) => {
          if (d) onChange(toIso(d));
        }}
      />
      {presets.map((p) => (
        <Button
          key={p.iso}
          size="small"
          type={value === p.iso ? 'primary' : 'default'}
          onClick={() => onChange(p.iso)}
        >
          {p.label}
        </Button>
      ))}
      <Button size="small" type={value === today ? 'primary' : 'default'} onClick={() => onChange(today)}>
        Hôm nay
      </Button>
    </Space>
  );
}
