/**
 * The areas of the app, in sidebar order, per workspace mode: a unit keeps its ledger; the 工委
 * sees the city (全市概况), its register of units (单位 → one unit's ledger, read-only) and its own
 * areas. Areas without pages yet say 建设中.
 */
import type { ReactNode } from 'react';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';
import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FundProjectionScreenOutlined,
  BankOutlined,
  FlagOutlined,
  HeartOutlined,
  SettingOutlined,
  SolutionOutlined,
  SwapOutlined,
  ToolOutlined,
} from '@ant-design/icons';

export interface Area {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
  /** One line on what the area will hold, shown on its 建设中 page. */
  purpose: string;
}

export const UNIT_AREAS: readonly Area[] = [
  { key: 'workbench', path: '/', label: '工作台', icon: <DashboardOutlined />, purpose: '本单位党建工作概况、待办事项和预警提醒。' },
  { key: 'organisations', path: '/organisations', label: '组织与党员', icon: <ApartmentOutlined />, purpose: '党组织树、“两委”班子、任期与换届三色预警、党员花名册。' },
  { key: 'meetings', path: '/meetings', label: '三会一课', icon: <CalendarOutlined />, purpose: '“三会一课”、主题党日、组织生活会等会议记录、出勤与完成情况日历。' },
  { key: 'training', path: '/training', label: '教育培训', icon: <BookOutlined />, purpose: '培训班次、报名与考勤、学时和全员覆盖情况。' },
  { key: 'projects', path: '/projects', label: '书记项目', icon: <FlagOutlined />, purpose: '党组(党委)书记项目的目标、进度与评价。' },
  { key: 'duties', path: '/duties', label: '三级五岗', icon: <SolutionOutlined />, purpose: '三级五岗职责清单：各层级岗位的责任人、职责事项和年度自查。' },
  { key: 'rectification', path: '/rectification', label: '整改落实', icon: <ToolOutlined />, purpose: '巡视巡察、督导、考核发现问题的整改措施、时限与销号。' },
  { key: 'funds', path: '/funds', label: '经费保障', icon: <AccountBookOutlined />, purpose: '党建经费预算科目与支出明细。' },
  { key: 'care', path: '/care', label: '关怀激励', icon: <HeartOutlined />, purpose: '走访慰问党员、表彰先进典型、党建宣传稿件。' },
  { key: 'sync', path: '/sync', label: '同步', icon: <SwapOutlined />, purpose: '用U盘与市委直属机关工委交换加密同步包、回执与通知。' },
  { key: 'reports', path: '/reports', label: '报表', icon: <BarChartOutlined />, purpose: '年度落实机关党建主体责任情况报告、会议记录、签到表、花名册等 PDF 报表。' },
  { key: 'settings', path: '/settings', label: '设置', icon: <SettingOutlined />, purpose: '本机工作模式、单位信息、设备身份与数据存储。' },
];

export const COMMITTEE_AREAS: readonly Area[] = [
  { key: 'city', path: '/', label: '全市概况', icon: <FundProjectionScreenOutlined />, purpose: '全市各单位“三会一课”完成情况、换届三色预警、培训覆盖率、专职党务干部配备和报送及时性。' },
  { key: 'units', path: '/units', label: '单位', icon: <BankOutlined />, purpose: '纳管单位名册；逐个单位查看其报送的台账（只读）。' },
  { key: 'accountability', path: '/accountability', label: '督责问责', icon: <AlertOutlined />, purpose: '向单位亮红黄牌、发通知，登记联系组督导检查，跟踪单位整改和阅读情况。' },
  { key: 'training', path: '/training', label: '教育培训', icon: <BookOutlined />, purpose: '工委组织的培训班及各单位参训情况。' },
  { key: 'sync', path: '/sync', label: '同步', icon: <SwapOutlined />, purpose: '纳管登记、批量导入各单位同步包、批量生成回执。' },
  { key: 'reports', path: '/reports', label: '报表', icon: <BarChartOutlined />, purpose: '全市机关党建情况汇总报告等 PDF 报表。' },
  { key: 'settings', path: '/settings', label: '设置', icon: <SettingOutlined />, purpose: '本机工作模式、工委信息、密钥备份与规则配置。' },
];

export function areasFor(mode: WorkspaceMode): readonly Area[] {
  return mode === 'committee' ? COMMITTEE_AREAS : UNIT_AREAS;
}
