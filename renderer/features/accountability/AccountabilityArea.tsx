/**
 * 督责问责 (the committee): 红黄牌, 通知, 季度考核, 年度汇总 (年度考核参考), 述职评议 and 督导检查 (联系组 visits) as
 * tabs with their own URLs.
 */
import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { CardRegisterPage } from './CardRegisterPage';
import { DutyReviewPage } from './DutyReviewPage';
import { MonitoringPage } from './MonitoringPage';
import { NoticesPage } from './NoticesPage';
import { SupervisionVisitsPage } from './SupervisionVisitsPage';
import { YearViewPage } from './YearViewPage';

const CARDS = '/accountability';
const NOTICES = '/accountability/notices';
const MONITORING = '/accountability/monitoring';
const REVIEWS = '/accountability/reviews';
const YEAR = '/accountability/year';
const VISITS = '/accountability/visits';

export function AccountabilityArea() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = [NOTICES, MONITORING, YEAR, REVIEWS, VISITS].includes(pathname) ? pathname : CARDS;
  return (
    <Tabs
      activeKey={active}
      onTabClick={(key) => {
        if (key !== pathname) void navigate(key);
      }}
      destroyOnHidden
      items={[
        { key: CARDS, label: '红黄牌', children: <CardRegisterPage /> },
        { key: NOTICES, label: '通知', children: <NoticesPage /> },
        { key: MONITORING, label: '季度考核', children: <MonitoringPage /> },
        { key: YEAR, label: '年度汇总', children: <YearViewPage /> },
        { key: REVIEWS, label: '述职评议', children: <DutyReviewPage /> },
        { key: VISITS, label: '督导检查', children: <SupervisionVisitsPage /> },
      ]}
    />
  );
}
