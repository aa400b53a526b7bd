import { useEffect, useState } from 'react';
import { App, Button, Select, Tag, Tooltip } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import type { RoundDto } from '../../api/endpoints.ts';
import { downloadFile } from '../../lib/download-file.ts';
import { printCss } from '../../lib/print-styles.ts';
import { cachedRounds } from '../../lib/rounds-cache.ts';

/** Every table of the statistics has this button: the /export twin of its query, as an XLSX workbook. */
export function ExportButton({ path, fileName }: { path: string; fileName: string }) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  return (
    <Button
      className="export-button"
      icon={<FileExcelOutlined />}
      loading={busy}
      onClick={() => {
        setBusy(true);
        downloadFile(path, fileName)
          .catch((failure: unknown) => message.error(errorMessage(failure)))
          .finally(() => setBusy(false));
      }}
    >
      Xuất Excel
    </Button>
  );
}

export function PrintButton() {
  return (
    <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
      In trang
    </Button>
  );
}

/** Đạt (green) / Không đạt (red) / not judged (grey, with the reason on hover). */
export function AttainmentTag({ attained, explanation }: { attained: boolean | null; explanation?: string | null }) {
  const tag =
    attained === null ? (
      <Tag className="attainment-none">Chưa đánh giá</Tag>
    ) : attained ? (
      <Tag color="green" className="attainment-yes">
        Đạt
      </Tag>
    ) : (
      <Tag color="red" className="attainment-no">
        Không đạt
      </Tag>
    );
  return explanation ? <Tooltip title={explanation}>{tag}</Tooltip> : tag;
}

/** The years that have a round, newest first, and whether the rounds are demo data. */
export function useRoundYears(): { rounds: RoundDto[]; years: number[]; isDemo: boolean } {
  const [rounds, setRounds] = useState<RoundDto[]>([]);
  useEffect(() => {
    let active = true;
    void cachedRounds().then(
      (list) => active && setRounds(list),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);
  return { rounds, years: rounds.map((r) => r.year), isDemo: rounds.some((r) => r.isDemo) };
}

export function YearSelect({
  value,
  years,
  onChange,
  label = 'Năm',
  width = 130,
}: {
  value: number | undefined;
  years: number[];
  onChange(year: number): void;
  label?: string;
  width?: number;
}) {
  return (
    <Select<number>
      aria-label={label}
      value={value}
      onChange={onChange}
      style={{ width }}
      options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
    />
  );
}

// Statistics pages print cleanly: no menu, no buttons; tables and charts stay whole on a page where they can.
const css = `
.stats-clickable-row { cursor: pointer; }
.change-down { color: #237804; }
.change-up { color: #cf1322; }
${printCss}
`;

export function StatsStyles() {
  return (
    <style href="chung-tay-stats" precedence="default">
      {css}
    </style>
  );
}
