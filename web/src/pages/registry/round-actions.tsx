// The next step of the procedure, as the person in front of the screen may take it: the commune officer records the
// commune's steps, the district gives its opinion (while districts exist), the province approves or returns. Only
// the buttons this user may use are shown; the server checks the same rules again.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { RoundSteps } from '../../../../src/domain/review/round-workflow.ts';
import { formatDate } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { roundsApi, type CommuneRoundDto, type RoundAction } from '../../api/endpoints.ts';
import { toIso, viDateFormat } from '../../lib/dates.ts';
import { useSignedIn } from '../../session/session-context.tsx';

interface Props {
  data: CommuneRoundDto;
  roundFrozen: boolean;
  onChanged(next: CommuneRoundDto): void;
}

const required = (text: string) => [{ required: true, message: text }];

function useAct(data: CommuneRoundDto, onChanged: Props['onChanged']) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const act = async (action: RoundAction, done: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await roundsApi.act(data.roundId, data.communeCode, action);
      void message.success(done);
      onChanged(next);
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { act, busy, error };
}

function StepCard({ title, children, error }: { title: string; children: ReactNode; error: string | null }) {
  return (
    <Card title={title} className="next-step no-print" style={{ marginBottom: 16 }}>
      {children}
      {error ? <Alert className="step-error" type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </Card>
  );
}

interface MeetingValues {
  date: Dayjs;
  attendees: number;
  chair: string;
  minutes: string;
}

interface PostingValues {
  from: Dayjs;
  to: Dayjs;
  place: string;
}

interface ComplaintValues {
  complaints: { receivedOn: Dayjs; from: string; content: string; outcome?: string; settledOn?: Dayjs | null }[];
}

function MeetingForm({ data, onChanged }: Omit<Props, 'roundFrozen'>) {
  const [form] = Form.useForm<MeetingValues>();
  const { act, busy, error } = useAct(data, onChanged);
  return (
    <StepCard title="Bước tiếp theo: ghi biên bản họp dân bình xét" error={error}>
      <Form<MeetingValues>
        form={form}
        layout="vertical"
        name="meeting"
        onFinish={(v) =>
          void act(
            { type: 'record_meeting', date: toIso(v.date), attendees: v.attendees, chair: v.chair, minutes: v.minutes },
            'Đã ghi biên bản họp dân.',
          )
        }
      >
        <Space wrap align="start">
          <Form.Item name="date" label="Ngày họp" rules={required('Chọn ngày họp')}>
            <DatePicker format={viDateFormat} />
          </Form.Item>
          <Form.Item name="attendees" label="Số người dự họp" rules={required('Nhập số người dự')}>
            <InputNumber min={1} max={100000} />
          </Form.Item>
          <Form.Item name="chair" label="Người chủ trì" rules={required('Nhập người chủ trì')} style={{ minWidth: 320 }}>
            <Input placeholder="Ví dụ: Ông Hoàng Văn A, Trưởng thôn" />
          </Form.Item>
        </Space>
        <Form.Item name="minutes" label="Nội dung biên bản" rules={required('Nhập nội dung biên bản')}>
          <Input.TextArea rows={4} placeholder="Thành phần, nội dung bình xét, kết quả biểu quyết…" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          Ghi biên bản họp
        </Button>
      </Form>
    </StepCard>
  );
}

function PostingForm({ data, onChanged }: Omit<Props, 'roundFrozen'>) {
  const [form] = Form.useForm<PostingValues>();
  const { act, busy, error } = useAct(data, onChanged);
  const meeting = (data.steps as RoundSteps).meeting;
  return (
    <StepCard title="Bước tiếp theo: niêm yết công khai danh sách" error={error}>
      <Typography.Paragraph type="secondary">
        Niêm yết tại nhà văn hoá thôn và trụ sở UBND xã ít nhất 3 ngày làm việc, bắt đầu từ ngày họp dân trở đi
        {meeting ? ` (họp ngày ${formatDate(meeting.date)})` : ''}.
      </Typography.Paragraph>
      <Form<PostingValues>
        form={form}
        layout="vertical"
        name="posting"
        onFinish={(v) => void act({ type: 'post_list', from: toIso(v.from), to: toIso(v.to), place: v.place }, 'Đã ghi việc niêm yết.')}
      >
        <Space wrap align="start">
          <Form.Item name="from" label="Niêm yết từ ngày" rules={required('Chọn ngày bắt đầu')}>
            <DatePicker format={viDateFormat} />
          </Form.Item>
          <Form.Item name="to" label="Đến ngày" rules={required('Chọn ngày kết thúc')}>
            <DatePicker format={viDateFormat} />
          </Form.Item>
          <Form.Item name="place" label="Nơi niêm yết" rules={required('Nhập nơi niêm yết')} style={{ minWidth: 380 }}>
            <Input placeholder="Nhà văn hoá các thôn và trụ sở UBND xã" />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          Ghi niêm yết
        </Button>
      </Form>
    </StepCard>
  );
}

function ComplaintsForm({ data, onChanged }: Omit<Props, 'roundFrozen'>) {
  const [form] = Form.useForm<ComplaintValues>();
  const { act, busy, error } = useAct(data, onChanged);
  return (
    <StepCard title="Bước tiếp theo: tiếp nhận và giải quyết khiếu nại" error={error}>
      <Typography.Paragraph type="secondary">
        Ghi từng khiếu nại, kiến nghị đã nhận trong thời gian niêm yết cùng kết quả giải quyết. Nếu không có khiếu nại
        nào, bấm “Kết thúc: không có khiếu nại”.
      </Typography.Paragraph>
      <Form<ComplaintValues>
        form={form}
        layout="vertical"
        name="complaints"
        initialValues={{ complaints: [] }}
        onFinish={(v) =>
          void act(
            {
              type: 'settle_complaints',
              complaints: v.complaints.map((c) => ({
                receivedOn: toIso(c.receivedOn),
                from: c.from,
                content: c.content,
                outcome: c.outcome?.trim() || null,
                settledOn: c.settledOn ? toIso(c.settledOn) : null,
              })),
            },
            'Đã ghi kết quả giải quyết khiếu nại.',
          )
        }
      >
        <Form.List name="complaints">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Card key={field.key} size="small" type="inner" style={{ marginBottom: 8 }}>
                  <Space wrap align="start">
                    <Form.Item name={[field.name, 'receivedOn']} label="Ngày nhận" rules={required('Chọn ngày')}>
                      <DatePicker format={viDateFormat} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'from']} label="Người khiếu nại" rules={required('Nhập tên')}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[field.name, 'content']} label="Nội dung" rules={required('Nhập nội dung')} style={{ minWidth: 300 }}>
                      <Input.TextArea rows={1} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'outcome']} label="Kết quả giải quyết" style={{ minWidth: 300 }}>
                      <Input.TextArea rows={1} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'settledOn']} label="Ngày giải quyết">
                      <DatePicker format={viDateFormat} />
                    </Form.Item>
                    <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                      Bỏ
                    </Button>
                  </Space>
                </Card>
              ))}
              <Space wrap>
                <Button icon={<PlusOutlined />} onClick={() => add()}>
                  Thêm khiếu nại
                </Button>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {fields.length === 0 ? 'Kết thúc: không có khiếu nại' : 'Ghi kết quả giải quyết khiếu nại'}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </StepCard>
  );
}

function CommentAction({
  data,
  onChanged,
  title,
  label,
  buttonText,
  makeAction,
  done,
  danger,
}: Omit<Props, 'roundFrozen'> & {
  title: string;
  label: string;
  buttonText: string;
  makeAction(text: string): RoundAction;
  done: string;
  danger?: boolean;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const { act, busy, error } = useAct(data, onChanged);
  return (
    <StepCard title={title} error={error}>
      <Form<{ text: string }> form={form} layout="vertical" onFinish={(v) => void act(makeAction(v.text), done)}>
        <Form.Item name="text" label={label} rules={required(`Nhập ${label.toLocaleLowerCase('vi')}`)}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" danger={danger} htmlType="submit" loading={busy}>
          {buttonText}
        </Button>
      </Form>
    </StepCard>
  );
}

function SimpleAction({
  data,
  onChanged,
  title,
  text,
  buttonText,
  action,
  done,
  confirm,
}: Omit<Props, 'roundFrozen'> & { title: string; text: string; buttonText: string; action: RoundAction; done: string; confirm?: string }) {
  const { act, busy, error } = useAct(data, onChanged);
  const button = (
    <Button type="primary" loading={busy} onClick={confirm ? undefined : () => void act(action, done)}>
      {buttonText}
    </Button>
  );
  return (
    <StepCard title={title} error={error}>
      <Typography.Paragraph>{text}</Typography.Paragraph>
      {confirm ? (
        <Popconfirm title={confirm} okText="Đồng ý" cancelText="Huỷ" onConfirm={() => void act(action, done)}>
          {button}
        </Popconfirm>
      ) : (
        button
      )}
    </StepCard>
  );
}

/** The form for the next step, or nothing when this user has no step to take now. */
export function NextStep({ data, roundFrozen, onChanged }: Props) {
  const me = useSignedIn();
  if (roundFrozen) return null;
  const commune = me.can('rounds.commune');
  const district = me.can('rounds.district');
  const province = me.can('rounds.approve');
  const common = { data, onChanged };
  const awaitingProvince = data.hasDistricts ? data.state === 'district_reviewed' : data.state === 'commune_submitted';
  const parts: ReactNode[] = [];

  if (commune) {
    switch (data.state) {
      case 'open':
        parts.push(
          <SimpleAction
            key="draft"
            {...common}
            title="Bước tiếp theo: lập danh sách hộ theo thôn"
            text="Lập danh sách các hộ cần rà soát của từng thôn từ kết quả kỳ trước (hộ nghèo, cận nghèo, hộ có đơn, hộ trưởng thôn đề xuất)."
            buttonText="Lập danh sách hộ theo thôn"
            action={{ type: 'draft_lists' }}
            done="Đã lập danh sách hộ theo thôn."
          />,
        );
        break;
      case 'lists_drafted':
        parts.push(<MeetingForm key="meeting" {...common} />);
        break;
      case 'meeting_held':
        parts.push(<PostingForm key="posting" {...common} />);
        break;
      case 'list_posted':
        parts.push(<ComplaintsForm key="complaints" {...common} />);
        break;
      case 'complaints_settled':
        parts.push(
          <SimpleAction
            key="submit"
            {...common}
            title="Bước tiếp theo: báo cáo kết quả rà soát"
            text={
              data.hasDistricts
                ? 'Gửi kết quả rà soát của xã lên UBND huyện. Sau khi gửi, danh sách bị khoá cho đến khi cấp trên trả lại.'
                : 'Gửi kết quả rà soát của xã lên UBND tỉnh. Sau khi gửi, danh sách bị khoá cho đến khi tỉnh trả lại.'
            }
            buttonText="Gửi báo cáo lên cấp trên"
            confirm="Gửi báo cáo kết quả rà soát? Sau khi gửi, xã không sửa được danh sách."
            action={{ type: 'submit' }}
            done="Đã gửi báo cáo kết quả rà soát."
          />,
        );
        break;
      case 'commune_submitted':
      case 'district_reviewed':
      case 'province_approved':
      case 'frozen':
        // the report is with the levels above, or done: nothing for the commune to do
        break;
    }
  }
  if (district && data.hasDistricts && data.state === 'commune_submitted') {
    parts.push(
      <CommentAction
        key="district"
        {...common}
        title="Ý kiến của UBND huyện"
        label="Ý kiến"
        buttonText="Ghi ý kiến của huyện"
        makeAction={(opinion) => ({ type: 'district_review', opinion })}
        done="Đã ghi ý kiến của huyện."
      />,
      <CommentAction
        key="district-return"
        {...common}
        title="Trả lại để xã chỉnh sửa"
        label="Lý do trả lại"
        buttonText="Trả lại xã"
        danger
        makeAction={(comment) => ({ type: 'return', comment })}
        done="Đã trả lại báo cáo cho xã."
      />,
    );
  }
  if (province && awaitingProvince) {
    parts.push(
      <SimpleAction
        key="approve"
        {...common}
        title="Phê duyệt kết quả rà soát của xã"
        text="Tỉnh phê duyệt kết quả rà soát của xã. Sau khi phê duyệt, mọi sửa đổi kết quả của một hộ là đính chính, phải ghi lý do."
        buttonText="Phê duyệt"
        confirm="Phê duyệt kết quả rà soát của xã?"
        action={{ type: 'province_approve' }}
        done="Đã phê duyệt kết quả rà soát của xã."
      />,
      <CommentAction
        key="province-return"
        {...common}
        title="Trả lại để xã chỉnh sửa"
        label="Lý do trả lại"
        buttonText="Trả lại xã"
        danger
        makeAction={(comment) => ({ type: 'return', comment })}
        done="Đã trả lại báo cáo cho xã."
      />,
    );
  }
  return parts.length > 0 ? <>{parts}</> : null;
}
