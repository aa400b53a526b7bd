import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { App, Button, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { errorMessage } from '../api/client.ts';
import { useSignedIn, useSession } from '../session/session-context.tsx';
import { paths } from '../paths.ts';
import { menuItemsFor, selectedMenuKey } from './menu-items.tsx';
import { ChangePasswordModal } from './change-password-modal.tsx';
import { appName, tagline } from '../branding.ts';

export function AppLayout() {
  const me = useSignedIn();
  const { signOut } = useSession();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const [changingPassword, setChangingPassword] = useState(false);
  const roles = [...new Set(me.assignments.map((a) => a.roleLabel))].join(', ');

  const logout = async () => {
    try {
      await signOut();
      void navigate(paths.login, { replace: true });
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <div style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.25, minWidth: 0, flex: 1 }}>
          <Typography.Text style={{ color: '#fff', fontSize: 22, fontWeight: 700 }}>
            {appName}
          </Typography.Text>
          <Typography.Text style={{ color: '#d6e6f7', fontSize: 13 }} ellipsis>
            {tagline}
          </Typography.Text>
        </div>
        <Space size="middle" style={{ color: '#fff' }}>
          <Space orientation="vertical" size={0} style={{ lineHeight: 1.3, textAlign: 'right' }}>
            <span className="current-user" style={{ fontWeight: 600 }}>
              <UserOutlined /> {me.user.fullName}
            </span>
            <span style={{ fontSize: 13, color: '#d6e6f7' }}>{roles}</span>
          </Space>
          <Tooltip title="Đổi mật khẩu">
            <Button icon={<KeyOutlined />} onClick={() => setChangingPassword(true)}>
              Đổi mật khẩu
            </Button>
          </Tooltip>
          <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
            Đăng xuất
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={240}
          breakpoint="lg"
          collapsedWidth={0}
          style={{ borderRight: '1px solid #e5e9f0' }}
        >
          <Menu
            mode="inline"
            aria-label="Danh mục chức năng"
            selectedKeys={[selectedMenuKey(location.pathname)]}
            items={menuItemsFor(me.can)}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}
