/**
 * 教育培训: 培训班 (the list, and one class's detail at /training/classes/:id) and 学时与覆盖率, as
 * tabs with their own URLs.
 */
import { Tabs } from 'antd';
import { useScopedNavigate, useScopedPathname } from '../common/unitScope';
import { ClassDetailPage } from './ClassDetailPage';
import { CoveragePage } from './CoveragePage';
import { TrainingClassesPage } from './TrainingClassesPage';

const CLASSES = '/training';
const COVERAGE = '/training/coverage';
const DETAIL = /^\/training\/classes\/([^/]+)$/;

export function TrainingArea() {
  const pathname = useScopedPathname();
  const navigate = useScopedNavigate();
  const detail = DETAIL.exec(pathname)?.[1];
  const active = pathname === COVERAGE ? COVERAGE : CLASSES;
  return (
    <Tabs
      activeKey={active}
      onTabClick={(key) => {
        // also from a class's page back to the list
        if (key !== pathname) void navigate(key);
      }}
      destroyOnHidden
      items={[
        { key: CLASSES, label: '培训班', children: detail ? <ClassDetailPage classId={decodeURIComponent(detail)} /> : <TrainingClassesPage /> },
        { key: COVERAGE, label: '学时与覆盖率', children: <CoveragePage /> },
      ]}
    />
  );
}
