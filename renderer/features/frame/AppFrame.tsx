/** The app frame: title bar with the workspace, sidebar with the areas, and the page. */
import { useEffect } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Layout, Menu, Tag, Typography, theme } from 'antd';
import { WORKSPACE_MODE_LABELS } from '../../../shared/model/vocabulary';
import type { WorkspaceRow } from '../../db/localTypes';
import { useUiStore } from '../../store/uiStore';
import { areasFor, type Area } from './navigation';

const { Header, Sider, Content } = Layout;

export function areaKeyForPath(areas: readonly Area[], pathname: string): string {
  const match = areas.filter((a) => a.path !== '/' && (pathname === a.path || pathname.startsWith(`${a.path}/`)));
  return match[0]?.key ?? areas[0]!.key;
}

export function AppFrame({ workspace }: { workspace: WorkspaceRow }) {
  const navigate = useNavigate();
  const location = useLocation();
  const collapsed = useUiStore((s) => s.sidebarCollapsed);
  const setCollapsed = useUiStore((s) => s.setSidebarCollapsed);
  const { token } = theme.useToken();
  const modeLabel = WORKSPACE_MODE_LABELS[workspace.mode];
  const areas = areasFor(workspace.mode);

  useEffect(() => {
    document.title = `机关党建台账 — ${workspace.name}（${modeLabel}）`;
  }, [workspace.name, modeLabel]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        data-testid="title-bar"
        style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: 20, background: token.colorPrimary }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, letterSpacing: 1 }}>
          机关党建台账
        </Typography.Text>
        <Tag color="gold" style={{ marginInlineStart: 8 }} data-testid="workspace-mode">
          {modeLabel}
        </Tag>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.92)' }} data-testid="workspace-name">
          {workspace.name}
        </Typography.Text>
      </Header>
      <Layout>
        <Sider
          width={200}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <nav aria-label="功能区">
            <Menu
              mode="inline"
              selectedKeys={[areaKeyForPath(areas, location.pathname)]}
              items={areas.map((a) => ({ key: a.key, icon: a.icon, label: a.label }))}
              onClick={({ key }) => {
                const area = areas.find((a) => a.key === key);
                if (area) void navigate(area.path);
              }}
              style={{ borderInlineEnd: 0 }}
            />
          </nav>
        </Sider>
        <Content style={{ padding: 24, background: token.colorBgLayout }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
