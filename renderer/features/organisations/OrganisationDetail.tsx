/** One organisation: its facts, term and 三色预警, set-up hints, 两委 (current and past) and 换届 records. */
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { CommitteeSeat } from '../../../shared/model/committeeSeat';
import type { Member } from '../../../shared/model/member';
import type { Election, Organisation } from '../../../shared/model/organisation';
import { COMMITTEE_POST_LABELS, COMMITTEE_ROLE_LABELS, ORGANISATION_KIND_LABELS } from '../../../shared/model/vocabulary';
import { seatHeldOn } from '../../../shared/rules/organisations/seats';
import { memberCounts, setupHints, subtreeIds } from '../../../shared/rules/organisations/setupHints';
import { termLight } from '../../../shared/rules/organisations/termLight';
import { organisationOn } from '../../../shared/rules/members/membership';
import { chineseDate } from '../../../shared/rules/text';
import { endSeat } from '../../db/organisationRepository';
import { toIso } from '../common/dates';
import { TermLightTag } from '../common/TermLightTag';
import { todayIso } from '../common/today';
import { useRuleProfile } from '../common/useRuleProfile';
import { useWriteAction } from '../common/useWriteAction';
import { useUnitScope } from '../common/unitScope';

export interface OrganisationActions {
  edit(org: Organisation): void;
  addChild(org: Organisation): void;
  election(org: Organisation): void;
  extension(org: Organisation, termEnd: string | null): void;
  dissolve(org: Organisation): void;
  addSeat(org: Organisation, candidates: Member[]): void;
}

function EndSeatButton({ seat }: { seat: CommitteeSeat }) {
  const run = useWriteAction();
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  return (
    <Popconfirm
      title="委员离任"
      description={<DatePicker value={date} onChange={setDate} allowClear={false} />}
      okText="确认离任"
      cancelText="取消"
      onConfirm={() => void run((ctx) => endSeat(ctx, seat.id, toIso(date)!), { success: '已记录离任，保留在历届班子中' })}
    >
      <Button size="small" type="link">
        离任
      </Button>
    </Popconfirm>
  );
}

export function OrganisationDetail({
  org,
  organisations,
  elections,
  seats,
  members,
  actions,
}: {
  org: Organisation;
  organisations: readonly Organisation[];
  elections: readonly Election[];
  seats: readonly CommitteeSeat[];
  members: readonly Member[];
  actions: OrganisationActions;
}) {
  const { readOnly } = useUnitScope();
  const profile = useRuleProfile();
  const asOf = todayIso();
  const light = termLight({ organisation: org, elections, asOf }, profile);
  const hints = setupHints(org, organisations, members, seats, asOf);
  const counts = memberCounts(org.id, organisations, members, asOf);
  const parent = organisations.find((o) => o.id === org.parentId);
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  const ownSeats = seats.filter((s) => s.organisationId === org.id);
  const current = ownSeats.filter((s) => seatHeldOn(s, asOf));
  const past = ownSeats.filter((s) => !seatHeldOn(s, asOf)).sort((a, b) => (b.to ?? '').localeCompare(a.to ?? ''));
  const ownElections = elections.filter((e) => e.organisationId === org.id).sort((a, b) => b.electedOn.localeCompare(a.electedOn));
  const subtree = subtreeIds(org.id, organisations);
  const candidates = members.filter((m) => {
    const at = organisationOn(m, asOf);
    return at !== null && subtree.has(at);
  });
  const dissolved = org.dissolvedOn !== null;

  const seatColumns = [
    { title: '姓名', key: 'name', render: (_: unknown, s: CommitteeSeat) => memberName.get(s.memberId) ?? '（已删除）' },
    { title: '职务', key: 'post', render: (_: unknown, s: CommitteeSeat) => COMMITTEE_POST_LABELS[s.post] },
    { title: '分工', key: 'role', render: (_: unknown, s: CommitteeSeat) => (s.role ? COMMITTEE_ROLE_LABELS[s.role] : '—') },
    { title: '专职', key: 'fullTime', render: (_: unknown, s: CommitteeSeat) => (s.fullTime ? '是' : '否') },
    { title: '任职日期', dataIndex: 'from', key: 'from' },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="organisation-detail">
      <Card
        title={
          <Space>
            <span>{org.name}</span>
            <Tag>{ORGANISATION_KIND_LABELS[org.kind]}</Tag>
            {dissolved && <Tag color="default">已撤销（{chineseDate(org.dissolvedOn)}）</Tag>}
          </Space>
        }
        extra={
          !dissolved &&
          !readOnly && (
            <Space wrap>
              <Button onClick={() => actions.edit(org)}>编辑</Button>
              {org.kind !== 'group' && <Button onClick={() => actions.addChild(org)}>新增下级组织</Button>}
              {light.applicable && <Button onClick={() => actions.election(org)}>记录换届</Button>}
              {light.applicable && <Button onClick={() => actions.extension(org, light.termEnd)}>延期换届</Button>}
              <Button danger onClick={() => actions.dissolve(org)}>
                撤销
              </Button>
            </Space>
          )
        }
      >
        {hints.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={readOnly ? '设置提示（供工委了解，由该单位对照处理）' : '设置提示（仅供参考，不影响保存）'}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="setup-hints">
                {hints.map((h) => (
                  <li key={h.code + h.message}>
                    {h.message}
                    {!readOnly && h.action}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="上级党组织">{parent?.name ?? '（最上级）'}</Descriptions.Item>
          <Descriptions.Item label="党员人数">
            {counts.total} 人（正式党员 {counts.full} 人）
          </Descriptions.Item>
          <Descriptions.Item label="成立日期">{chineseDate(org.foundedOn)}</Descriptions.Item>
          <Descriptions.Item label="成立批复">{org.approvalNo || '—'}</Descriptions.Item>
          {light.applicable && (
            <>
              <Descriptions.Item label="本届任期">
                {light.termStart ? `${chineseDate(light.termStart)} 起，${org.termYears ?? ''}${org.termYears ? ' 年' : ''}` : '未录入'}
              </Descriptions.Item>
              <Descriptions.Item label="届满日期">{chineseDate(light.termEnd)}</Descriptions.Item>
              <Descriptions.Item label="换届预警" span={2}>
                <Space>
                  <TermLightTag light={light.light} />
                  <span data-testid="term-reason">{light.reason}</span>
                </Space>
              </Descriptions.Item>
            </>
          )}
        </Descriptions>
      </Card>

      {org.kind !== 'group' && (
        <Card
          title="两委班子"
          extra={
            !dissolved &&
            !readOnly && (
              <Button type="primary" ghost onClick={() => actions.addSeat(org, candidates)}>
                登记委员
              </Button>
            )
          }
        >
          <Table<CommitteeSeat>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={current}
            columns={readOnly ? seatColumns : [...seatColumns, { title: '', key: 'end', render: (_: unknown, s: CommitteeSeat) => <EndSeatButton seat={s} /> }]}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记委员" /> }}
          />
          {past.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                历届委员
              </Typography.Title>
              <Table<CommitteeSeat>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={past}
                columns={[...seatColumns, { title: '离任日期', dataIndex: 'to', key: 'to' }]}
              />
            </>
          )}
        </Card>
      )}

      {light.applicable && (
        <Card title="换届记录">
          <Table<Election>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={ownElections}
            columns={[
              { title: '选举日期', dataIndex: 'electedOn', key: 'electedOn' },
              { title: '任期', key: 'termYears', render: (_: unknown, e: Election) => `${e.termYears} 年` },
              { title: '批复文号', key: 'approvalNo', render: (_: unknown, e: Election) => e.approvalNo || '—' },
              { title: '批复日期', key: 'approvedOn', render: (_: unknown, e: Election) => e.approvedOn ?? '—' },
            ]}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无换届选举记录" /> }}
          />
          {org.extension && (
            <Alert style={{ marginTop: 12 }} type="info" showIcon title={`经批准延期至 ${chineseDate(org.extension.until)}（${org.extension.approvalNo}）`} />
          )}
        </Card>
      )}
    </Space>
  );
}
