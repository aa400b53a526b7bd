// A table section of a report: the unit adds rows and fills each cell by the column's kind (text, whole numbers and
// money with thousands dots, decimals and percentages with a decimal comma, dates dd/MM/yyyy). Read-only once sent.
import { Button, DatePicker, Input, InputNumber, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TableCell, TableColumn } from '../../../../src/domain/reports/report-template.ts';
import { formatDate, formatNumber, formatPercent } from '../../../../src/shared/vi-format.ts';
import { fromIso, toIso, viDateFormat } from '../../lib/dates.ts';

type Row = { key: number; cells: TableCell[] };

export function formatCell(column: TableColumn, value: TableCell): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return column.kind === 'date' ? formatDate(value) : value;
  switch (column.kind) {
    case 'integer':
    case 'money':
      return formatNumber(value);
    case 'percent':
      return formatPercent(value);
    case 'decimal':
      return formatNumber(value, 2);
    case 'text':
    case 'date':
      return String(value);
  }
}

/** "1.250.000" → 1250000; "12,5" → 12.5 (Vietnamese separators). */
function parseViNumber(text: string | undefined): number {
  return Number((text ?? '').replace(/\./gu, '').replace(',', '.'));
}

function CellInput({
  column,
  value,
  onChange,
  label,
}: {
  column: TableColumn;
  value: TableCell;
  onChange(v: TableCell): void;
  label: string;
}) {
  switch (column.kind) {
    case 'text':
      return (
        <Input
          aria-label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        />
      );
    case 'date':
      return (
        <DatePicker
          aria-label={label}
          format={viDateFormat}
          value={typeof value === 'string' && value ? fromIso(value) : null}
          onChange={(d) => onChange(d ? toIso(d) : null)}
          style={{ width: '100%' }}
        />
      );
    case 'integer':
    case 'money':
      return (
        <InputNumber<number>
          aria-label={label}
          value={typeof value === 'number' ? value : null}
          min={0}
          precision={0}
          formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : formatNumber(Number(v)))}
          parser={parseViNumber}
          onChange={(v) => onChange(v ?? null)}
          style={{ width: '100%' }}
        />
      );
    case 'decimal':
    case 'percent':
      return (
        <InputNumber<number>
          aria-label={label}
          value={typeof value === 'number' ? value : null}
          decimalSeparator=","
          onChange={(v) => onChange(v ?? null)}
          suffix={column.kind === 'percent' ? '%' : undefined}
          style={{ width: '100%' }}
        />
      );
  }
}

export function ReportTableEditor({
  title,
  columns,
  rows,
  readOnly,
  onChange,
}: {
  title: string;
  columns: readonly TableColumn[];
  rows: readonly (readonly TableCell[])[];
  readOnly: boolean;
  onChange(rows: TableCell[][]): void;
}) {
  const data: Row[] = rows.map((cells, key) => ({ key, cells: [...cells] }));
  const setCell = (rowIndex: number, colIndex: number, value: TableCell) =>
    onChange(rows.map((r, i) => (i === rowIndex ? r.map((c, j) => (j === colIndex ? value : c)) : [...r])));
  return (
    <div>
      <Table<Row>
        className="report-table"
        size="small"
        bordered
        pagination={false}
        dataSource={data}
        locale={{ emptyText: readOnly ? 'Không có dòng nào.' : 'Chưa có dòng nào: bấm "Thêm dòng".' }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: 'TT', key: 'no', width: 50, align: 'center', render: (_, r) => r.key + 1 },
          ...columns.map((column, colIndex) => ({
            title: column.header,
            key: `c${colIndex}`,
            width: column.kind === 'text' ? 320 : 170,
            align: (column.kind === 'text' || column.kind === 'date' ? 'left' : 'right') as 'left' | 'right',
            render: (_: unknown, r: Row) =>
              readOnly ? (
                formatCell(column, r.cells[colIndex] ?? null)
              ) : (
                <CellInput
                  column={column}
                  value={r.cells[colIndex] ?? null}
                  label={`${title}: ${column.header}, dòng ${r.key + 1}`}
                  onChange={(v) => setCell(r.key, colIndex, v)}
                />
              ),
          })),
          ...(readOnly
            ? []
            : [
                {
                  title: '',
                  key: 'delete',
                  width: 50,
                  render: (_: unknown, r: Row) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`Xoá dòng ${r.key + 1}`}
                      onClick={() => onChange(rows.filter((_row, i) => i !== r.key).map((x) => [...x]))}
                    />
                  ),
                },
              ]),
        ]}
      />
      {readOnly ? null : (
        <Button
          style={{ marginTop: 8 }}
          icon={<PlusOutlined />}
          onClick={() => onChange([...rows.map((r) => [...r]), columns.map(() => null)])}
        >
          Thêm dòng
        </Button>
      )}
      {readOnly || rows.length > 0 ? null : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          Bảng có thể để trống nếu đơn vị không có nội dung này.
        </Typography.Paragraph>
      )}
    </div>
  );
}
