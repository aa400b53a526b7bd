import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { formatNumber } from '../../../../src/shared/vi-format.ts';
import { groupKindLabels } from '../../../../src/shared/schemas/participants.schema.ts';
import { errorMessage } from '../../api/client.ts';
import {
  participantsApi,
  type CreateGroupInput,
  type GroupDto,
  type GroupMemberDto,
} from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { OrganisationSelect } from '../../components/organisation-select.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { todayIso } from '../../lib/dates.ts';
import { useApi } from '../../lib/use-api.ts';
import { unitPath } from '../../paths.ts';
import { useSignedIn } from '../../session/session-context.tsx';

type GroupKind = CreateGroupInput['kind'];
const kindOptions = (Object.keys(groupKindLabels) as GroupKind[]).map((k) => ({
  value: k,
  label: groupKindLabels[k],
}));

/** Members of a year's cluster are the units of that year: 31/12 of the year, or today for the running year. */
function memberDate(year: number): string {
  const end = `${year}-12-31`;
  const today = todayIso();
  return end < today ? end : today;
}

function CreateGroupModal({
  open,
  year,
  onClose,
  onSaved,
}: {
  open: boolean;
  year: number;
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm<CreateGroupInput>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const submit = async (v: CreateGroupInput) => {
    setSaving(true);
    setError(null);
    try {
      const created = await participantsApi.createGroup(v);
      void message.success(`Đã lập ${created.name}.`);
      form.resetFields();
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="Lập cụm, khối thi đua"
      open={open}
      okText="Lập"
      cancelText="Huỷ"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CreateGroupInput>
        form={form}
        name="create-group"
        layout="vertical"
        initialValues={{ year, kind: 'cluster' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="kind" label="Loại" rules={[{ required: true }]}>
          <Radio.Group options={kindOptions} />
        </Form.Item>
        <Form.Item
          name="name"
          label="Tên"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên cụm, khối' }]}
        >
          <Input maxLength={200} placeholder="Ví dụ: Cụm thi đua số 1 các xã, phường" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

interface MemberValues {
  memberType: 'unit' | 'organisation';
  unitCode?: string;
  organisationId?: string;
}

function AddMemberModal({
  group,
  onClose,
  onSaved,
}: {
  group: GroupDto | null;
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm<MemberValues>();
  const memberType = Form.useWatch('memberType', form);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const submit = async (v: MemberValues) => {
    if (!group) return;
    setSaving(true);
    setError(null);
    try {
      await participantsApi.addMember(
        group.id,
        v.memberType === 'unit' ? { unitCode: v.unitCode } : { organisationId: v.organisationId },
      );
      void message.success(`Đã thêm thành viên vào ${group.name}.`);
      form.resetFields();
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={group ? `Thêm thành viên: ${group.name}` : ''}
      open={group !== null}
      okText="Thêm"
      cancelText="Huỷ"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<MemberValues>
        form={form}
        name="add-member"
        layout="vertical"
        initialValues={{ memberType: group?.kind === 'block' ? 'organisation' : 'unit' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="memberType" label="Thành viên là">
          <Radio.Group
            options={[
              { value: 'unit', label: 'Đơn vị hành chính' },
              { value: 'organisation', label: 'Cơ quan, tổ chức' },
            ]}
          />
        </Form.Item>
        {memberType === 'organisation' ? (
          <Form.Item
            name="organisationId"
            label="Cơ quan, tổ chức"
            rules={[{ required: true, message: 'Chọn cơ quan, tổ chức' }]}
          >
            <OrganisationSelect />
          </Form.Item>
        ) : (
          <Form.Item
            name="unitCode"
            label={`Đơn vị hành chính (năm ${group?.year ?? ''})`}
            rules={[{ required: true, message: 'Chọn đơn vị hành chính' }]}
          >
            <UnitSelect asOf={group ? memberDate(group.year) : undefined} />
          </Form.Item>
        )}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

function GroupCard({
  group,
  canWrite,
  onAdd,
  onChanged,
}: {
  group: GroupDto;
  canWrite: boolean;
  onAdd(): void;
  onChanged(): void;
}) {
  const { message } = App.useApp();
  const remove = async (member: GroupMemberDto) => {
    try {
      await participantsApi.removeMember(group.id, member.id);
      void message.success(`Đã bỏ ${member.name} khỏi ${group.name}.`);
      onChanged();
    } catch (failure) {
      void message.error(errorMessage(failure));
    }
  };
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{group.name}</span>}
      extra={
        canWrite ? (
          <Button size="small" icon={<UserAddOutlined />} onClick={onAdd}>
            Thêm thành viên
          </Button>
        ) : null
      }
    >
      <Space size={4} style={{ marginBottom: 8 }}>
        <Tag color={group.kind === 'cluster' ? 'blue' : 'green'}>{groupKindLabels[group.kind]}</Tag>
        <Typography.Text type="secondary">năm {group.year}</Typography.Text>
        <DemoTag show={group.isDemo} />
      </Space>
      <Table<GroupMemberDto>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={group.members}
        locale={{ emptyText: 'Chưa có thành viên' }}
        columns={[
          { title: 'STT', key: 'index', width: 56, render: (_, __, i) => i + 1 },
          {
            title: `Thành viên (${formatNumber(group.members.length)})`,
            key: 'name',
            render: (_, m) =>
              m.unitCode ? <Link to={unitPath(m.unitCode, memberDate(group.year))}>{m.name}</Link> : m.name,
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 70,
                  render: (_: unknown, m: GroupMemberDto) => (
                    <Popconfirm
                      title={`Bỏ ${m.name} khỏi ${group.name}?`}
                      okText="Bỏ"
                      cancelText="Không"
                      onConfirm={() => remove(m)}
                    >
                      <Button
                        size="small"
                        danger
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={`Bỏ ${m.name}`}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export default function EmulationGroupsPage() {
  const me = useSignedIn();
  const canWrite = me.can('participants.write');
  // All years at once: a few dozen groups; the year list comes from the data itself.
  const { data, error, loading, reload } = useApi(() => participantsApi.groups(), []);
  const currentYear = Number(todayIso().slice(0, 4));
  const years = useMemo(
    () => [...new Set([currentYear, ...(data ?? []).map((g) => g.year)])].sort((a, b) => b - a),
    [data, currentYear],
  );
  const latestWithData =
    data && data.length > 0
      ? Math.max(...data.map((g) => g.year).filter((y) => y <= currentYear))
      : currentYear;
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const year = chosenYear ?? latestWithData;
  const groups = (data ?? []).filter((g) => g.year === year);
  const [creating, setCreating] = useState(false);
  const [addingTo, setAddingTo] = useState<GroupDto | null>(null);

  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Cụm, khối thi đua
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space>
            <Typography.Text strong>Năm</Typography.Text>
            <Select
              aria-label="Năm"
              value={year}
              onChange={setChosenYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              style={{ width: 120 }}
            />
            <Typography.Text type="secondary">
              {formatNumber(groups.filter((g) => g.kind === 'cluster').length)} cụm,{' '}
              {formatNumber(groups.filter((g) => g.kind === 'block').length)} khối
            </Typography.Text>
          </Space>
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Lập cụm, khối thi đua
            </Button>
          ) : null}
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      {!loading && groups.length === 0 ? (
        <Empty description={`Chưa có cụm, khối thi đua nào cho năm ${year}`} />
      ) : null}
      <Row gutter={[16, 16]}>
        {groups.map((g) => (
          <Col key={g.id} xs={24} xl={12}>
            <GroupCard group={g} canWrite={canWrite} onAdd={() => setAddingTo(g)} onChanged={reload} />
          </Col>
        ))}
      </Row>
      <CreateGroupModal
        open={creating}
        year={year}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          reload();
        }}
      />
      <AddMemberModal
        group={addingTo}
        onClose={() => setAddingTo(null)}
        onSaved={() => {
          setAddingTo(null);
          reload();
        }}
      />
    </div>
  );
}
