/** 三会一课: the area's screens as tabs; the record form has its own page. */
import { Tabs } from 'antd';
import { useScopedNavigate, useScopedPathname } from '../common/unitScope';
import { ComplianceCalendarPage } from './ComplianceCalendarPage';
import { MeetingListPage } from './MeetingListPage';
import { MemberAttendancePage } from './MemberAttendancePage';
import { UnitOverviewPage } from './UnitOverviewPage';

const TABS = [
  { key: '/meetings', label: '会议记录', element: <MeetingListPage /> },
  { key: '/meetings/calendar', label: '完成情况日历', element: <ComplianceCalendarPage /> },
  { key: '/meetings/overview', label: '全单位概览', element: <UnitOverviewPage /> },
  { key: '/meetings/attendance', label: '党员出勤', element: <MemberAttendancePage /> },
];

export function MeetingsArea() {
  const pathname = useScopedPathname();
  const navigate = useScopedNavigate();
  const active = TABS.find((t) => t.key === pathname)?.key ?? '/meetings';
  return <Tabs activeKey={active} onChange={(key) => void navigate(key)} destroyOnHidden items={TABS.map((t) => ({ key: t.key, label: t.label, children: t.element }))} />;
}
