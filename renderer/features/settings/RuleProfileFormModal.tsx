/**
 * The 工委 issues a new version of its rule profile: the thresholds cadres ask about most (term
 * reminders, cadre ratio, training coverage, organisational life, cards) and the weights of the
 * quarterly monitoring's indicators (季度考核指标: each 0–100, 0 = not counted, adding up to 100 —
 * said in Chinese before anything is issued) with each one's scale (计分标准: full marks at or above
 * 满分线, 0 at or below 零分线, linear between; 100 % / 0 % is the rate × 100) are edited here, and
 * so are the meeting frequencies (how many per period; a changed one says so in its 依据) and the
 * quorum shares (分子/分母), and the 党费标准: each group's brackets (在职 / 离退休: upper bound in 元 and
 * rate in %, from the lowest income up, the last without an upper bound — refused in words
 * otherwise), the fixed monthly amount and the months of back-payment. Saved as the
 * next version, in force from its date only (a quarter is scored by the profile in force on its last
 * day); units receive it with their next return bundle.
 */
import { useEffect, useMemo } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { RuleProfile } from '../../../shared/rules/profile';
import { issueRuleProfile } from '../../db/ruleProfileRepository';
import { toIso } from '../common/dates';
import { useWriteAction } from '../common/useWriteAction';
import {
  bracketYuan,
  DUES_GROUPS,
  duesBracketsError,
  duesBracketsFromRows,
  duesRows,
  specialMonthlyError,
  type DuesGroup,
  type DuesRow,
  fractionError,
  frequencyRows,
  requirementsWithCounts,
  indicatorsFromWeights,
  indicatorWeightRows,
  indicatorWeightsError,
  scaleError,
  scalePercents,
  scoringFromScales,
  type IndicatorWeightRow,
  type ScalePercents,
} from './ruleProfileText';

interface Values {
  name: string;
  effectiveFrom: Dayjs;
  note: string;
  reminderMonths: number;
  secondReminderMonths: number;
  maxExtensionMonths: number;
  cadreMin: number;
  cadreMax: number;
  coverage: number;
  newHeadWithinMonths: number;
  recordWithinDays: number;
  selfWithdrawalMonths: number;
  escalateOverdueYellow: boolean;
  repeatYellowCount: number;
  repeatWithinMonths: number;
  /** 季度考核指标 weights, in the order of `indicatorWeightRows(inForce)`. */
  weights: number[];
  /** Each indicator's scale in percent, in the same order. */
  scales: ScalePercents[];
  /** Meetings per period, in the order of `frequencyRows(inForce)`. */
  frequencies: number[];
  quorum: Record<QuorumKey, { numerator: number; denominator: number }>;
  /** 党费标准: each group's brackets (元, %), the fixed monthly amount in 元, the months of back-payment. */
  dues: Record<DuesGroup, DuesRow[]> & { specialMonthly: number; backPayMaxMonths: number };
}

type QuorumKey = keyof RuleProfile['quorum'];
const QUORUM: readonly { key: QuorumKey; label: string }[] = [
  { key: 'vote', label: '表决：有表决权的党员到会超过' },
  { key: 'motion', label: '决议：赞成超过应到会有表决权党员的' },
  { key: 'committee', label: '支委会：委员到会超过' },
  { key: 'election', label: '选举：到会超过应到会的' },
];

const FIELDS = ['note'];

function valuesOf(p: RuleProfile): Omit<Values, 'effectiveFrom' | 'note'> {
  return {
    weights: indicatorWeightRows(p).map((r) => r.weight),
    scales: scalePercents(p, indicatorWeightRows(p)),
    frequencies: frequencyRows(p).map((r) => r.count),
    dues: { inService: duesRows(p.dues.inService), retired: duesRows(p.dues.retired), specialMonthly: p.dues.specialMonthlyFen / 100, backPayMaxMonths: p.dues.backPayMaxMonths },
    quorum: { vote: { ...p.quorum.vote }, motion: { ...p.quorum.motion }, committee: { ...p.quorum.committee }, election: { ...p.quorum.election } },
    name: p.name,
    reminderMonths: p.terms.reminderMonths,
    secondReminderMonths: p.terms.secondReminderMonths,
    maxExtensionMonths: p.terms.maxExtensionMonths,
    cadreMin: p.cadreRatio.minBasisPoints / 100,
    cadreMax: p.cadreRatio.maxBasisPoints / 100,
    coverage: p.training.coverageTargetBasisPoints / 100,
    newHeadWithinMonths: p.training.newHeadWithinMonths,
    recordWithinDays: p.meetings.recordWithinDays,
    selfWithdrawalMonths: p.selfWithdrawal.months,
    escalateOverdueYellow: p.cards.escalateOverdueYellow,
    repeatYellowCount: p.cards.repeatYellowCount,
    repeatWithinMonths: p.cards.repeatWithinMonths,
  };
}

/** The edited profile: the version in force with the form's values (version assigned on issue). */
function profileOf(base: RuleProfile, v: Values, rows: readonly IndicatorWeightRow[]): Omit<RuleProfile, 'version'> {
  const { version: _version, ...rest } = base;
  const bp = (percent: number) => Math.round(percent * 100);
  return {
    ...rest,
    name: v.name.trim(),
    effectiveFrom: toIso(v.effectiveFrom)!,
    meetings: { ...base.meetings, requirements: requirementsWithCounts(base, v.frequencies, v.name.trim()), recordWithinDays: v.recordWithinDays },
    quorum: v.quorum,
    dues: {
      inService: duesBracketsFromRows(v.dues.inService),
      retired: duesBracketsFromRows(v.dues.retired),
      specialMonthlyFen: Math.round(v.dues.specialMonthly * 100),
      backPayMaxMonths: v.dues.backPayMaxMonths,
    },
    terms: { ...base.terms, reminderMonths: v.reminderMonths, secondReminderMonths: v.secondReminderMonths, maxExtensionMonths: v.maxExtensionMonths },
    cadreRatio: { minBasisPoints: bp(v.cadreMin), maxBasisPoints: bp(v.cadreMax) },
    training: { ...base.training, coverageTargetBasisPoints: bp(v.coverage), newHeadWithinMonths: v.newHeadWithinMonths },
    selfWithdrawal: { months: v.selfWithdrawalMonths },
    cards: { escalateOverdueYellow: v.escalateOverdueYellow, repeatYellowCount: v.repeatYellowCount, repeatWithinMonths: v.repeatWithinMonths },
    assessment: (() => {
      const scoring = scoringFromScales(base, rows, v.scales);
      const indicators = indicatorsFromWeights(rows, v.weights);
      return scoring === undefined ? { indicators } : { indicators, scoring };
    })(),
  };
}

function Months({ name, label, min = 0, max = 60, unit = '个月' }: { name: keyof Values; label: string; min?: number; max?: number; unit?: string }) {
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={min} max={max} precision={0} addonAfter={unit} style={{ width: 150 }} />
    </Form.Item>
  );
}

/** One group's dues brackets: each row's income range (from the previous row's upper bound), its upper bound and rate; add and remove rows. */
function DuesBrackets({ group, label }: { group: DuesGroup; label: string }) {
  const rows = Form.useWatch(['dues', group]) as DuesRow[] | undefined;
  // said as the rows change (the list's own rule, which blocks 下发, is checked on 下发 only)
  const liveError = rows === undefined ? null : duesBracketsError(label, rows);
  return (
    <Form.List
      name={['dues', group]}
      rules={[
        {
          validator: (_, value: DuesRow[] | undefined) => {
            const error = duesBracketsError(label, value ?? []);
            return error === null ? Promise.resolve() : Promise.reject(new Error(error));
          },
        },
      ]}
    >
      {(items, { add, remove }) => (
        <Form.Item label={`${label}（按月工资收入，各档首尾相接，最后一档不设上限）`} required data-testid={`dues-${group}`}>
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            {items.map((item, i) => {
              const last = i === items.length - 1;
              const prev = i === 0 ? null : (rows?.[i - 1]?.upTo ?? null);
              const from = prev === null ? '' : `${bracketYuan(Math.round(prev * 100))}以上`;
              return (
                <Space key={item.key} align="center" size={6}>
                  <Typography.Text style={{ display: 'inline-block', width: 40 }}>第{i + 1}档</Typography.Text>
                  {last ? (
                    <Typography.Text style={{ display: 'inline-block', width: 306 }}>{from === '' ? '不论收入多少' : `${from}（不设上限）`}</Typography.Text>
                  ) : (
                    <>
                      <Typography.Text style={{ display: 'inline-block', width: 110 }}>{from === '' ? '' : `${from}至`}</Typography.Text>
                      <Form.Item noStyle name={[item.name, 'upTo']}>
                        <InputNumber aria-label={`${label}第${i + 1}档月收入上限`} min={0} step={500} addonAfter="元（含）" style={{ width: 110 }} />
                      </Form.Item>
                    </>
                  )}
                  <Form.Item noStyle name={[item.name, 'rate']}>
                    <InputNumber aria-label={`${label}第${i + 1}档缴纳比例`} min={0} max={100} step={0.5} addonAfter="%" style={{ width: 80 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    disabled={items.length === 1}
                    aria-label={`删除${label}第${i + 1}档`}
                    onClick={() => remove(item.name)}
                  />
                </Space>
              );
            })}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ upTo: null, rate: null }, Math.max(items.length - 1, 0))}>
              在最后一档前添加一档
            </Button>
            {liveError !== null && (
              <Typography.Text type="danger" role="alert">
                {liveError}
              </Typography.Text>
            )}
          </Space>
        </Form.Item>
      )}
    </Form.List>
  );
}

export function RuleProfileFormModal({ open, inForce, onClose }: { open: boolean; inForce: RuleProfile; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();
  const rows = useMemo(() => indicatorWeightRows(inForce), [inForce]);
  const weights = Form.useWatch('weights', form) as (number | null)[] | undefined;
  const weightsError = weights === undefined ? null : indicatorWeightsError(weights.map((w) => w ?? 0));
  const weightSum = (weights ?? []).reduce<number>((s, w) => s + (w ?? 0), 0);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ ...valuesOf(inForce), effectiveFrom: dayjs().add(1, 'month').startOf('month'), note: '' });
  }, [open, inForce, form]);

  async function submit(v: Values) {
    if (indicatorWeightsError(v.weights.map((w) => w ?? 0)) !== null) return; // said under 季度考核指标
    const saved = await run((ctx) => issueRuleProfile(ctx, profileOf(inForce, v, rows), v.note ?? ''), {
      success: '已下发新版规则配置：各单位导入下一次回执后生效',
      form,
      fields: FIELDS,
    });
    if (saved) onClose();
  }

  return (
    <Modal open={open} title="调整规则配置" okText="下发新版本" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden width={720}>
      <Typography.Paragraph type="secondary">
        以下为本市可调整的规则、会议频次、表决比例、党费标准和季度考核指标的权重、计分标准。保存后生成新版本，随各单位的下一次回执下发，自施行日期起用于各项统计、预警和季度考核（施行日期前结束的季度仍按原版本计分）。
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="规则配置" requiredMark={false}>
        <Space size={16} align="start" wrap>
          <Form.Item name="name" label="配置名称" rules={[{ required: true, whitespace: true, message: '请填写配置名称' }]} style={{ width: 360 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label="施行日期" rules={[{ required: true, message: '请选择施行日期' }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>换届提醒</Typography.Title>
        <Space size={16} align="start" wrap>
          <Months name="reminderMonths" label="届满前黄色预警" min={1} max={24} />
          <Months name="secondReminderMonths" label="届满前再次提醒" max={24} />
          <Months name="maxExtensionMonths" label="延期最长" max={24} />
        </Space>
        <Typography.Title level={5}>专职党务干部配备比例</Typography.Title>
        <Space size={16} align="start" wrap>
          <Form.Item name="cadreMin" label="下限" rules={[{ required: true, message: '请填写下限' }]}>
            <InputNumber min={0} max={100} step={0.1} precision={2} addonAfter="%" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="cadreMax" label="上限" rules={[{ required: true, message: '请填写上限' }]}>
            <InputNumber min={0} max={100} step={0.1} precision={2} addonAfter="%" style={{ width: 150 }} />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>教育培训</Typography.Title>
        <Space size={16} align="start" wrap>
          <Form.Item name="coverage" label="年度覆盖率目标" rules={[{ required: true, message: '请填写覆盖率目标' }]}>
            <InputNumber min={0.01} max={100} step={1} precision={2} addonAfter="%" style={{ width: 150 }} />
          </Form.Item>
          <Months name="newHeadWithinMonths" label="新任书记培训期限" min={1} max={36} />
        </Space>
        <Typography.Title level={5}>组织生活</Typography.Title>
        <Space size={16} align="start" wrap>
          <Months name="recordWithinDays" label="会议记录录入期限" max={365} unit="天" />
          <Months name="selfWithdrawalMonths" label="连续未参加组织生活提醒" min={1} max={24} />
        </Space>
        <Typography.Title level={5}>会议频次</Typography.Title>
        <div data-testid="meeting-frequencies">
          {frequencyRows(inForce).map((r, i) => (
            <Form.Item key={r.index} name={['frequencies', i]} label={r.label} rules={[{ required: true, message: `请填写${r.label}的次数` }]}>
              <InputNumber aria-label={r.label} min={1} max={31} precision={0} addonAfter="次" style={{ width: 150 }} />
            </Form.Item>
          ))}
        </div>
        <Typography.Title level={5}>表决比例</Typography.Title>
        <div data-testid="quorum">
          {QUORUM.map(({ key, label }) => (
            <Form.Item key={key} label={label} required>
              <Space align="center">
                <Form.Item noStyle name={['quorum', key, 'numerator']} rules={[{ required: true, message: '请填写分子' }]}>
                  <InputNumber aria-label={`${label}（分子）`} min={1} max={99} precision={0} style={{ width: 80 }} />
                </Form.Item>
                <span>/</span>
                <Form.Item
                  noStyle
                  name={['quorum', key, 'denominator']}
                  dependencies={[['quorum', key, 'numerator']]}
                  rules={[
                    { required: true, message: '请填写分母' },
                    ({ getFieldValue }) => ({
                      validator: (_, d: number | null) => {
                        const error = fractionError(label.split('：')[0]!, { numerator: getFieldValue(['quorum', key, 'numerator']) as number | null, denominator: d ?? null });
                        return error === null ? Promise.resolve() : Promise.reject(new Error(error));
                      },
                    }),
                  ]}
                >
                  <InputNumber aria-label={`${label}（分母）`} min={1} max={99} precision={0} style={{ width: 80 }} />
                </Form.Item>
              </Space>
            </Form.Item>
          ))}
        </div>
        <Typography.Title level={5}>党费标准</Typography.Title>
        <div data-testid="dues">
          {DUES_GROUPS.map(({ key, label }) => (
            <DuesBrackets key={key} group={key} label={label} />
          ))}
          <Space size={16} align="start" wrap>
            <Form.Item
              name={['dues', 'specialMonthly']}
              label="学生、下岗失业、享受最低生活保障党员每月"
              rules={[
                {
                  validator: (_, y: number | null | undefined) => {
                    const error = specialMonthlyError(y ?? null);
                    return error === null ? Promise.resolve() : Promise.reject(new Error(error));
                  },
                },
              ]}
            >
              <InputNumber aria-label="每月固定党费" min={0} step={0.1} addonAfter="元" style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name={['dues', 'backPayMaxMonths']} label="补交党费最多补" rules={[{ required: true, message: '请填写补交党费最多补几个月' }]}>
              <InputNumber aria-label="补交党费最多补" min={0} max={120} precision={0} addonAfter="个月" style={{ width: 150 }} />
            </Form.Item>
          </Space>
        </div>
        <Typography.Title level={5}>红黄牌</Typography.Title>
        <Space size={16} align="start" wrap>
          <Months name="repeatWithinMonths" label="累计黄牌期间" min={1} max={36} />
          <Months name="repeatYellowCount" label="期间内第几张黄牌升红牌" min={2} max={10} unit="张" />
          <Form.Item name="escalateOverdueYellow" valuePropName="checked" label=" ">
            <Checkbox>黄牌逾期未整改升为红牌</Checkbox>
          </Form.Item>
        </Space>
        <Typography.Title level={5}>季度考核指标权重</Typography.Title>
        <Typography.Paragraph type="secondary">
          各项权重为整数分，合计必须为 100 分；填 0 的指标不计入考核。计分标准：比率达到满分线得满分，不高于零分线得 0 分，其间按比例计分（满分线 100%、零分线 0% 即按比率直接计分）。
        </Typography.Paragraph>
        <div data-testid="indicator-weights">
          {rows.map((r, i) => (
            <Space key={r.id} size={16} align="start" wrap data-testid={`indicator-${r.id}`}>
              <Form.Item name={['weights', i]} label={r.name} tooltip={r.hint ?? undefined} rules={[{ required: true, message: `请填写${r.name}的权重` }]} style={{ width: 240 }}>
                <InputNumber aria-label={`${r.name}权重`} min={0} max={100} precision={0} addonAfter="分" style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name={['scales', i, 'full']} label="满分线" rules={[{ required: true, message: `请填写${r.name}的满分线` }]}>
                <InputNumber aria-label={`${r.name}满分线`} min={0.01} max={100} precision={2} addonAfter="%" style={{ width: 140 }} />
              </Form.Item>
              <Form.Item
                name={['scales', i, 'zero']}
                label="零分线"
                dependencies={[['scales', i, 'full']]}
                rules={[
                  { required: true, message: `请填写${r.name}的零分线` },
                  ({ getFieldValue }) => ({
                    validator: (_, zero: number | null) => {
                      const error = zero === null || zero === undefined ? null : scaleError(r.name, { full: getFieldValue(['scales', i, 'full']) as number, zero });
                      return error === null ? Promise.resolve() : Promise.reject(new Error(error));
                    },
                  }),
                ]}
              >
                <InputNumber aria-label={`${r.name}零分线`} min={0} max={99.99} precision={2} addonAfter="%" style={{ width: 140 }} />
              </Form.Item>
            </Space>
          ))}
        </div>
        {weightsError === null ? (
          <Typography.Paragraph type="secondary" data-testid="indicator-weights-sum">
            合计 {weightSum} 分
          </Typography.Paragraph>
        ) : (
          <Alert type="error" showIcon title={weightsError} data-testid="indicator-weights-error" style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="note" label="调整说明（随配置下发，各单位可见）">
          <Input.TextArea maxLength={500} rows={2} placeholder="例如：依据市委直属机关工委〔2026〕12号文件调整" />
        </Form.Item>
        <Alert type="info" showIcon title="已下发的版本不能修改或撤回；如需更正，请再下发一个新版本。" />
      </Form>
    </Modal>
  );
}
