/**
 * 单位 → one unit (committee mode): that unit's ledger as it reported it, READ-ONLY and scoped to
 * it — its 工作台 figures, organisation tree, 两委 and terms, roster (masked), meetings and
 * calendar, training and coverage, its annual report. The screens are the unit's own (mounted by
 * the router under /units/<id>); this layout sets their scope and says who owns the records.
 */
import { useMemo } from 'react';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { Alert, Breadcrumb, Button, Menu, Result, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { registerEntry } from '../../db/queries/register';
import { pathInScope, UnitScopeProvider, type UnitScope } from '../common/unitScope';
import { useAppQuery } from '../common/useAppQuery';
import { unitLastBundleText } from './registerText';

/** The sections of a unit's ledger, as paths inside the unit's scope. */
export const UNIT_SECTIONS = [
  { key: '/', label: '概况' },
  { key: '/organisations', label: '组织与党员' },
  { key: '/meetings', label: '三会一课' },
  { key: '/training', label: '教育培训' },
  { key: '/funds', label: '经费保障' },
  { key: '/care', label: '关怀激励' },
  { key: '/rectification', label: '整改落实' },
  { key: '/projects', label: '书记项目' },
  { key: '/duties', label: '三级五岗' },
  { key: '/reports', label: '报表' },
] as const;

export function sectionOf(inScopePath: string): string {
  const hit = UNIT_SECTIONS.filter((s) => s.key !== '/' && (inScopePath === s.key || inScopePath.startsWith(`${s.key}/`)));
  return hit[0]?.key ?? '/';
}

export function UnitContextLayout({ committeeId }: { committeeId: string }) {
  const { unitId = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const entry = useAppQuery(registerEntry, unitId);
  const basePath = `/units/${encodeURIComponent(unitId)}`;
  const scope = useMemo<UnitScope | null>(
    () => (entry ? { unitId, name: entry.unit.name, mode: 'committee', readOnly: true, basePath, committeeId } : null),
    [entry, unitId, basePath, committeeId],
  );
  if (entry === undefined) return <Spin description="正在读取…" />;
  if (entry === null || !scope)
    return <Result status="404" title="纳管名册中没有这个单位" extra={<Button onClick={() => void navigate('/units')}>返回单位名册</Button>} />;
  const section = sectionOf(pathInScope(scope, location.pathname));
  return (
    <UnitScopeProvider scope={scope}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Breadcrumb items={[{ title: <a onClick={() => void navigate('/units')}>单位</a> }, { title: entry.unit.name }]} />
        <Space align="center" wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回单位名册" onClick={() => void navigate('/units')} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="unit-context-title">
            {entry.unit.name}
          </Typography.Title>
          <Typography.Text type="secondary">{unitLastBundleText(entry)}</Typography.Text>
        </Space>
        <Alert
          type="info"
          showIcon
          data-testid="read-only-banner"
          title="只读：以下是该单位通过同步包报送的台账，记录由该单位维护，工委只能查看。需要更正时请通知该单位修改后重新报送。"
        />
        <Menu
          mode="horizontal"
          aria-label="单位台账"
          selectedKeys={[section]}
          items={UNIT_SECTIONS.map((s) => ({ key: s.key, label: s.label }))}
          onClick={({ key }) => void navigate(key === '/' ? basePath : `${basePath}${key}`)}
        />
        <Outlet />
      </Space>
    </UnitScopeProvider>
  );
}
