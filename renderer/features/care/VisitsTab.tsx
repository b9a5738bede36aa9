/**
 * 走访慰问 of a year: who was visited, when, why, by whom and with what 慰问金额; totals (人次,
 * 人数, 金额合计). Add, edit and delete (with confirm) unless read-only.
 */
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Space, Statistic, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CareVisit } from '../../../shared/model/care';
import { careFigures, inYear } from '../../../shared/rules/duties/care';
import { yuanInput } from '../../../shared/rules/duties/funds';
import { yuanAmount } from '../../../shared/rules/text';
import { createCareVisit, deleteCareVisit, updateCareVisit } from '../../db/careRepository';
import { fromIso, toIso } from '../common/dates';
import { useUnitScope } from '../common/unitScope';
import { useWriteAction } from '../common/useWriteAction';
import type { Dayjs } from 'dayjs';
import { amountRules, DateField, fenOf, PersonInput, YuanInput } from './careFields';
import type { CareRecords } from './useCareRecords';
import { CareReasonCell } from './CareReasonCell';

const byDate = <T extends { date: string; createdAt: string }>(a: T, b: T) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);

export function VisitsTab({ year, records }: { year: number; records: CareRecords }) {
  const { readOnly } = useUnitScope();
  const { modal } = App.useApp();
  const run = useWriteAction();
  const [form, setForm] = useState<{ editing: CareVisit | null } | null>(null);
  const rows = useMemo(() => records.visits.filter((v) => inYear(v.date, year)).sort(byDate), [records, year]);
  const figures = useMemo(() => careFigures(year, { visits: records.visits, commendations: [], publicity: [] }), [records, year]);

  function confirmDelete(v: CareVisit) {
    modal.confirm({
      title: `删除对“${v.visitedName}”的走访慰问记录？`,
      content: `${v.date}${v.amountFen > 0 ? `，慰问金额 ${yuanAmount(v.amountFen)} 元` : ''}。删除后年度报告不再计入。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => deleteCareVisit(ctx, v.id), { success: '已删除走访慰问记录' }),
    });
  }

  const add = () => setForm({ editing: null });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Card size="small">
          <Space size={48} wrap data-testid="visit-totals">
            <Statistic title={`${year}年走访慰问（人次）`} value={figures.visits} />
            <Statistic title="慰问对象（人）" value={figures.visitedPeople} />
            <Statistic title="慰问金额合计（元）" value={yuanAmount(figures.amountFen)} />
          </Space>
        </Card>
        {!readOnly && (
          <Button type="primary" icon={<PlusOutlined />} onClick={add}>
            登记走访慰问
          </Button>
        )}
      </Space>
      <Table<CareVisit>
        rowKey="id"
        size="middle"
        data-testid="visits"
        dataSource={rows}
        pagination={rows.length > 50 ? { defaultPageSize: 50, showTotal: (t) => `共 ${t} 条` } : false}
        locale={{
          emptyText: (
            <Empty
              description={
                readOnly
                  ? `该单位没有${year}年的走访慰问记录。`
                  : `还没有${year}年的走访慰问记录。走访慰问老党员、生活困难党员、因病住院党员等时，点击“登记走访慰问”记下日期、对象、事由、走访人员和慰问金额；年度报告的“工作保障”部分据此统计。`
              }
            >
              {!readOnly && (
                <Button type="primary" icon={<PlusOutlined />} onClick={add}>
                  登记走访慰问
                </Button>
              )}
            </Empty>
          ),
        }}
        columns={[
          { title: '走访日期', dataIndex: 'date', key: 'date', width: 120 },
          { title: '慰问对象', dataIndex: 'visitedName', key: 'visitedName' },
          { title: '慰问事由', key: 'reason', render: (_: unknown, v: CareVisit) => <CareReasonCell visit={v} /> },
          { title: '走访人员', dataIndex: 'visitors', key: 'visitors', render: (r: string) => r || <Typography.Text type="secondary">—</Typography.Text> },
          { title: '慰问金额（元）', key: 'amount', align: 'right', render: (_, v) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{yuanAmount(v.amountFen)}</span> },
          ...(readOnly
            ? []
            : [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, v: CareVisit) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setForm({ editing: v })} aria-label={`编辑对“${v.visitedName}”的走访慰问`}>
                        编辑
                      </Button>
                      <Button type="link" size="small" danger onClick={() => confirmDelete(v)} aria-label={`删除对“${v.visitedName}”的走访慰问`}>
                        删除
                      </Button>
                    </Space>
                  ),
                },
              ]),
        ]}
        summary={() =>
          rows.length > 0 ? (
            <Table.Summary.Row style={{ fontWeight: 600 }} data-testid="visits-total">
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{rows.length} 人次</Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
              <Table.Summary.Cell index={3} />
              <Table.Summary.Cell index={4} align="right">
                {yuanAmount(figures.amountFen)}
              </Table.Summary.Cell>
              {!readOnly && <Table.Summary.Cell index={5} />}
            </Table.Summary.Row>
          ) : null
        }
      />
      {!readOnly && <VisitModal open={form !== null} year={year} editing={form?.editing ?? null} names={records.memberNames} onClose={() => setForm(null)} />}
    </Space>
  );
}

interface Values {
  date: Dayjs;
  visitedName: string;
  reason?: string;
  visitors?: string;
  amount?: string;
}

const FIELDS = ['date', 'visitedName', 'reason', 'visitors', 'amountFen'] as const;

function VisitModal({ open, year, editing, names, onClose }: { open: boolean; year: number; editing: CareVisit | null; names: readonly string[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({ date: fromIso(editing.date)!, visitedName: editing.visitedName, reason: editing.reason, visitors: editing.visitors, amount: editing.amountFen > 0 ? yuanInput(editing.amountFen) : '' });
  }, [open, editing, form]);

  async function submit(v: Values) {
    const input = { date: toIso(v.date)!, visitedName: v.visitedName.trim(), reason: (v.reason ?? '').trim(), visitors: (v.visitors ?? '').trim(), amountFen: fenOf(v.amount) };
    const saved = await run((ctx) => (editing ? updateCareVisit(ctx, editing.id, input) : createCareVisit(ctx, input)), {
      success: editing ? '已保存' : `已登记对“${input.visitedName}”的走访慰问`,
      form,
      fields: FIELDS,
    });
    if (saved) onClose();
  }

  return (
    <Modal open={open} title={editing ? '编辑走访慰问' : '登记走访慰问'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="走访慰问信息">
        <Form.Item name="visitedName" label="慰问对象" rules={[{ required: true, whitespace: true, message: '请填写慰问对象的姓名' }]} extra="可从本单位党员名册中选择，也可直接输入（如已故党员家属）。">
          <PersonInput names={names} placeholder="输入姓名，或从名册中选择" autoFocus />
        </Form.Item>
        <DateField label="走访日期" year={year} />
        <Form.Item name="reason" label="慰问事由" extra="如：节日慰问、生活困难、因病住院。涉及健康等个人隐私的，只写必要的概括。">
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="例如：“七一”走访慰问老党员" />
        </Form.Item>
        <Form.Item name="visitors" label="走访人员">
          <Input maxLength={200} placeholder="例如：王书记、李委员" />
        </Form.Item>
        <Form.Item name="amount" label="慰问金额" rules={amountRules} extra="单位为元，最多两位小数；未送慰问金的不填。">
          <YuanInput />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
