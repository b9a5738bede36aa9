/**
 * 双向交流 of party-affairs cadres in a year: postings from a line post (业务岗位) to a party-affairs
 * post (党务岗位) and back, each posting INTO a party-affairs post with its 任前考察 (date and
 * result). A posting into a party-affairs post without 任前考察 may be saved — the papers may come
 * later — but is flagged in red here, on the workbench and in the annual report until it is filled
 * in. Add, edit and delete (with confirm) unless read-only.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Modal, Radio, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { CADRE_EXCHANGE_DIRECTION_LABELS, CADRE_EXCHANGE_DIRECTIONS, type CadreExchange, type CadreExchangeDirection } from '../../../shared/model/cadreExchange';
import { cadreExchangeFigures, lacksVetting } from '../../../shared/rules/duties/cadreExchange';
import { careDateProblem, inYear } from '../../../shared/rules/duties/care';
import { createCadreExchange, deleteCadreExchange, updateCadreExchange, type CadreExchangeInput } from '../../db/careRepository';
import { fromIso, toIso } from '../common/dates';
import { todayIso } from '../common/today';
import { useUnitScope } from '../common/unitScope';
import { useWriteAction } from '../common/useWriteAction';
import { DateField, PersonInput } from './careFields';
import { useCadreExchanges, type CadreExchangeRecords } from './useCadreExchanges';

const byDate = (a: CadreExchange, b: CadreExchange) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);

/** Why a 任前考察 is asked for, in the words of the 《意见》. */
const VETTING_REASON = '按照“加强机关党务干部的任前考察把关”的要求，干部交流到党务岗位前应进行任前考察。';

export function ExchangeTab({ year }: { year: number }) {
  const records = useCadreExchanges();
  if (!records) return <Spin description="正在读取…" />;
  return <ExchangeList year={year} records={records} />;
}

function ExchangeList({ year, records }: { year: number; records: CadreExchangeRecords }) {
  const { readOnly } = useUnitScope();
  const { modal } = App.useApp();
  const run = useWriteAction();
  const [form, setForm] = useState<{ editing: CadreExchange | null } | null>(null);
  const rows = useMemo(() => records.exchanges.filter((x) => inYear(x.date, year)).sort(byDate), [records, year]);
  const figures = useMemo(() => cadreExchangeFigures(records.exchanges, year), [records, year]);
  const names = useMemo(() => [...new Set(records.members.map((m) => m.name))], [records]);

  function confirmDelete(x: CadreExchange) {
    modal.confirm({
      title: `删除${x.personName}的双向交流记录？`,
      content: `${x.date}，${CADRE_EXCHANGE_DIRECTION_LABELS[x.direction]}${x.toPost ? `（${x.toPost}）` : ''}。删除后年度报告不再计入。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => deleteCadreExchange(ctx, x.id), { success: '已删除双向交流记录' }),
    });
  }

  const add = () => setForm({ editing: null });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Card size="small">
          <Space size={48} wrap data-testid="exchange-totals">
            <Statistic title={`${year}年双向交流（人次）`} value={figures.total} />
            <Statistic title="业务岗位→党务岗位" value={figures.toPartyAffairs} suffix="人次" />
            <Statistic title="党务岗位→业务岗位" value={figures.toLine} suffix="人次" />
            <Statistic title="未登记任前考察" value={figures.unvetted.length} suffix="人次" styles={{ content: figures.unvetted.length > 0 ? { color: '#cf1322' } : undefined }} />
          </Space>
        </Card>
        {!readOnly && (
          <Button type="primary" icon={<PlusOutlined />} onClick={add}>
            登记双向交流
          </Button>
        )}
      </Space>
      {figures.unvetted.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="exchange-unvetted"
          title={`${figures.unvetted.length}名干部交流到党务岗位，未登记任前考察：${figures.unvetted.map((x) => x.personName).join('、')}`}
          description={readOnly ? VETTING_REASON : `${VETTING_REASON}请点击该记录的“编辑”，补录任前考察的日期和结果。`}
        />
      )}
      <Table<CadreExchange>
        rowKey="id"
        size="middle"
        data-testid="exchanges"
        dataSource={rows}
        pagination={rows.length > 50 ? { defaultPageSize: 50, showTotal: (t) => `共 ${t} 条` } : false}
        locale={{
          emptyText: (
            <Empty
              description={
                readOnly
                  ? `该单位没有${year}年的党务干部双向交流记录。`
                  : `还没有${year}年的党务干部双向交流记录。专职党务干部与行政业务干部双向交流时，点击“登记双向交流”记下姓名、交流方向、原岗位和交流后岗位；交流到党务岗位的，同时登记任前考察情况。年度报告据此统计。`
              }
            >
              {!readOnly && (
                <Button type="primary" icon={<PlusOutlined />} onClick={add}>
                  登记双向交流
                </Button>
              )}
            </Empty>
          ),
        }}
        columns={[
          { title: '交流日期', dataIndex: 'date', key: 'date', width: 120 },
          { title: '姓名', dataIndex: 'personName', key: 'personName' },
          { title: '交流方向', dataIndex: 'direction', key: 'direction', render: (d: CadreExchangeDirection) => CADRE_EXCHANGE_DIRECTION_LABELS[d] },
          { title: '原岗位', dataIndex: 'fromPost', key: 'fromPost', render: (p: string) => p || <Typography.Text type="secondary">—</Typography.Text> },
          { title: '交流后岗位', dataIndex: 'toPost', key: 'toPost', render: (p: string) => p || <Typography.Text type="secondary">—</Typography.Text> },
          {
            title: '任前考察',
            key: 'vetting',
            render: (_: unknown, x: CadreExchange) =>
              x.direction !== 'toPartyAffairs' ? (
                <Typography.Text type="secondary">不适用</Typography.Text>
              ) : lacksVetting(x) ? (
                <Tag color="error">未登记任前考察</Tag>
              ) : (
                <span>
                  {x.vettedOn}
                  {x.vettingResult ? `，${x.vettingResult}` : ''}
                </span>
              ),
          },
          ...(readOnly
            ? []
            : [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, x: CadreExchange) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setForm({ editing: x })} aria-label={`编辑${x.personName}的双向交流`}>
                        编辑
                      </Button>
                      <Button type="link" size="small" danger onClick={() => confirmDelete(x)} aria-label={`删除${x.personName}的双向交流`}>
                        删除
                      </Button>
                    </Space>
                  ),
                },
              ]),
        ]}
      />
      {!readOnly && <ExchangeModal open={form !== null} year={year} editing={form?.editing ?? null} names={names} members={records.members} onClose={() => setForm(null)} />}
    </Space>
  );
}

interface Values {
  date: Dayjs;
  personName: string;
  direction: CadreExchangeDirection;
  fromPost?: string;
  toPost?: string;
  vettedOn?: Dayjs | null;
  vettingResult?: string;
  note?: string;
}

const FIELDS = ['date', 'personName', 'direction', 'fromPost', 'toPost', 'vettedOn', 'vettingResult', 'note'] as const;

function ExchangeModal({
  open,
  year,
  editing,
  names,
  members,
  onClose,
}: {
  open: boolean;
  year: number;
  editing: CadreExchange | null;
  names: readonly string[];
  members: CadreExchangeRecords['members'];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();
  const direction = Form.useWatch('direction', form);
  const vettedOn = Form.useWatch('vettedOn', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        date: fromIso(editing.date)!,
        personName: editing.personName,
        direction: editing.direction,
        fromPost: editing.fromPost,
        toPost: editing.toPost,
        vettedOn: fromIso(editing.vettedOn),
        vettingResult: editing.vettingResult,
        note: editing.note,
      });
  }, [open, editing, form]);

  /** The roster member of that name when exactly one has it (else the name stands alone). */
  function memberIdOf(name: string): string | null {
    const same = members.filter((m) => m.name === name);
    return same.length === 1 ? same[0]!.id : null;
  }

  async function submit(v: Values) {
    const personName = v.personName.trim();
    const input: CadreExchangeInput = {
      date: toIso(v.date)!,
      personName,
      memberId: memberIdOf(personName),
      direction: v.direction,
      fromPost: (v.fromPost ?? '').trim(),
      toPost: (v.toPost ?? '').trim(),
      vettedOn: v.direction === 'toPartyAffairs' ? toIso(v.vettedOn ?? null) : null,
      vettingResult: v.direction === 'toPartyAffairs' ? (v.vettingResult ?? '').trim() : '',
      note: (v.note ?? '').trim(),
    };
    const saved = await run((ctx) => (editing ? updateCadreExchange(ctx, editing.id, input) : createCadreExchange(ctx, input)), {
      success: editing ? '已保存' : `已登记${personName}的双向交流`,
      form,
      fields: FIELDS,
    });
    if (saved) onClose();
  }

  const into = direction === 'toPartyAffairs';
  return (
    <Modal open={open} title={editing ? '编辑双向交流' : '登记双向交流'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden width={600}>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="双向交流信息" initialValues={{ direction: 'toPartyAffairs' }}>
        <Form.Item name="personName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写交流干部的姓名' }]} extra="可从党员名册中选择，也可直接输入。">
          <PersonInput names={names} placeholder="干部姓名" autoFocus />
        </Form.Item>
        <Form.Item name="direction" label="交流方向" rules={[{ required: true, message: '请选择交流方向' }]}>
          <Radio.Group options={CADRE_EXCHANGE_DIRECTIONS.map((d) => ({ value: d, label: CADRE_EXCHANGE_DIRECTION_LABELS[d] }))} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="fromPost" label="原岗位">
            <Input maxLength={100} placeholder={into ? '例如：预算科科员' : '例如：机关党委专职副书记'} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="toPost" label="交流后岗位">
            <Input maxLength={100} placeholder={into ? '例如：机关党委专职副书记' : '例如：办公室副主任'} style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <DateField label="交流日期" year={year} />
        {into && (
          <>
            {!vettedOn && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="尚未填写任前考察" description={`${VETTING_REASON}可以先保存，该记录会在列表和工作台上标出，请在考察后补录。`} />}
            <Form.Item
              name="vettedOn"
              label="任前考察日期"
              dependencies={['date']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, d: Dayjs | null | undefined) => {
                    if (!d) return Promise.resolve();
                    const problem = careDateProblem(toIso(d)!, todayIso(), '任前考察日期');
                    if (problem) return Promise.reject(new Error(problem));
                    const date = getFieldValue('date') as Dayjs | undefined;
                    if (date && d.isAfter(date, 'day')) return Promise.reject(new Error('任前考察应在任职之前进行：任前考察日期不能晚于交流日期，请核对'));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="vettingResult" label="任前考察结果">
              <Input.TextArea maxLength={2000} rows={2} placeholder="例如：考察合格，政治强、业务精、作风好" />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
