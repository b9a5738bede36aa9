/**
 * 设置 → 台账起始日期: the day the unit started keeping this ledger. The workbench no longer lists
 * to-dos of periods that ended before it; records of those periods may still be 补录.
 */
import { useEffect, useState } from 'react';
import { Button, DatePicker, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { chineseDate } from '../../../shared/rules/text';
import { ledgerStart } from '../../db/queries/workspace';
import { setLedgerStart } from '../../db/workspaceRepository';
import { fromIso, toIso } from '../common/dates';
import { todayIso } from '../common/today';
import { useAppQuery } from '../common/useAppQuery';
import { useWriteAction } from '../common/useWriteAction';

export function LedgerStartField() {
  const stored = useAppQuery(ledgerStart);
  const [value, setValue] = useState<Dayjs | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useWriteAction();
  useEffect(() => {
    if (stored !== undefined) setValue(stored === null ? null : fromIso(stored));
  }, [stored]);
  if (stored === undefined) return <>…</>;
  const picked = toIso(value) ?? null;

  async function save(date: string | null) {
    const today = todayIso();
    if (date !== null && date > today) return setError('台账起始日期不能晚于今天');
    setError(null);
    await run((ctx) => setLedgerStart(ctx, date, today), { success: date === null ? '已清除台账起始日期' : `台账起始日期已设为${chineseDate(date)}` });
  }

  return (
    <Space orientation="vertical" size={4}>
      <Space wrap>
        <DatePicker value={value} onChange={(d) => setValue(d)} allowClear aria-label="台账起始日期" status={error ? 'error' : undefined} />
        <Button onClick={() => void save(picked)} disabled={picked === stored} data-testid="ledger-start-save">
          保存
        </Button>
        <Typography.Text data-testid="ledger-start-current">{stored === null ? '未设置：各期待办均提示' : `现为${chineseDate(stored)}`}</Typography.Text>
      </Space>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Typography.Text type="secondary">
        本单位开始用本程序记台账的日期。此日期之前结束的月份、季度，工作台不再提示未完成的会议等待办；这些期间的记录可以补录，但不是必须。报表和工委看到的完成情况不受影响。
      </Typography.Text>
    </Space>
  );
}
