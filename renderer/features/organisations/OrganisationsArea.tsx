/** 组织与党员: the area's three screens as tabs (组织树, 换届预警, 党员花名册), each with its own URL. */
import { Tabs } from 'antd';
import { useScopedNavigate, useScopedPathname } from '../common/unitScope';
import { MembersPage } from '../members/MembersPage';
import { OrganisationTreePage } from './OrganisationTreePage';
import { TermBoardPage } from './TermBoardPage';

const TABS = [
  { key: '/organisations', label: '组织树', element: <OrganisationTreePage /> },
  { key: '/organisations/terms', label: '换届三色预警', element: <TermBoardPage /> },
  { key: '/organisations/members', label: '党员花名册', element: <MembersPage /> },
];

export function OrganisationsArea() {
  const pathname = useScopedPathname();
  const navigate = useScopedNavigate();
  const active = TABS.find((t) => t.key === pathname)?.key ?? '/organisations';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => void navigate(key)}
      destroyOnHidden
      items={TABS.map((t) => ({ key: t.key, label: t.label, children: t.element }))}
    />
  );
}
