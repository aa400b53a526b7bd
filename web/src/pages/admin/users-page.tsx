import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { KeyOutlined, LockOutlined, PlusOutlined, TeamOutlined, UnlockOutlined } from '@ant-design/icons';
import { roleLabels } from '../../../../src/domain/access/roles.ts';
import { formatDateTime, formatNumber } from '../../../../src/shared/vi-format.ts';
import { compareVi, matchesSearch } from '../../../../src/shared/vi-text.ts';
import { errorMessage } from '../../api/client.ts';
import { usersApi, type UserDto } from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { ScopeName } from '../../components/scope-name.tsx';
import { todayIso } from '../../lib/dates.ts';
import { cachedTree } from '../../lib/reference-cache.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import {
  AssignmentsEditor,
  toAssignmentInputs,
  toAssignmentRows,
  type AssignmentRow,
} from './assignments-editor.tsx';

interface CreateValues {
  username: string;
  fullName: string;
  password: string;
  assignments: AssignmentRow[];
}

function useProvinceCode(): string {
  const { data } = useApi(() => cachedTree(todayIso()), []);
  return data?.nodes.find((n) => n.level === 'province')?.code ?? '';
}

function CreateUserModal({
  open,
  provinceCode,
  onClose,
  onSaved,
}: {
  open: boolean;
  provinceCode: string;
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const submit = async (v: CreateValues) => {
    setSaving(true);
    setError(null);
    try {
      const created = await usersApi.create({
        username: v.username,
        fullName: v.fullName,
        password: v.password,
        assignments: toAssignmentInputs(v.assignments),
      });
      void message.success(`Đã tạo tài khoản ${created.username}.`);
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
      title="Tạo người dùng"
      open={open}
      width={760}
      okText="Tạo"
      cancelText="Huỷ"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        name="create-user"
        layout="vertical"
        initialValues={{
          assignments: [{ role: 'viewer', scopeType: 'unit', unitCode: provinceCode || undefined }],
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="username"
          label="Tên đăng nhập"
          extra="3–50 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới"
          rules={[{ required: true, message: 'Nhập tên đăng nhập' }]}
        >
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item
          name="fullName"
          label="Họ và tên"
          rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="password"
          label="Mật khẩu ban đầu"
          rules={[{ required: true, message: 'Nhập mật khẩu' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <AssignmentsEditor provinceCode={provinceCode} />
        {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
      </Form>
    </Modal>
  );
}

function RolesModal({
  user,
  provinceCode,
  onClose,
  onSaved,
}: {
  user: UserDto | null;
  provinceCode: string;
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm<{ assignments: AssignmentRow[] }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const submit = async (v: { assignments: AssignmentRow[] }) => {
    if (!user) return;
    setSaving(true);
    setError(null);
    try {
      await usersApi.setAssignments(user.id, toAssignmentInputs(v.assignments));
      void message.success(`Đã cập nhật vai trò của ${user.username}.`);
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={user ? `Vai trò và phạm vi: ${user.fullName}` : ''}
      open={user !== null}
      width={760}
      okText="Lưu"
      cancelText="Huỷ"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {user ? (
        <Form
          form={form}
          name="user-roles"
          layout="vertical"
          initialValues={{ assignments: toAssignmentRows(user.assignments) }}
          onFinish={(v) => void submit(v)}
        >
          <AssignmentsEditor provinceCode={provinceCode} />
          {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
        </Form>
      ) : null}
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserDto | null; onClose(): void }) {
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const submit = async (v: { password: string }) => {
    if (!user) return;
    setSaving(true);
    setError(null);
    try {
      await usersApi.resetPassword(user.id, { password: v.password });
      void message.success(`Đã đặt lại mật khẩu cho ${user.username}.`);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={user ? `Đặt lại mật khẩu: ${user.username}` : ''}
      open={user !== null}
      okText="Đặt lại"
      cancelText="Huỷ"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} name="reset-password" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="password"
          label="Mật khẩu mới"
          rules={[{ required: true, message: 'Nhập mật khẩu mới' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

export default function UsersPage() {
  const me = useSignedIn();
  const canWrite = me.can('users.write');
  const { data, error, loading, reload } = useApi(() => usersApi.list(), []);
  const provinceCode = useProvinceCode();
  const { message } = App.useApp();
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const [editingRoles, setEditingRoles] = useState<UserDto | null>(null);
  const [resetting, setResetting] = useState<UserDto | null>(null);
  const rows = useMemo(
    () => (data ?? []).filter((u) => !filter.trim() || matchesSearch(`${u.username} ${u.fullName}`, filter)),
    [data, filter],
  );

  const setActive = async (user: UserDto, active: boolean) => {
    try {
      await usersApi.update(user.id, { active });
      void message.success(active ? `Đã mở khoá ${user.username}.` : `Đã khoá ${user.username}.`);
      reload();
    } catch (failure) {
      void message.error(errorMessage(failure));
    }
  };

  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Người dùng
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
          <Input.Search
            aria-label="Tìm người dùng"
            placeholder="Tìm theo tên đăng nhập hoặc họ tên"
            allowClear
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            style={{ width: 340 }}
          />
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Tạo người dùng
            </Button>
          ) : null}
        </Space>
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
        <Table<UserDto>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          pagination={{
            pageSize: 20,
            showSizeChanger: false,
            showTotal: (total) => `${formatNumber(total)} người dùng`,
          }}
          columns={[
            {
              title: 'Tên đăng nhập',
              dataIndex: 'username',
              sorter: (a, b) => compareVi(a.username, b.username),
              defaultSortOrder: 'ascend',
            },
            {
              title: 'Họ và tên',
              key: 'fullName',
              sorter: (a, b) => compareVi(a.fullName, b.fullName),
              render: (_, u) => (
                <>
                  {u.fullName}
                  <DemoTag show={u.isDemo} />
                </>
              ),
            },
            {
              title: 'Vai trò và phạm vi',
              key: 'assignments',
              render: (_, u) => (
                <div>
                  {u.assignments.map((a) => (
                    <div key={`${a.role}-${a.unitCode ?? a.organisationId ?? ''}`}>
                      <Tag color="blue">{roleLabels[a.role]}</Tag>
                      <ScopeName unitCode={a.unitCode} organisationId={a.organisationId} />
                    </div>
                  ))}
                </div>
              ),
            },
            {
              title: 'Trạng thái',
              key: 'active',
              width: 140,
              render: (_, u) =>
                u.active ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="red">Đã khoá</Tag>,
            },
            {
              title: 'Ngày tạo',
              key: 'createdAt',
              width: 150,
              render: (_, u) => formatDateTime(u.createdAt),
            },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'actions',
                    width: 140,
                    render: (_: unknown, u: UserDto) => (
                      <Space orientation="vertical" size={4}>
                        <Button size="small" icon={<TeamOutlined />} onClick={() => setEditingRoles(u)} block>
                          Đổi vai trò
                        </Button>
                        <Button size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)} block>
                          Đặt lại mật khẩu
                        </Button>
                        {u.id === me.user.id ? null : u.active ? (
                          <Popconfirm
                            title={`Khoá tài khoản ${u.username}?`}
                            description="Người này sẽ không đăng nhập được nữa."
                            okText="Khoá"
                            cancelText="Không"
                            onConfirm={() => setActive(u, false)}
                          >
                            <Button size="small" danger icon={<LockOutlined />} block>
                              Khoá
                            </Button>
                          </Popconfirm>
                        ) : (
                          <Button
                            size="small"
                            icon={<UnlockOutlined />}
                            onClick={() => void setActive(u, true)}
                            block
                          >
                            Mở khoá
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <CreateUserModal
        open={creating}
        provinceCode={provinceCode}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          reload();
        }}
      />
      <RolesModal
        user={editingRoles}
        provinceCode={provinceCode}
        onClose={() => setEditingRoles(null)}
        onSaved={() => {
          setEditingRoles(null);
          reload();
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
