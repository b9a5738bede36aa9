/**
 * 党员花名册: search by name or pinyin initials, filter by organisation, status, category and cadre;
 * paginated so thousands of members stay smooth; ID numbers and phones masked by default.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, Radio, Select, Space, Spin, Table, Tag, TreeSelect, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Member } from '../../../shared/model/member';
import { maskBirthDate } from '../../../shared/model/idNumber';
import { CADRE_KIND_LABELS, GENDER_LABELS, MEMBERSHIP_KIND_LABELS, MEMBER_STATUSES, MEMBER_STATUS_LABELS, MEMBERSHIP_KINDS, type MemberStatus, type MembershipKind } from '../../../shared/model/vocabulary';
import { subtreeIds } from '../../../shared/rules/organisations/setupHints';
import { recordFullExport } from '../../db/memberRepository';
import { sessionWriteContext } from '../../db/session';
import { platform } from '../../platform';
import { todayIso } from '../common/today';
import { useUnitLedger } from '../common/useUnitLedger';
import { useUnitScope, WriteOnly } from '../common/unitScope';
import { organisationTreeSelectData } from '../common/organisationTreeSelect';
import { MemberFormDrawer } from './MemberFormDrawer';
import { matchesSearch, searchKey, type SearchKey } from './memberSearch';
import { RosterImportModal } from './RosterImportModal';
import { rosterWorkbook } from './rosterExport';
import { SensitiveValue } from './SensitiveValue';
import { StatusModal } from './StatusModal';
import { TransferModal } from './TransferModal';
import { compareChinese } from '../../../shared/rules/collation';

type CadreFilter = 'any' | 'fullTime' | 'partTime' | 'cadre';

export function MembersPage() {
  const data = useUnitLedger();
  const { readOnly, name } = useUnitScope();
  const { modal, message } = App.useApp();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [orgFilter, setOrgFilter] = useState<string | undefined>();
  const [statusFilter, setStatusFilter] = useState<MemberStatus | undefined>('active');
  const [membershipFilter, setMembershipFilter] = useState<MembershipKind | undefined>();
  const [cadreFilter, setCadreFilter] = useState<CadreFilter>('any');
  const [drawer, setDrawer] = useState<{ editing: Member | null } | null>(null);
  const [transfer, setTransfer] = useState<Member | null>(null);
  const [statusFor, setStatusFor] = useState<readonly Member[] | null>(null);
  // the members ticked for a change in bulk (only those the filters show count)
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [importing, setImporting] = useState(false);

  const organisations = useMemo(() => data?.organisations ?? [], [data]);
  const members = useMemo(() => data?.members ?? [], [data]);
  const keys = useMemo(() => new Map<string, SearchKey>(members.map((m) => [m.id, searchKey(m.name, m.idNumber)])), [members]);
  const orgName = useMemo(() => new Map(organisations.map((o) => [o.id, o.name])), [organisations]);
  const treeData = useMemo(() => organisationTreeSelectData(organisations), [organisations]);

  const filtered = useMemo(() => {
    const inOrg = orgFilter ? subtreeIds(orgFilter, organisations) : null;
    return members
      .filter(
        (m) =>
          (!inOrg || inOrg.has(m.organisationId)) &&
          (!statusFilter || m.status === statusFilter) &&
          (!membershipFilter || m.membership === membershipFilter) &&
          (cadreFilter === 'any' || (cadreFilter === 'cadre' ? m.cadre !== null : m.cadre === cadreFilter)) &&
          matchesSearch(keys.get(m.id)!, deferredQuery),
      )
      .sort((a, b) => compareChinese(a.name, b.name));
  }, [members, organisations, keys, orgFilter, statusFilter, membershipFilter, cadreFilter, deferredQuery]);

  const shownSelected = useMemo(() => {
    const ticked = new Set(selected);
    return filtered.filter((m) => ticked.has(m.id));
  }, [filtered, selected]);

  if (!data) return <Spin description="正在读取…" />;

  /** The committee's copy: masked only (the full roster is the unit's to export). */
  async function exportMasked() {
    const bytes = await rosterWorkbook(filtered, organisations, false);
    const saved = await platform().saveFile(`${name}_党员花名册_${todayIso()}.xlsx`, bytes, [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
    if (saved.saved) void message.success(`已导出 ${filtered.length} 人（脱敏）`);
  }

  function exportRoster() {
    let full = false;
    if (readOnly) return void exportMasked();

    modal.confirm({
      title: '导出花名册',
      content: (
        <Radio.Group defaultValue={false} onChange={(e) => (full = e.target.value as boolean)} style={{ marginTop: 8 }}>
          <Space orientation="vertical">
            <Radio value={false}>脱敏导出（身份证号、电话部分隐藏）— 推荐</Radio>
            <Radio value={true}>完整导出（含完整身份证号、电话，将记入操作日志）</Radio>
          </Space>
        </Radio.Group>
      ),
      okText: '导出',
      cancelText: '取消',
      onOk: async () => {
        const bytes = await rosterWorkbook(filtered, organisations, full);
        if (full) await recordFullExport(await sessionWriteContext(), filtered.length);
        const saved = await platform().saveFile(`党员花名册_${todayIso()}${full ? '_完整' : ''}.xlsx`, bytes, [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
        if (saved.saved) void message.success(`已导出 ${filtered.length} 人`);
      },
    });
  }

  return (
    <Card
      title="党员花名册"
      extra={
        <Space>
          <WriteOnly>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} disabled={organisations.length === 0}>
              导入花名册
            </Button>
          </WriteOnly>
          <Button icon={<DownloadOutlined />} onClick={exportRoster} disabled={members.length === 0}>
            导出花名册
          </Button>
          <WriteOnly>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ editing: null })} disabled={organisations.length === 0}>
              登记党员
            </Button>
          </WriteOnly>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder="姓名、拼音首字母或身份证后几位" style={{ width: 260 }} value={query} onChange={(e) => setQuery(e.target.value)} aria-label="查找党员" />
        <TreeSelect allowClear placeholder="全部党组织" style={{ width: 220 }} treeData={treeData as never} treeDefaultExpandAll value={orgFilter} onChange={setOrgFilter} aria-label="按党组织筛选" />
        <Select allowClear placeholder="全部状态" style={{ width: 110 }} value={statusFilter} onChange={setStatusFilter} options={MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s] }))} aria-label="按状态筛选" />
        <Select allowClear placeholder="正式/预备" style={{ width: 120 }} value={membershipFilter} onChange={setMembershipFilter} options={MEMBERSHIP_KINDS.map((k) => ({ value: k, label: MEMBERSHIP_KIND_LABELS[k] }))} aria-label="按党员类别筛选" />
        <Select
          style={{ width: 150 }}
          value={cadreFilter}
          onChange={setCadreFilter}
          aria-label="按党务干部筛选"
          options={[
            { value: 'any', label: '全部人员' },
            { value: 'cadre', label: '党务干部' },
            { value: 'fullTime', label: '专职党务干部' },
            { value: 'partTime', label: '兼职党务干部' },
          ]}
        />
        <Typography.Text type="secondary" data-testid="member-count">
          共 {filtered.length} 人
        </Typography.Text>
      </Space>
      {shownSelected.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="member-selection"
          title={`已勾选 ${shownSelected.length} 人`}
          action={
            <Space>
              <Button size="small" type="primary" onClick={() => setStatusFor(shownSelected)}>
                批量变更状态
              </Button>
              <Button size="small" onClick={() => setSelected([])}>
                取消勾选
              </Button>
            </Space>
          }
        />
      )}
      <Table<Member>
        rowKey="id"
        rowSelection={
          readOnly
            ? undefined
            : {
                selectedRowKeys: shownSelected.map((m) => m.id),
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (m) => ({ 'aria-label': `勾选${m.name}` }),
                fixed: 'left',
              }
        }
        size="middle"
        dataSource={filtered}
        // at 1366×768 the columns are wider than the page: the table scrolls sideways with 姓名 (and the
        // tick) pinned on the left and 操作 on the right, and its body scrolls under a fixed header so
        // that the filters, the count and the pages stay on screen
        scroll={{ x: 'max-content', y: 'max(320px, calc(100vh - 400px))' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (t) => `共 ${t} 人` }}
        locale={{
          emptyText: (
            <Empty
              description={
                organisations.length === 0 ? '请先在“组织树”中建立党组织，再登记党员。' : members.length === 0 ? '还没有党员。可以逐个登记，或导入花名册。' : '没有符合条件的党员'
              }
            />
          ),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', key: 'name', width: 90, fixed: 'left' },
          // right after the name: who and where, both on screen without scrolling
          { title: '所在党组织', key: 'org', width: 170, ellipsis: { showTitle: true }, render: (_, m) => orgName.get(m.organisationId) ?? '—' },
          { title: '性别', key: 'gender', width: 60, render: (_, m) => GENDER_LABELS[m.gender] },
          // the year only beside the masked ID number (a full birth date would complete it); the form shows the date
          { title: '出生年份', key: 'birthDate', width: 90, render: (_, m) => maskBirthDate(m.birthDate) },
          { title: '身份证号', key: 'idNumber', width: 210, render: (_, m) => <SensitiveValue member={m} field="idNumber" /> },
          { title: '联系电话', key: 'phone', width: 140, render: (_, m) => <SensitiveValue member={m} field="phone" /> },
          { title: '入党时间', dataIndex: 'joinedOn', key: 'joinedOn', width: 110 },
          {
            title: '类别',
            key: 'membership',
            width: 90,
            render: (_, m) => (m.membership === 'probationary' ? <Tag color="orange">预备党员</Tag> : '正式党员'),
          },
          { title: '状态', key: 'status', width: 70, render: (_, m) => (m.status === 'active' ? '在职' : <Tag>{MEMBER_STATUS_LABELS[m.status]}</Tag>) },
          { title: '党务干部', key: 'cadre', width: 110, render: (_, m) => (m.cadre ? CADRE_KIND_LABELS[m.cadre] : '') },
          ...(readOnly ? [] : [{
            title: '操作',
            key: 'actions',
            width: 170,
            fixed: 'right' as const,
            render: (_: unknown, m: Member) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setDrawer({ editing: m })}>
                  编辑
                </Button>
                <Button type="link" size="small" onClick={() => setTransfer(m)}>
                  转接
                </Button>
                <Button type="link" size="small" onClick={() => setStatusFor([m])}>
                  状态
                </Button>
              </Space>
            ),
          }]),
        ]}
      />
      <MemberFormDrawer open={drawer !== null} editing={drawer?.editing ?? null} organisations={organisations} onClose={() => setDrawer(null)} />
      <TransferModal member={transfer} organisations={organisations} onClose={() => setTransfer(null)} />
      <StatusModal members={statusFor} onClose={() => setStatusFor(null)} onChanged={() => setSelected([])} />
      <RosterImportModal open={importing} organisations={organisations} members={members} onClose={() => setImporting(false)} />
    </Card>
  );
}
