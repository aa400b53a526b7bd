// "My registration" for a participant's focal point (a department's focal point, a district or commune officer):
// register for a round with the pledges (đăng ký thi đua), then open the score sheet to self-assess the evidence
// criteria with files.
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Button, Card, Empty, Form, Input, List, Select, Skeleton, Space, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { formatDate } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import type { OrganisationDto, TreeResponse } from '../../api/endpoints.ts';
import { emulationApi } from '../../api/emulation-endpoints.ts';
import { cachedOrganisations, cachedTree } from '../../lib/reference-cache.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { registrableParticipants } from './emulation-helpers.ts';
import { scoreSheetPath } from './emulation-paths.ts';
import { RoundSelect, useRoundChoice } from './round-picker.tsx';

interface RegisterValues {
  participant: string;
  pledges: string;
}

export default function MyRegistrationPage() {
  const session = useSignedIn();
  const picker = useRoundChoice('open');
  const { chosen } = picker;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const [orgs, setOrgs] = useState<OrganisationDto[]>([]);
  const [tree, setTree] = useState<TreeResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const roundId = chosen?.round.id;
  const year = chosen?.round.year;
  useEffect(() => {
    void cachedOrganisations().then(setOrgs, () => undefined);
  }, []);
  useEffect(() => {
    if (year === undefined) return;
    void cachedTree(`${year}-12-31`).then(setTree, () => undefined);
  }, [year]);
  const status = useApi(() => (roundId ? emulationApi.status(roundId) : Promise.resolve(null)), [roundId]);
  const options = useMemo(
    () => (chosen ? registrableParticipants(session.assignments, orgs, tree?.nodes ?? [], chosen.campaign.participantTypes) : []),
    [chosen, session.assignments, orgs, tree],
  );
  const registered = status.data?.byType.flatMap((t) => t.registered) ?? [];
  const open = options.filter((o) => !registered.some((r) => r.participantType === o.participantType && r.participantKey === o.key));

  const submit = async (v: RegisterValues) => {
    const picked = options.find((o) => o.value === v.participant);
    if (!picked || !roundId) return;
    setSaving(true);
    setError(null);
    try {
      const pledges = v.pledges
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean);
      const created = await emulationApi.register(roundId, { participantType: picked.participantType, participant: picked.participant, pledges });
      void message.success(`${created.participantName} đã đăng ký thi đua đợt "${chosen?.round.name ?? ''}".`);
      void navigate(scoreSheetPath(created.id));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Đăng ký thi đua và tự chấm điểm
      </Typography.Title>
      <RoundSelect {...picker} />
      {picker.error ? <Alert type="error" showIcon title={picker.error} /> : null}
      {status.error ? <Alert type="error" showIcon title={status.error.message} /> : null}
      <Card title="Đã đăng ký" className="my-registrations">
        {status.loading && !status.data ? (
          <Skeleton active />
        ) : registered.length === 0 ? (
          <Empty description="Chưa có đăng ký thi đua nào trong phạm vi của bạn ở đợt này." />
        ) : (
          <List
            dataSource={registered}
            renderItem={(r) => (
              <List.Item
                className="my-registration"
                actions={[
                  <Link key="sheet" to={scoreSheetPath(r.id)}>
                    <Button type="primary" icon={<FormOutlined />}>
                      Tự chấm điểm, xem bảng điểm
                    </Button>
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={`${r.participantName} — ${r.participantTypeLabel}`}
                  description={
                    <>
                      Đăng ký ngày {formatDate(r.registeredOn)} ({r.registeredBy}). Nội dung: {r.pledges.join('; ')}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {chosen && !chosen.round.published && open.length > 0 ? (
        <Card title="Đăng ký thi đua" className="register-card">
          <Form<RegisterValues> form={form} layout="vertical" name="register" initialValues={{ participant: open[0]?.value }} onFinish={(v) => void submit(v)}>
            <Form.Item name="participant" label="Đơn vị đăng ký" rules={[{ required: true, message: 'Chọn đơn vị đăng ký' }]}>
              <Select options={open.map((o) => ({ value: o.value, label: o.label }))} id="register-participant" />
            </Form.Item>
            <Form.Item
              name="pledges"
              label="Nội dung đăng ký thi đua (mỗi dòng một nội dung)"
              rules={[{ required: true, whitespace: true, message: 'Ghi ít nhất một nội dung đăng ký thi đua' }]}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} id="register-pledges" placeholder="Ví dụ: Hoàn thành 100% văn bản hướng dẫn chính sách giảm nghèo đúng hạn" />
            </Form.Item>
            {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
            <Button type="primary" htmlType="submit" loading={saving}>
              Đăng ký thi đua
            </Button>
          </Form>
        </Card>
      ) : null}
      {chosen && options.length === 0 && tree ? (
        <Alert type="info" showIcon title="Tài khoản của bạn không đăng ký thi đua trực tiếp cho đơn vị nào thuộc phong trào này (đăng ký do đầu mối của cơ quan hoặc cán bộ của địa phương thực hiện)." />
      ) : null}
    </Space>
  );
}
