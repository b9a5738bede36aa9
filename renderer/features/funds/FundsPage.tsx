/**
 * 经费保障: the unit's party-building funds of a year — budget lines (预算科目) with spent vs budget
 * per line (over budget in red) and totals, and the expenses (支出明细) of one line or all. A unit
 * adds, edits and deletes both; under the 工委's 单位 → a unit the page is read-only (no action is
 * offered). Year and line live in the URL (?year=2026&line=<id>). Export: .xlsx of the year.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Card, Empty, Select, Space, Spin, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Expense, FundLine } from '../../../shared/model/funds';
import { voucherNumber } from '../../../shared/model/funds';
import { fundUsage, shareText, type FundLineUsage } from '../../../shared/rules/duties/funds';
import { yuanAmount } from '../../../shared/rules/text';
import { deleteExpense, deleteFundLine } from '../../db/fundsRepository';
import { todayIso } from '../common/today';
import { useUnitScope } from '../common/unitScope';
import { useWriteAction } from '../common/useWriteAction';
import { ExpenseModal } from './ExpenseModal';
import { exportFunds } from './fundsExport';
import { FundLineModal } from './FundLineModal';
import { useFundRecords } from './useFundRecords';

const ALL = 'all';
const OVER = '#cf1322';

function Money({ fen, over = false, testId }: { fen: number; over?: boolean; testId?: string }) {
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', color: over ? OVER : undefined }} data-testid={testId}>
      {yuanAmount(fen)}
    </span>
  );
}

export function FundsPage() {
  const records = useFundRecords();
  const { readOnly, name: unitName } = useUnitScope();
  const { modal, message } = App.useApp();
  const run = useWriteAction();
  const [params, setParams] = useSearchParams();
  const [lineForm, setLineForm] = useState<{ editing: FundLine | null } | null>(null);
  const [expenseForm, setExpenseForm] = useState<{ editing: Expense | null } | null>(null);
  const [exporting, setExporting] = useState(false);

  const thisYear = Number(todayIso().slice(0, 4));
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const lineFilter = params.get('line') ?? ALL;
  const setParam = (changes: Record<string, string | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  const lines = useMemo(() => records?.lines ?? [], [records]);
  const years = useMemo(() => [...new Set([thisYear + 1, thisYear, thisYear - 1, year, ...lines.map((l) => l.year)])].sort((a, b) => b - a), [lines, thisYear, year]);
  const linesOfYear = useMemo(() => lines.filter((l) => l.year === year).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)), [lines, year]);
  const usage = useMemo(() => fundUsage(linesOfYear, records?.expenses ?? [], year), [linesOfYear, records, year]);
  const lineOfId = useMemo(() => new Map(linesOfYear.map((l) => [l.id, l] as const)), [linesOfYear]);
  const expensesOfYear = useMemo(
    () => (records?.expenses ?? []).filter((e) => lineOfId.has(e.fundLineId)).sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt)),
    [records, lineOfId],
  );
  const shownLine = lineFilter !== ALL && lineOfId.has(lineFilter) ? lineFilter : ALL;
  const shownExpenses = shownLine === ALL ? expensesOfYear : expensesOfYear.filter((e) => e.fundLineId === shownLine);

  if (!records) return <Spin description="正在读取…" />;

  function confirmDeleteLine(l: FundLineUsage) {
    if (l.expenseCount > 0) {
      modal.warning({
        title: `不能删除预算科目“${l.name}”`,
        content: `该科目下还有 ${l.expenseCount} 笔支出。请先删除这些支出，或把它们改记到其他科目，再删除该科目。`,
        okText: '知道了',
      });
      return;
    }
    modal.confirm({
      title: `删除预算科目“${l.name}”？`,
      content: `预算金额 ${yuanAmount(l.budgetFen)} 元，尚无支出。删除后年度报告不再计入该科目。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => deleteFundLine(ctx, l.id), { success: '已删除预算科目' }),
    });
  }

  function confirmDeleteExpense(e: Expense) {
    modal.confirm({
      title: '删除这笔支出？',
      content: `${e.date} ${lineOfId.get(e.fundLineId)?.name ?? ''}：${e.purpose}，${yuanAmount(e.amountFen)} 元${voucherNumber(e) ? `（凭证号 ${voucherNumber(e)}）` : ''}。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => deleteExpense(ctx, e.id), { success: '已删除支出' }),
    });
  }

  async function doExport() {
    setExporting(true);
    try {
      await exportFunds(unitName, usage, linesOfYear, expensesOfYear);
    } catch {
      void message.error('导出失败：未能生成 Excel 文件。请重试；如仍失败，请重新启动程序。');
    } finally {
      setExporting(false);
    }
  }

  const hasLines = linesOfYear.length > 0;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            经费保障
          </Typography.Title>
          <Select
            aria-label="年度"
            style={{ width: 120 }}
            value={year}
            onChange={(v: number) => {
              setParam({ year: v === thisYear ? null : String(v), line: null });
            }}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
          />
        </Space>
        <Space wrap>
          {!readOnly && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setLineForm({ editing: null })}>
              新增预算科目
            </Button>
          )}
          {!readOnly && hasLines && (
            <Button icon={<PlusOutlined />} onClick={() => setExpenseForm({ editing: null })}>
              登记支出
            </Button>
          )}
          <Button icon={<DownloadOutlined />} disabled={!hasLines} loading={exporting} onClick={() => void doExport()}>
            导出 Excel
          </Button>
        </Space>
      </Space>

      {hasLines && (
        <Card size="small">
          <Space size={48} wrap data-testid="funds-totals">
            <Statistic title={`${year}年预算合计（元）`} value={yuanAmount(usage.budgetFen)} />
            <Statistic title="已支出（元）" value={yuanAmount(usage.spentFen)} />
            <Statistic title="剩余（元）" value={yuanAmount(usage.budgetFen - usage.spentFen)} styles={{ content: usage.spentFen > usage.budgetFen ? { color: OVER } : undefined }} />
            <Statistic title="执行率" value={shareText(usage.share)} />
            <Statistic title="超支科目" value={usage.overLines.length} styles={{ content: usage.overLines.length > 0 ? { color: OVER } : undefined }} suffix="项" />
          </Space>
        </Card>
      )}

      <Card title={`${year}年预算科目`} size="small">
        <Table<FundLineUsage>
          rowKey="id"
          size="middle"
          data-testid="fund-lines"
          dataSource={[...usage.lines]}
          pagination={false}
          locale={{
            emptyText: (
              <Empty
                description={
                  readOnly
                    ? `该单位尚未报送${year}年的党建经费预算。`
                    : `还没有${year}年的预算科目。点击“新增预算科目”录入本年度党建工作经费预算（如三会一课、主题党日、教育培训、专项经费），再在科目下登记每笔支出。年度报告的“工作保障”部分取自这里。`
                }
              >
                {!readOnly && (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setLineForm({ editing: null })}>
                    新增预算科目
                  </Button>
                )}
              </Empty>
            ),
          }}
          columns={[
            {
              title: '预算科目',
              key: 'name',
              render: (_, l) => (
                <Space size={4} wrap>
                  <Typography.Text style={{ color: l.over ? OVER : undefined }}>{l.name}</Typography.Text>
                  {l.special && <Tag color="purple">专项</Tag>}
                  {l.over && <Tag color="error">超支</Tag>}
                </Space>
              ),
            },
            { title: '预算（元）', key: 'budget', align: 'right', render: (_, l) => <Money fen={l.budgetFen} /> },
            { title: '已支出（元）', key: 'spent', align: 'right', render: (_, l) => <Money fen={l.spentFen} over={l.over} /> },
            { title: '剩余（元）', key: 'remaining', align: 'right', render: (_, l) => <Money fen={l.remainingFen} over={l.over} /> },
            {
              title: '执行率',
              key: 'share',
              align: 'right',
              render: (_, l) => <span style={{ color: l.over ? OVER : undefined }}>{l.share === null && l.spentFen > 0 ? '未列预算' : shareText(l.share)}</span>,
            },
            {
              title: '支出',
              key: 'count',
              align: 'right',
              render: (_, l) => (
                <Tooltip title="查看该科目的支出">
                  <Button type="link" size="small" onClick={() => setParam({ line: l.id })} aria-label={`查看“${l.name}”的支出`}>
                    {l.expenseCount} 笔
                  </Button>
                </Tooltip>
              ),
            },
            ...(readOnly
              ? []
              : [
                  {
                    title: '操作',
                    key: 'actions',
                    render: (_: unknown, l: FundLineUsage) => (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setLineForm({ editing: lineOfId.get(l.id) ?? null })} aria-label={`编辑预算科目“${l.name}”`}>
                          编辑
                        </Button>
                        <Button type="link" size="small" danger onClick={() => confirmDeleteLine(l)} aria-label={`删除预算科目“${l.name}”`}>
                          删除
                        </Button>
                      </Space>
                    ),
                  },
                ]),
          ]}
          summary={() =>
            hasLines ? (
              <Table.Summary.Row style={{ fontWeight: 600 }} data-testid="fund-lines-total">
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Money fen={usage.budgetFen} />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <Money fen={usage.spentFen} over={usage.spentFen > usage.budgetFen} />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <Money fen={usage.budgetFen - usage.spentFen} over={usage.spentFen > usage.budgetFen} />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {shareText(usage.share)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {expensesOfYear.length} 笔
                </Table.Summary.Cell>
                {!readOnly && <Table.Summary.Cell index={6} />}
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>

      {hasLines && (
        <Card
          size="small"
          title={
            <Space wrap>
              <span>支出明细</span>
              <Select
                aria-label="按科目筛选支出"
                style={{ width: 220 }}
                value={shownLine}
                onChange={(v: string) => setParam({ line: v === ALL ? null : v })}
                options={[{ value: ALL, label: '全部科目' }, ...linesOfYear.map((l) => ({ value: l.id, label: l.name }))]}
              />
            </Space>
          }
        >
          <Table<Expense>
            rowKey="id"
            size="middle"
            data-testid="expenses"
            dataSource={shownExpenses}
            pagination={shownExpenses.length > 50 ? { defaultPageSize: 50, showTotal: (t) => `共 ${t} 笔` } : false}
            locale={{
              emptyText: (
                <Empty
                  description={
                    readOnly ? '没有支出记录。' : `还没有${shownLine === ALL ? '' : `“${lineOfId.get(shownLine)?.name ?? ''}”的`}支出。点击“登记支出”录入每笔支出的日期、金额、用途和凭证号。`
                  }
                />
              ),
            }}
            columns={[
              { title: '日期', dataIndex: 'date', key: 'date', width: 120 },
              { title: '预算科目', key: 'line', render: (_, e) => lineOfId.get(e.fundLineId)?.name ?? '' },
              { title: '用途', dataIndex: 'purpose', key: 'purpose' },
              { title: '凭证号', key: 'voucher', render: (_, e) => voucherNumber(e) || <Typography.Text type="secondary">—</Typography.Text> },
              { title: '金额（元）', key: 'amount', align: 'right', render: (_, e) => <Money fen={e.amountFen} /> },
              ...(readOnly
                ? []
                : [
                    {
                      title: '操作',
                      key: 'actions',
                      render: (_: unknown, e: Expense) => (
                        <Space size={0}>
                          <Button type="link" size="small" onClick={() => setExpenseForm({ editing: e })} aria-label={`编辑支出：${e.purpose}`}>
                            编辑
                          </Button>
                          <Button type="link" size="small" danger onClick={() => confirmDeleteExpense(e)} aria-label={`删除支出：${e.purpose}`}>
                            删除
                          </Button>
                        </Space>
                      ),
                    },
                  ]),
            ]}
            summary={() =>
              shownExpenses.length > 0 ? (
                <Table.Summary.Row style={{ fontWeight: 600 }} data-testid="expenses-total">
                  <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} />
                  <Table.Summary.Cell index={2}>{shownExpenses.length} 笔</Table.Summary.Cell>
                  <Table.Summary.Cell index={3} />
                  <Table.Summary.Cell index={4} align="right">
                    <Money fen={shownExpenses.reduce((s, e) => s + e.amountFen, 0)} />
                  </Table.Summary.Cell>
                  {!readOnly && <Table.Summary.Cell index={5} />}
                </Table.Summary.Row>
              ) : null
            }
          />
        </Card>
      )}

      {!readOnly && (
        <>
          <FundLineModal open={lineForm !== null} year={year} editing={lineForm?.editing ?? null} onClose={() => setLineForm(null)} />
          <ExpenseModal
            open={expenseForm !== null}
            year={year}
            lines={linesOfYear}
            editing={expenseForm?.editing ?? null}
            lineId={shownLine === ALL ? null : shownLine}
            onClose={() => setExpenseForm(null)}
          />
        </>
      )}
    </Space>
  );
}
