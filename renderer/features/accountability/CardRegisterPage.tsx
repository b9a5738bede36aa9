/**
 * 红黄牌台账 (the committee): every card issued, to whom, why, by when, what the unit has done about it
 * (its rectification item, as its last bundle brought it) and whether it is closed (销牌). Above the
 * table, the escalations the profile's rule proposes (an unfixed yellow past its deadline, repeated
 * yellows): each is a red card the committee confirms, never one issued by itself. 打印台账: every card
 * as a PDF table (公文 layout, shared/reports/committeeRegisters.ts), made in the PDF worker. A year
 * chosen above the table (this year's at first, when it has cards) scopes the table, its counts and
 * the printed register to the cards issued in it; 全部年度 shows and prints them all. A row opens to
 * the card's detail (依据, 处理措施, who issued it); a card issued on a 联系组 visit links the visit in
 * its row and its detail.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, DatePicker, Empty, List, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Card } from '../../../shared/model/committee';
import { CARD_SUBJECT_KIND_LABELS } from '../../../shared/model/vocabulary';
import { cardProgress, type CardProgress } from '../../../shared/rules/committee/cardProgress';
import { cardEscalations } from '../../../shared/rules/committee/cards';
import type { IsoDate } from '../../../shared/rules/dates';
import { chineseDate } from '../../../shared/rules/text';
import { closeCard } from '../../db/accountabilityRepository';
import { cardRegister } from '../../db/queries/accountability';
import { reportCommitteeName } from '../../db/queries/reports';
import { cardRegisterTable } from '../../../shared/reports/committeeRegisters';
import { platform } from '../../platform';
import { cardRegisterFileName, writeCardRegisterWorkbook } from './cardRegisterSheet';
import { fromIso, toIso } from '../common/dates';
import { todayIso } from '../common/today';
import { usePdfJob } from '../common/usePdfJob';
import { useAppQuery } from '../common/useAppQuery';
import { useRuleProfile } from '../common/useRuleProfile';
import { useWriteAction } from '../common/useWriteAction';
import { CardColourTag } from './CardColourTag';
import { CardVisitLink } from './CardVisitLink';
import { IssueCardDrawer, type CardDraft } from './IssueCardDrawer';

type Filter = 'open' | 'awaitingClose' | 'overdue' | 'all';

interface Row {
  card: Card;
  unitName: string;
  subjectName: string;
  progress: CardProgress;
}

const STAGE_TAG: Record<CardProgress['stage'], { color: string; text: string }> = {
  unanswered: { color: 'default', text: '单位未回应' },
  inProgress: { color: 'processing', text: '单位整改中' },
  awaitingClose: { color: 'warning', text: '单位已整改，待销牌' },
  closed: { color: 'success', text: '已销牌' },
};

export function CardRegisterPage() {
  const register = useAppQuery(cardRegister);
  const profile = useRuleProfile();
  const asOf = todayIso();
  const run = useWriteAction();
  const [filter, setFilter] = useState<Filter>('open');
  const [draft, setDraft] = useState<CardDraft | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [closing, setClosing] = useState<Row | null>(null);
  const [closedOn, setClosedOn] = useState<string | null>(asOf);
  // the register of one year (the cards issued in it) or of all years; at first this year's when it has cards
  const [chosenYear, setChosenYear] = useState<number | 'all' | null>(null);
  const pdf = usePdfJob();
  const committeeName = useAppQuery(reportCommitteeName);
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);

  const { rows, proposals } = useMemo(() => {
    if (!register) return { rows: [] as Row[], proposals: [] };
    const unitNames = new Map(register.units.map((u) => [u.unitId, u.name] as const));
    const all = register.cards
      .map((card): Row => {
        const unitName = unitNames.get(card.unitId) ?? '（已移出名册的单位）';
        const subjectName = card.subjectKind === 'unit' ? unitName : `${unitName} · ${register.organisationNames.get(card.subjectId) ?? '（未知党组织）'}`;
        return { card, unitName, subjectName, progress: cardProgress(card, register.answers, asOf) };
      })
      .sort((a, b) => (a.card.issuedOn < b.card.issuedOn ? 1 : a.card.issuedOn > b.card.issuedOn ? -1 : 0));
    const byId = new Map(all.map((r) => [r.card.id, r] as const));
    const proposals = cardEscalations({ cards: register.cards, asOf }, profile)
      .filter((e) => !e.alreadyRed)
      .flatMap((e) => {
        const row = byId.get(e.cardId);
        return row ? [{ escalation: e, row }] : [];
      });
    return { rows: all, proposals };
  }, [register, profile, asOf]);

  if (!register) return null;

  const thisYear = Number(asOf.slice(0, 4));
  const years = [...new Set([thisYear, ...rows.map((r) => Number(r.card.issuedOn.slice(0, 4)))])].sort((a, b) => b - a);
  const year = chosenYear ?? (rows.some((r) => r.card.issuedOn.startsWith(`${thisYear}-`)) || rows.length === 0 ? thisYear : 'all');
  const ofYear = year === 'all' ? rows : rows.filter((r) => r.card.issuedOn.startsWith(`${year}-`));
  const shown = ofYear.filter((r) =>
    filter === 'all' ? true : filter === 'open' ? r.progress.stage !== 'closed' : filter === 'overdue' ? r.progress.overdue : r.progress.stage === 'awaitingClose',
  );
  const count = (f: Filter) => ofYear.filter((r) => (f === 'open' ? r.progress.stage !== 'closed' : f === 'overdue' ? r.progress.overdue : r.progress.stage === 'awaitingClose')).length;
  const registerName = year === 'all' ? '红黄牌台账' : `${year}年度红黄牌台账`;

  async function confirmClose() {
    if (!closing || !closedOn) return;
    const done = await run((ctx) => closeCard(ctx, closing.card.id, closedOn), { success: `已销牌，将随${closing.unitName}的下一个回执送达` });
    if (done) setClosing(null);
  }

  // 导出 Excel: the same rows as the printed register (of the year shown, or every year)
  async function exportSheet() {
    if (!register) return;
    setExporting(true);
    try {
      const input = { cards: register.cards, answers: register.answers, unitNames: new Map(register.units.map((u) => [u.unitId, u.name] as const)), organisationNames: register.organisationNames };
      const table = cardRegisterTable(input, { committeeName: committeeName ?? '', asOf: asOf as IsoDate, year: year === 'all' ? null : year });
      const bytes = await writeCardRegisterWorkbook(table);
      const saved = await platform().saveFile(cardRegisterFileName(table, asOf), bytes, [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
      if (saved.saved) void message.success(`已导出“${saved.fileName}”`);
    } catch {
      void message.error('导出失败：文件没有写入。请检查保存位置（如U盘）是否可写、空间是否足够，然后重试。');
    } finally {
      setExporting(false);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Select<number | 'all'>
            value={year}
            onChange={setChosenYear}
            style={{ width: 120 }}
            aria-label="年度"
            options={[...years.map((y) => ({ value: y, label: `${y}年度` })), { value: 'all' as const, label: '全部年度' }]}
          />
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'open', label: `未销牌 ${count('open')}` },
              { value: 'awaitingClose', label: `待销牌 ${count('awaitingClose')}` },
              { value: 'overdue', label: `已逾期 ${count('overdue')}` },
              { value: 'all', label: `全部 ${ofYear.length}` },
            ]}
          />
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={exporting} disabled={ofYear.length === 0 || register === undefined} onClick={() => void exportSheet()}>
            导出 Excel
          </Button>
          <Button
            icon={<PrinterOutlined />}
            loading={pdf.running}
            disabled={ofYear.length === 0}
            onClick={() => void pdf.run({ kind: 'card-register', asOf: asOf as IsoDate, year: year === 'all' ? null : year }, `${registerName}_${asOf}.pdf`)}
          >
            打印台账
          </Button>
          <Button
            type="primary"
            onClick={() => {
              setDraft(null);
              setIssuing(true);
            }}
          >
            亮牌
          </Button>
        </Space>
      </Space>
      {pdf.panel}

      {proposals.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`按规则建议升级为红牌：${proposals.length} 张黄牌`}
          description={
            <List
              size="small"
              dataSource={proposals}
              renderItem={({ escalation, row }) => (
                <List.Item
                  actions={[
                    <Button
                      key="red"
                      size="small"
                      danger
                      onClick={() => {
                        setDraft({
                          unitId: row.card.unitId,
                          subjectKind: row.card.subjectKind,
                          subjectId: row.card.subjectId,
                          colour: 'red',
                          trigger: `黄牌升级：${row.card.trigger}`,
                          evidence: escalation.reason,
                        });
                        setIssuing(true);
                      }}
                    >
                      发出红牌…
                    </Button>,
                  ]}
                >
                  <Typography.Text>
                    {row.subjectName}：{escalation.reason}
                  </Typography.Text>
                </List.Item>
              )}
            />
          }
        />
      )}

      <Table<Row>
        rowKey={(r) => r.card.id}
        dataSource={shown}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 张` }}
        expandable={{
          expandedRowRender: (r) => (
            <Space orientation="vertical" size={4} style={{ padding: '4px 8px' }} data-testid="card-detail">
              <Typography.Text>
                <Typography.Text strong>亮牌依据：</Typography.Text>
                {r.card.evidence ? <span style={{ whiteSpace: 'pre-line' }}>{r.card.evidence}</span> : <Typography.Text type="secondary">（未填写）</Typography.Text>}
              </Typography.Text>
              {r.card.visitId !== undefined && (
                <Typography.Text>
                  <Typography.Text strong>依据的督导检查：</Typography.Text>
                  <CardVisitLink card={r.card} visits={register.visits} label="" />
                </Typography.Text>
              )}
              <Typography.Text>
                <Typography.Text strong>处理措施：</Typography.Text>
                {r.card.consequences.length > 0 ? r.card.consequences.join('、') : '无'}
              </Typography.Text>
              <Typography.Text type="secondary">
                {r.card.issuer} · {chineseDate(r.card.issuedOn)}亮牌{r.card.closedOn ? ` · ${chineseDate(r.card.closedOn)}销牌` : ''}
              </Typography.Text>
            </Space>
          ),
        }}
        locale={{
          emptyText: (
            <Empty
              description={rows.length === 0 ? '尚未发出红黄牌。季度监控或督导检查发现问题时，点击“亮牌”向单位发出。' : ofYear.length === 0 ? `${year}年没有发出红黄牌` : '没有符合筛选条件的红黄牌'}
            />
          ),
        }}
        columns={[
          { title: '牌色', key: 'colour', width: 70, render: (_, r) => <CardColourTag colour={r.card.colour} /> },
          {
            title: '亮牌对象',
            key: 'subject',
            width: 180,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/units/${r.card.unitId}`}>{r.subjectName}</Link>
                <Typography.Text type="secondary">{CARD_SUBJECT_KIND_LABELS[r.card.subjectKind]}</Typography.Text>
              </Space>
            ),
          },
          {
            title: '亮牌事由',
            key: 'trigger',
            width: 230,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span>{r.card.trigger}</span>
                <CardVisitLink card={r.card} visits={register.visits} />
              </Space>
            ),
          },
          { title: '亮牌日期', key: 'issuedOn', width: 120, render: (_, r) => chineseDate(r.card.issuedOn) },
          {
            title: '整改期限',
            key: 'deadline',
            width: 190,
            render: (_, r) => <Typography.Text type={r.progress.overdue ? 'danger' : undefined}>{r.progress.deadlineText}</Typography.Text>,
          },
          {
            title: '单位整改情况',
            key: 'answer',
            width: 280,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STAGE_TAG[r.progress.stage].color}>{STAGE_TAG[r.progress.stage].text}</Tag>
                {r.progress.answer?.measures ? <Typography.Text>{r.progress.answer.measures}</Typography.Text> : null}
                {r.progress.answer?.evidence ? <Typography.Text type="secondary">佐证：{r.progress.answer.evidence}</Typography.Text> : null}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            width: 90,
            render: (_, r) =>
              r.progress.stage === 'closed' ? null : (
                <Button
                  size="small"
                  onClick={() => {
                    setClosedOn(asOf);
                    setClosing(r);
                  }}
                >
                  销牌…
                </Button>
              ),
          },
        ]}
      />

      <IssueCardDrawer open={issuing} draft={draft} units={register.units} onClose={() => setIssuing(false)} />

      <Modal
        title={closing ? `销牌：${closing.subjectName}的${closing.card.colour === 'red' ? '红牌' : '黄牌'}` : '销牌'}
        open={closing !== null}
        okText="确认销牌"
        cancelText="取消"
        okButtonProps={{ disabled: !closedOn }}
        onOk={() => void confirmClose()}
        onCancel={() => setClosing(null)}
        destroyOnHidden
      >
        {closing && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>事由：{closing.card.trigger}</Typography.Paragraph>
            <Typography.Paragraph>{closing.progress.answerText}</Typography.Paragraph>
            {closing.progress.stage !== 'awaitingClose' && (
              <Alert type="warning" showIcon title="单位尚未报告整改完成。确认已核实整改到位后再销牌。" />
            )}
            <Space>
              销牌日期
              <DatePicker value={fromIso(closedOn)} onChange={(d) => setClosedOn(toIso(d))} allowClear={false} aria-label="销牌日期" />
            </Space>
          </Space>
        )}
      </Modal>
    </Space>
  );
}
