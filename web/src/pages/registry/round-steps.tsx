// The commune's review procedure as steps (TT 17/2016/TT-BLĐTBXH; QĐ 24/2021/QĐ-TTg), each with the record it left:
// the list date, the village meeting's minutes, the posting, the complaints and their outcomes, the report, the
// district's opinion, the province's approval and the decision that froze the round.
import { Alert, Descriptions, Steps, Table, Typography } from 'antd';
import {
  communeRoundStates,
  type CommuneRoundState,
  type Complaint,
  type RoundSteps,
} from '../../../../src/domain/review/round-workflow.ts';
import { formatDate, formatNumber } from '../../../../src/shared/vi-format.ts';
import type { CommuneRoundDto, RoundDto } from '../../api/endpoints.ts';

const stepTitles: Record<CommuneRoundState, string> = {
  open: 'Mở kỳ rà soát',
  lists_drafted: 'Lập danh sách hộ theo thôn',
  meeting_held: 'Họp dân bình xét',
  list_posted: 'Niêm yết công khai',
  complaints_settled: 'Giải quyết khiếu nại',
  commune_submitted: 'Xã báo cáo kết quả',
  district_reviewed: 'Huyện cho ý kiến',
  province_approved: 'Tỉnh phê duyệt',
  frozen: 'Quyết định phê duyệt, khoá sổ',
};

/** The states this commune goes through: no district step once the district level ended (01/07/2025). */
export function statesFor(hasDistricts: boolean): CommuneRoundState[] {
  return communeRoundStates.filter((s) => hasDistricts || s !== 'district_reviewed');
}

function ComplaintsTable({ complaints }: { complaints: Complaint[] }) {
  if (complaints.length === 0) return <span>Không có khiếu nại, kiến nghị nào.</span>;
  return (
    <Table<Complaint>
      size="small"
      pagination={false}
      rowKey={(c, i) => `${c.receivedOn}-${i ?? 0}`}
      dataSource={complaints}
      columns={[
        { title: 'Ngày nhận', key: 'received', width: 110, render: (_, c) => formatDate(c.receivedOn) },
        { title: 'Người khiếu nại', dataIndex: 'from', width: 180 },
        { title: 'Nội dung', dataIndex: 'content' },
        { title: 'Kết quả giải quyết', key: 'outcome', render: (_, c) => c.outcome ?? '—' },
        { title: 'Ngày giải quyết', key: 'settled', width: 130, render: (_, c) => (c.settledOn ? formatDate(c.settledOn) : '—') },
      ]}
    />
  );
}

function StepRecord({ state, steps, round }: { state: CommuneRoundState; steps: RoundSteps; round: RoundDto }) {
  switch (state) {
    case 'open':
      return <span>Tỉnh mở kỳ rà soát ngày {formatDate(round.openedOn)}.</span>;
    case 'lists_drafted':
      return steps.listsDraftedOn ? <span>Lập danh sách ngày {formatDate(steps.listsDraftedOn)}.</span> : null;
    case 'meeting_held':
      return steps.meeting ? (
        <Descriptions
          className="step-meeting"
          size="small"
          column={1}
          items={[
            { key: 'date', label: 'Ngày họp', children: formatDate(steps.meeting.date) },
            { key: 'attendees', label: 'Số người dự', children: formatNumber(steps.meeting.attendees) },
            { key: 'chair', label: 'Chủ trì', children: steps.meeting.chair },
            {
              key: 'minutes',
              label: 'Biên bản',
              children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{steps.meeting.minutes}</Typography.Paragraph>,
            },
          ]}
        />
      ) : null;
    case 'list_posted':
      return steps.posting ? (
        <span className="step-posting">
          Niêm yết từ {formatDate(steps.posting.from)} đến {formatDate(steps.posting.to)} tại {steps.posting.place}.
        </span>
      ) : null;
    case 'complaints_settled':
      return steps.complaints ? <ComplaintsTable complaints={steps.complaints} /> : null;
    case 'commune_submitted':
      return steps.submittedOn ? <span>Xã gửi báo cáo ngày {formatDate(steps.submittedOn)}.</span> : null;
    case 'district_reviewed':
      return steps.districtOpinion ? (
        <span>
          Ý kiến ngày {formatDate(steps.districtOpinion.on)}: {steps.districtOpinion.opinion}
        </span>
      ) : null;
    case 'province_approved':
      return steps.approvedOn ? <span>Tỉnh phê duyệt kết quả của xã ngày {formatDate(steps.approvedOn)}.</span> : null;
    case 'frozen':
      return round.decisionNumber ? (
        <span>
          Quyết định số {round.decisionNumber}
          {round.decisionDate ? ` ngày ${formatDate(round.decisionDate)}` : ''}; kết quả không còn thay đổi, mọi sửa đổi
          sau đó là đính chính.
        </span>
      ) : null;
  }
}

export function RoundSteps({ data, round }: { data: CommuneRoundDto; round: RoundDto }) {
  const steps = data.steps as RoundSteps;
  const states = statesFor(data.hasDistricts);
  const reached = states.indexOf(data.state);
  return (
    <>
      {steps.returned && steps.returned.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Báo cáo đã bị trả lại"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {steps.returned.map((r, i) => (
                <li key={`${r.on}-${i}`}>
                  {formatDate(r.on)} – {r.by === 'province' ? 'tỉnh' : 'huyện'} trả lại: {r.comment}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Steps
        className="round-steps"
        orientation="vertical"
        size="small"
        current={Math.min(reached + 1, states.length - 1)}
        items={states.map((state, i) => ({
          key: state,
          title: stepTitles[state],
          status: i <= reached ? 'finish' : i === reached + 1 ? 'process' : 'wait',
          content: i <= reached ? <StepRecord state={state} steps={steps} round={round} /> : undefined,
        }))}
      />
    </>
  );
}
