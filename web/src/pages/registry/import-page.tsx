import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Col, Progress, Result, Row, Select, Space, Statistic, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { formatNumber } from '../../../../src/shared/vi-format.ts';
import type { Category } from '../../../../src/shared/schemas/households.schema.ts';
import { errorMessage } from '../../api/client.ts';
import { importsApi, type ImportJob, type RoundDto } from '../../api/endpoints.ts';
import { downloadFile } from '../../lib/download-file.ts';
import { cachedRounds } from '../../lib/rounds-cache.ts';
import { paths } from '../../paths.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { categoryLabels } from './registry-labels.ts';
import { RegistryStyles } from './registry-styles.tsx';

/** How often the page asks the server how far the check has come. */
const pollMs = 500;

interface Preview {
  households: number;
  members: number;
  newHouseholds: number;
  updatedHouseholds: number;
  byCategory: Partial<Record<Category, number>>;
  communes: { code: string; name: string; households: number; poor: number; nearPoor: number }[];
  issueCount?: number;
}

type Issue = ImportJob['issues'][number];

const phaseLabels: Record<string, string> = {
  receiving: 'Đang nhận tệp',
  checking: 'Đang kiểm tra cấu trúc tệp',
  reading: 'Đang đọc và kiểm tra từng dòng',
  done: 'Đã đọc xong, đang đối chiếu với sổ hộ',
};

const busyStates = new Set(['uploaded', 'parsing', 'committing']);

function ProgressPanel({ job }: { job: ImportJob }) {
  const committing = job.state === 'committing';
  const percent = Math.round(job.progress.fraction * 100);
  return (
    <Card title={committing ? 'Đang ghi dữ liệu…' : 'Đang kiểm tra tệp…'} style={{ marginBottom: 16 }}>
      <Progress className="import-progress" percent={committing ? 100 : percent} status="active" />
      <Typography.Paragraph style={{ marginTop: 8 }}>
        {committing ? 'Đang ghi toàn bộ các hộ trong một giao dịch (tất cả hoặc không).' : (phaseLabels[job.progress.phase] ?? job.progress.phase)}
        {job.progress.rowsRead > 0
          ? ` – đã đọc ${formatNumber(job.progress.rowsRead)}${job.progress.totalRows ? `/${formatNumber(job.progress.totalRows)}` : ''} dòng`
          : ''}
      </Typography.Paragraph>
    </Card>
  );
}

function PreviewPanel({ job, onCommit, onDiscard, busy }: { job: ImportJob; onCommit(): void; onDiscard(): void; busy: boolean }) {
  const s = job.summary as Preview;
  const categories = (Object.keys(categoryLabels) as Category[]).map((c) => ({ category: c, n: s.byCategory[c] ?? 0 }));
  return (
    <Card title={`Xem trước: tệp “${job.fileName}”, kỳ rà soát ${job.roundYear ?? ''}`} className="import-preview" style={{ marginBottom: 16 }}>
      <Alert type="success" showIcon style={{ marginBottom: 16 }} title="Tệp không có lỗi. Chưa có dữ liệu nào được ghi: kiểm tra số liệu rồi bấm “Ghi dữ liệu”." />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title="Số hộ" value={formatNumber(s.households)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="Số nhân khẩu" value={formatNumber(s.members)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="Hộ mới" value={formatNumber(s.newHouseholds)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="Hộ đã có, cập nhật" value={formatNumber(s.updatedHouseholds)} />
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={8}>
          <Table
            size="small"
            rowKey="category"
            pagination={false}
            dataSource={categories}
            columns={[
              { title: 'Phân loại', key: 'c', render: (_, r) => categoryLabels[r.category] },
              { title: 'Số hộ', key: 'n', align: 'right', render: (_, r) => formatNumber(r.n) },
            ]}
          />
        </Col>
        <Col xs={24} lg={16}>
          <Table
            size="small"
            rowKey="code"
            dataSource={s.communes}
            pagination={s.communes.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: 'Xã, phường', dataIndex: 'name' },
              { title: 'Số hộ', key: 'h', align: 'right', render: (_, c) => formatNumber(c.households) },
              { title: 'Hộ nghèo', key: 'p', align: 'right', render: (_, c) => formatNumber(c.poor) },
              { title: 'Hộ cận nghèo', key: 'n', align: 'right', render: (_, c) => formatNumber(c.nearPoor) },
            ]}
          />
        </Col>
      </Row>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" loading={busy} onClick={onCommit}>
          Ghi dữ liệu
        </Button>
        <Button disabled={busy} onClick={onDiscard}>
          Huỷ
        </Button>
      </Space>
    </Card>
  );
}

function IssuesPanel({ job }: { job: ImportJob }) {
  const shown = job.issues.length;
  return (
    <Card title="Lỗi trong tệp" className="import-errors" style={{ marginBottom: 16 }}>
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        title={`Tệp có ${formatNumber(job.issueCount)} lỗi. Không có dữ liệu nào được ghi.`}
        description={
          shown < job.issueCount
            ? `Hiển thị ${formatNumber(shown)} lỗi đầu tiên. Sửa các lỗi trong Excel rồi tải tệp lên lại.`
            : 'Sửa các lỗi dưới đây trong Excel rồi tải tệp lên lại.'
        }
      />
      <Table<Issue>
        size="small"
        rowKey={(i, n) => `${i.sheet}-${i.row ?? ''}-${i.column ?? ''}-${n ?? 0}`}
        dataSource={job.issues}
        pagination={{ pageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (t) => `${formatNumber(t)} lỗi` }}
        columns={[
          { title: 'Trang', key: 'sheet', width: 160, render: (_, i) => i.sheet || '—' },
          { title: 'Dòng', key: 'row', width: 90, align: 'right', render: (_, i) => (i.row === null ? '—' : formatNumber(i.row)) },
          { title: 'Cột', key: 'column', width: 200, render: (_, i) => i.column ?? '—' },
          { title: 'Nội dung lỗi', dataIndex: 'message' },
        ]}
      />
    </Card>
  );
}

export default function ImportPage() {
  const me = useSignedIn();
  const { message } = App.useApp();
  const [rounds, setRounds] = useState<RoundDto[]>([]);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const polling = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let active = true;
    void cachedRounds().then(
      (list) => {
        if (!active) return;
        setRounds(list);
        setYear((y) => y ?? list.find((r) => r.state === 'open')?.year ?? list[0]?.year);
      },
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);

  // Ask for the job's state every 500 ms while the server is still reading or writing it.
  useEffect(() => {
    if (!job || !busyStates.has(job.state)) return;
    polling.current = setTimeout(() => {
      importsApi.job(job.id).then(setJob, (failure: unknown) => setError(errorMessage(failure)));
    }, pollMs);
    return () => {
      if (polling.current) clearTimeout(polling.current);
    };
  }, [job]);

  const upload = async () => {
    if (!file || !year) return;
    setBusy(true);
    setError(null);
    setJob(null);
    try {
      setJob(await importsApi.upload(year, file, me.csrfToken));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!job) return;
    setBusy(true);
    setError(null);
    setJob({ ...job, state: 'committing' });
    try {
      setJob(await importsApi.commit(job.id));
    } catch (failure) {
      setError(errorMessage(failure));
      importsApi.job(job.id).then(setJob, () => undefined);
    } finally {
      setBusy(false);
    }
  };
  const discard = async () => {
    if (!job) return;
    setBusy(true);
    try {
      await importsApi.discard(job.id);
      setJob({ ...job, state: 'discarded' });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setJob(null);
    setFile(null);
    setError(null);
  };

  return (
    <div>
      <RegistryStyles />
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Nhập sổ hộ từ Excel
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Dùng mẫu Excel (trang Hộ gia đình và trang Thành viên, có danh sách chọn sẵn). Tệp được kiểm tra toàn bộ trước; chỉ
        khi không có lỗi nào mới được ghi, và ghi tất cả hoặc không ghi gì.
      </Typography.Paragraph>
      <Card title="Tải tệp lên" style={{ marginBottom: 16 }} className="no-print">
        <Space wrap size="middle" align="center">
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadFile(importsApi.templatePath, 'Mẫu nhập hộ gia đình.xlsx').catch((failure: unknown) =>
                message.error(errorMessage(failure)),
              )
            }
          >
            Tải mẫu Excel
          </Button>
          <Select<number>
            aria-label="Kỳ rà soát"
            placeholder="Kỳ rà soát"
            style={{ width: 180 }}
            value={year}
            onChange={setYear}
            options={rounds.map((r) => ({ value: r.year, label: `Kỳ rà soát ${r.year}${r.state === 'frozen' ? ' (đã khoá sổ)' : ''}` }))}
          />
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>Chọn tệp Excel (.xlsx)</Button>
          </Upload>
          <Button type="primary" disabled={!file || !year || (job !== null && busyStates.has(job.state))} loading={busy && !job} onClick={() => void upload()}>
            Tải lên và kiểm tra
          </Button>
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {job && busyStates.has(job.state) ? <ProgressPanel job={job} /> : null}
      {job?.state === 'parsed' ? <PreviewPanel job={job} busy={busy} onCommit={() => void commit()} onDiscard={() => void discard()} /> : null}
      {job?.state === 'failed' ? <IssuesPanel job={job} /> : null}
      {job?.state === 'committed' ? (
        <Result
          status="success"
          title="Đã ghi dữ liệu"
          subTitle={`Đã ghi ${formatNumber((job.summary as Preview).households)} hộ, ${formatNumber((job.summary as Preview).members)} nhân khẩu vào kỳ rà soát ${job.roundYear ?? ''}.`}
          extra={[
            <Link key="list" to={`${paths.households}?nam=${job.roundYear ?? ''}`}>
              <Button type="primary">Xem danh sách hộ</Button>
            </Link>,
            <Button key="again" onClick={reset}>
              Nhập tệp khác
            </Button>,
          ]}
        />
      ) : null}
      {job?.state === 'discarded' ? (
        <Result status="info" title="Đã huỷ lượt nhập" subTitle="Không có dữ liệu nào được ghi." extra={<Button onClick={reset}>Nhập tệp khác</Button>} />
      ) : null}
    </div>
  );
}
