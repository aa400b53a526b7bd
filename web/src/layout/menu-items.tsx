import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined as VerifyOutlined,
  BookOutlined,
  FlagOutlined,
  FormOutlined,
  FundOutlined,
  HeartOutlined,
  OrderedListOutlined,
  TrophyOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  GlobalOutlined,
  SolutionOutlined,
  CommentOutlined,
  HomeOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '../../../src/domain/access/roles.ts';
import { paths } from '../paths.ts';
import { emulationPaths } from '../pages/emulation/emulation-paths.ts';

interface Entry {
  path: string;
  label: string;
  icon: ReactNode;
  permission: Permission | null;
}

interface Group {
  key: string;
  label: string;
  entries: Entry[];
}

// Groups leave room for the modules to come (hộ nghèo, chỉ tiêu, thi đua, khen thưởng, báo cáo…): each adds a group here.
const groups: Group[] = [
  {
    key: 'chung',
    label: 'Chung',
    entries: [
      { path: paths.home, label: 'Tổng quan', icon: <DashboardOutlined />, permission: null },
      {
        path: paths.units,
        label: 'Đơn vị hành chính',
        icon: <ApartmentOutlined />,
        permission: 'units.read',
      },
    ],
  },
  {
    key: 'giam-ngheo',
    label: 'Giảm nghèo',
    entries: [
      { path: paths.households, label: 'Hộ gia đình', icon: <HomeOutlined />, permission: 'households.read' },
      { path: paths.rounds, label: 'Kỳ rà soát', icon: <ScheduleOutlined />, permission: 'rounds.read' },
      {
        path: paths.applications,
        label: 'Đơn phát sinh trong năm',
        icon: <FieldTimeOutlined />,
        permission: 'households.read',
      },
      { path: paths.imports, label: 'Nhập từ Excel', icon: <FileExcelOutlined />, permission: 'imports.run' },
      { path: paths.stats, label: 'Thống kê giảm nghèo', icon: <BarChartOutlined />, permission: 'rounds.read' },
      { path: paths.public, label: 'Trang công khai', icon: <GlobalOutlined />, permission: null },
    ],
  },
  {
    key: 'bao-cao',
    label: 'Báo cáo, văn bản',
    entries: [
      { path: paths.reports, label: 'Báo cáo', icon: <FileTextOutlined />, permission: 'reports.read' },
      { path: paths.reportTemplates, label: 'Mẫu báo cáo', icon: <FormOutlined />, permission: 'reports.read' },
    ],
  },
  {
    key: 'doi-tuong',
    label: 'Đối tượng tham gia',
    entries: [
      {
        path: paths.organisations,
        label: 'Cơ quan, tổ chức',
        icon: <BankOutlined />,
        permission: 'participants.read',
      },
      { path: paths.individuals, label: 'Cá nhân', icon: <UserOutlined />, permission: 'participants.read' },
      {
        path: paths.groups,
        label: 'Cụm, khối thi đua',
        icon: <ClusterOutlined />,
        permission: 'participants.read',
      },
    ],
  },
  {
    key: 'thi-dua',
    label: 'Thi đua',
    entries: [
      { path: emulationPaths.campaigns, label: 'Phong trào thi đua', icon: <FlagOutlined />, permission: 'emulation.read' },
      { path: emulationPaths.register, label: 'Đăng ký, tự chấm điểm', icon: <FormOutlined />, permission: 'emulation.participate' },
      { path: emulationPaths.status, label: 'Tình hình đăng ký', icon: <OrderedListOutlined />, permission: 'emulation.read' },
      { path: emulationPaths.verification, label: 'Thẩm định, chấm điểm', icon: <VerifyOutlined />, permission: 'emulation.manage' },
      { path: emulationPaths.council, label: 'Hội đồng chấm điểm', icon: <VerifyOutlined />, permission: 'emulation.council' },
      { path: emulationPaths.rankings, label: 'Xếp hạng thi đua', icon: <TrophyOutlined />, permission: 'emulation.read' },
      { path: emulationPaths.library, label: 'Sáng kiến, điển hình', icon: <BookOutlined />, permission: 'emulation.read' },
      { path: emulationPaths.fund, label: 'Quỹ "Vì người nghèo"', icon: <FundOutlined />, permission: 'fund.read' },
      { path: emulationPaths.supportActivities, label: 'Hoạt động hỗ trợ', icon: <HeartOutlined />, permission: 'fund.read' },
      { path: emulationPaths.publicFund, label: 'Công khai Quỹ', icon: <GlobalOutlined />, permission: null },
    ],
  },
  {
    key: 'khen-thuong',
    label: 'Khen thưởng',
    entries: [
      { path: paths.awards, label: 'Hồ sơ đề nghị khen thưởng', icon: <TrophyOutlined />, permission: 'awards.read' },
      { path: paths.awardsQueue, label: 'Thẩm định, Hội đồng', icon: <SolutionOutlined />, permission: 'awards.read' },
      { path: paths.awardsRegistry, label: 'Sổ khen thưởng', icon: <BookOutlined />, permission: 'awards.read' },
      { path: paths.publicAwards, label: 'Lấy ý kiến nhân dân', icon: <CommentOutlined />, permission: null },
    ],
  },
  {
    key: 'quan-tri',
    label: 'Quản trị',
    entries: [
      { path: paths.users, label: 'Người dùng', icon: <TeamOutlined />, permission: 'users.read' },
      { path: paths.audit, label: 'Nhật ký', icon: <AuditOutlined />, permission: 'audit.read' },
    ],
  },
];

/** The menu for this user: only entries their permissions allow, and no empty groups. */
export function menuItemsFor(can: (p: Permission) => boolean): NonNullable<MenuProps['items']> {
  return groups
    .map((g) => ({ ...g, entries: g.entries.filter((e) => e.permission === null || can(e.permission)) }))
    .filter((g) => g.entries.length > 0)
    .map((g) => ({
      type: 'group' as const,
      key: g.key,
      label: g.label,
      children: g.entries.map((e) => ({
        key: e.path,
        icon: e.icon,
        label: <Link to={e.path}>{e.label}</Link>,
      })),
    }));
}

/** The menu key to light up for a location: the longest entry path that starts it. */
export function selectedMenuKey(pathname: string): string {
  const all = groups.flatMap((g) => g.entries.map((e) => e.path));
  const found = all.filter((p) =>
    p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`),
  );
  return found.sort((a, b) => b.length - a.length)[0] ?? '';
}
