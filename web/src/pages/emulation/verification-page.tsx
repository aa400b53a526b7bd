// The board's desk for a round: the verification queue (accept, adjust with a reason, reject with a reason), the
// measured criteria recomputed from the data, and publication. Council members find here every registration's score
// sheet to score the council criteria.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import { CalculatorOutlined, CheckOutlined, NotificationOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { emulationApi, type RecomputeResult, type ScoreLineDto, type VerificationQueue } from '../../api/emulation-endpoints.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { EvidenceItem } from './emulation-common.tsx';
import { formatScore } from './emulation-helpers.ts';
import { scoreSheetPath } from './emulation-paths.ts';
import { RoundSelect, useRoundChoice } from './round-picker.tsx';
import { JudgeModal } from './score-sheet-page.tsx';

type QueueItem = VerificationQueue[number];

/** The queue item as the line the judge form expects (only what it reads). */
function asLine(q: QueueItem): ScoreLineDto {
  return {
    criterionId: '',
    code: q.code,
    text: `${q.participantName}: ${q.text}`,
    kind: 'evidence',
    kindLabel: '',
    maxPoints: q.maxPoints,
    points: q.selfPoints,
    status: 'pending_verification',
    statusLabel: '',
    source: 'evidence',
    sourceLabel: '',
    explanation: '',
    formula: null,
    selfPoints: q.selfPoints,
    evidence: q.evidence,
    verification: null,
    council: null,
    adjustment: null,
  };
}

export default function VerificationPage() {
  const { can } = useSignedIn();
  const manage = can('emulation.manage');
  const council = can('emulation.council');
  const picker = useRoundChoice('open');
  const roundId = picker.chosen?.round.id;
  const { message } = App.useApp();
  const queue = useApi(() => (roundId && manage ? emulationApi.verificationQueue(roundId) : Promise.resolve([])), [roundId, manage]);
  const status = useApi(() => (roundId ? emulationApi.status(roundId) : Promise.resolve(null)), [roundId]);
  const [judging, setJudging] = useState<QueueItem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [recomputed, setRecomputed] = useState<RecomputeResult | null>(null);

  if (!manage && !council) return <Alert type="warning" showIcon title="Trang này dành cho Ban Thi đua - Khen thưởng và thành viên Hội đồng." />;

  const quickAccept = async (q: QueueItem) => {
    setBusy(`${q.registrationId}:${q.code}`);
    try {
      await emulationApi.verify(q.registrationId, q.code, { decision: 'accept' });
      void message.success(`Đã chấp nhận điểm tự chấm tiêu chí ${q.code} của ${q.participantName}.`);
      queue.reload();
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };
  const recompute = async () => {
    if (!roundId) return;
    setBusy('recompute');
    try {
      const result = await emulationApi.recompute(roundId);
      setRecomputed(result);
      void message.success(`Đã tính ${result.lines} dòng điểm từ số liệu; ${result.changed.length} dòng thay đổi.`);
      await picker.refresh();
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };
  const publish = async () => {
    if (!roundId) return;
    setBusy('publish');
    try {
      const round = await emulationApi.publish(roundId);
      await picker.refresh();
      void message.success(`Đã công bố kết quả đợt "${round.name}".`);
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };
  const registrations = status.data?.byType.flatMap((t) => t.registered) ?? [];
  const round = picker.chosen?.round;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Thẩm định và chấm điểm
      </Typography.Title>
      <RoundSelect {...picker} />
      {manage && round ? (
        <Card className="round-actions">
          <Space wrap>
            <Button icon={<CalculatorOutlined />} loading={busy === 'recompute'} disabled={round.published} onClick={() => void recompute()}>
              Tính điểm từ số liệu
            </Button>
            <Popconfirm title="Công bố kết quả đợt này?" description="Sau khi công bố, điểm chỉ thay đổi khi Ban điều chỉnh có ghi lý do." okText="Công bố" cancelText="Huỷ" onConfirm={() => void publish()}>
              <Button type="primary" icon={<NotificationOutlined />} loading={busy === 'publish'} disabled={round.published}>
                Công bố kết quả
              </Button>
            </Popconfirm>
            <Typography.Text type="secondary">
              {round.lastRecomputedAt ? `Tính điểm lần cuối: ${formatDateTime(round.lastRecomputedAt)}.` : 'Chưa tính điểm các tiêu chí đo lường.'}
              {round.publishedAt ? ` Đã công bố ngày ${formatDate(round.publishedAt)}.` : ''}
            </Typography.Text>
          </Space>
          {recomputed ? (
            <Alert
              style={{ marginTop: 12 }}
              type="info"
              showIcon
              title={`Đã tính ${recomputed.lines} dòng; ${recomputed.changed.length} dòng thay đổi.`}
              description={recomputed.changed.slice(0, 10).map((c) => (
                <div key={`${c.participantName}:${c.code}`}>
                  {c.participantName}, tiêu chí {c.code}: {c.before === null ? 'chưa có' : formatScore(c.before)} → {formatScore(c.after)}
                </div>
              ))}
            />
          ) : null}
        </Card>
      ) : null}
      {manage ? (
        <Card title="Hàng chờ thẩm định" className="verification-queue">
          {queue.error ? <Alert type="error" showIcon title={queue.error.message} /> : null}
          <Table
            rowKey={(q) => `${q.registrationId}:${q.code}`}
            loading={queue.loading}
            dataSource={queue.data ?? []}
            locale={{ emptyText: <Empty description="Không còn nội dung tự chấm nào chờ thẩm định." /> }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: 'Đơn vị', dataIndex: 'participantName', render: (name: string, q) => <Link to={scoreSheetPath(q.registrationId)}>{name}</Link> },
              { title: 'Tiêu chí', width: 320, render: (_: unknown, q) => `${q.code}. ${q.text}` },
              { title: 'Tự chấm', width: 100, align: 'right', render: (_: unknown, q) => `${formatScore(q.selfPoints)} / ${formatScore(q.maxPoints)}` },
              {
                title: 'Minh chứng, thuyết minh',
                render: (_: unknown, q) => (
                  <Space orientation="vertical" size={2}>
                    {q.evidence.map((e) => (
                      <EvidenceItem key={`${e.kind}:${e.id}`} item={e} />
                    ))}
                    {q.note ? <Typography.Text type="secondary">{q.note}</Typography.Text> : null}
                  </Space>
                ),
              },
              { title: 'Gửi lúc', width: 130, render: (_: unknown, q) => formatDateTime(q.submittedAt) },
              {
                title: '',
                width: 210,
                render: (_: unknown, q) => (
                  <Space>
                    <Button type="primary" size="small" icon={<CheckOutlined />} loading={busy === `${q.registrationId}:${q.code}`} onClick={() => void quickAccept(q)} aria-label={`Chấp nhận ${q.participantName} ${q.code}`}>
                      Chấp nhận
                    </Button>
                    <Button size="small" onClick={() => setJudging(q)}>
                      Điều chỉnh / không chấp nhận
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
      <Card title="Bảng điểm các đơn vị đã đăng ký" className="registrations-table">
        <Typography.Paragraph type="secondary">
          {council ? 'Mở bảng điểm để chấm các tiêu chí do Hội đồng chấm.' : 'Mở bảng điểm để xem từng dòng điểm hoặc điều chỉnh có ghi lý do.'}
        </Typography.Paragraph>
        <Table
          rowKey="id"
          size="small"
          loading={status.loading}
          dataSource={registrations}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: 'Đơn vị', dataIndex: 'participantName', render: (name: string, r) => <Link to={scoreSheetPath(r.id)}>{name}</Link> },
            { title: 'Đối tượng', dataIndex: 'participantTypeLabel' },
            { title: 'Ngày đăng ký', dataIndex: 'registeredOn', width: 130, render: (d: string) => formatDate(d) },
          ]}
        />
      </Card>
      {judging ? (
        <JudgeModal
          registrationId={judging.registrationId}
          action={{ kind: 'verify', line: asLine(judging) }}
          onClose={() => setJudging(null)}
          onSaved={() => {
            setJudging(null);
            void message.success('Đã lưu kết quả thẩm định.');
            queue.reload();
          }}
        />
      ) : null}
    </Space>
  );
}
