import { Link } from 'react-router';
import { Card, Col, Descriptions, Row, Table, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../src/domain/access/roles.ts';
import { useSignedIn } from '../session/session-context.tsx';
import { ScopeName } from '../components/scope-name.tsx';
import { paths } from '../paths.ts';
import { tagline } from '../branding.ts';

const quickLinks: { to: string; title: string; text: string; icon: ReactNode; permission: Permission }[] = [
  {
    to: paths.units,
    title: 'Đơn vị hành chính',
    text: 'Cây đơn vị tại một ngày, lịch sử sáp nhập, đổi tên',
    icon: <ApartmentOutlined />,
    permission: 'units.read',
  },
  {
    to: paths.organisations,
    title: 'Cơ quan, tổ chức',
    text: 'Sở, ban, ngành, đoàn thể, doanh nghiệp, hợp tác xã',
    icon: <BankOutlined />,
    permission: 'participants.read',
  },
  {
    to: paths.individuals,
    title: 'Cá nhân',
    text: 'Cán bộ làm công tác giảm nghèo và các cá nhân khác',
    icon: <UserOutlined />,
    permission: 'participants.read',
  },
  {
    to: paths.groups,
    title: 'Cụm, khối thi đua',
    text: 'Các cụm, khối thi đua theo năm và thành viên',
    icon: <ClusterOutlined />,
    permission: 'participants.read',
  },
  {
    to: paths.users,
    title: 'Người dùng',
    text: 'Tài khoản, vai trò và phạm vi phân quyền',
    icon: <TeamOutlined />,
    permission: 'users.read',
  },
  {
    to: paths.audit,
    title: 'Nhật ký',
    text: 'Ai đã thay đổi gì, khi nào',
    icon: <AuditOutlined />,
    permission: 'audit.read',
  },
];

export default function HomePage() {
  const me = useSignedIn();
  const links = quickLinks.filter((l) => me.can(l.permission));
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Tổng quan
      </Typography.Title>
      <Typography.Paragraph type="secondary">{tagline}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="Tài khoản của bạn">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: 'Họ và tên', children: me.user.fullName },
                { key: 'username', label: 'Tên đăng nhập', children: me.user.username },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="Vai trò và phạm vi">
            <Table
              size="small"
              pagination={false}
              rowKey={(a) => `${a.role}-${a.unitCode ?? a.organisationId ?? ''}`}
              dataSource={me.assignments}
              columns={[
                { title: 'Vai trò', dataIndex: 'roleLabel' },
                {
                  title: 'Phạm vi',
                  render: (_, a) => <ScopeName unitCode={a.unitCode} organisationId={a.organisationId} />,
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              Phạm vi là một đơn vị hành chính (cùng các đơn vị trực thuộc tại ngày của dữ liệu) hoặc một cơ
              quan, tổ chức.
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        Truy cập nhanh
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {links.map((l) => (
          <Col key={l.to} xs={24} md={12} xl={8}>
            <Link to={l.to}>
              <Card hoverable>
                <Card.Meta
                  avatar={<span style={{ fontSize: 28, color: '#0b5cad' }}>{l.icon}</span>}
                  title={l.title}
                  description={l.text}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </div>
  );
}
