/**
 * 组织与党员: the area's three screens as tabs (组织树, 换届预警, 党员花名册), each with its own URL.
 * The roster is the members feature's page, handed in by renderer/App.tsx (no feature imports another).
 */
import type { ReactNode } from 'react';
import { Tabs } from 'antd';
import { useScopedNavigate, useScopedPathname } from '../common/unitScope';
import { OrganisationTreePage } from './OrganisationTreePage';
import { TermBoardPage } from './TermBoardPage';

export function OrganisationsArea({ roster }: { roster: ReactNode }) {
  const pathname = useScopedPathname();
  const navigate = useScopedNavigate();
  const TABS = [
    { key: '/organisations', label: '组织树', element: <OrganisationTreePage /> },
    { key: '/organisations/terms', label: '换届三色预警', element: <TermBoardPage /> },
    { key: '/organisations/members', label: '党员花名册', element: roster },
  ];
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
