/** Per table of a bundle: how many records would be new, updated, unchanged, older, in conflict (a preview's or a batch row's). */
import { Table, Tag } from 'antd';
import { RECORD_TABLE_LABELS, type RecordTable } from '../../../shared/model/tables';
import type { TableCounts } from '../../db/sync/importBundle';

interface CountRow {
  table: RecordTable;
  new: number;
  update: number;
  unchanged: number;
  older: number;
  conflicts: number;
}

type CountKey = Exclude<keyof CountRow, 'table'>;

const ACTIONS: { key: CountKey; title: string }[] = [
  { key: 'new', title: '新增' },
  { key: 'update', title: '更新' },
  { key: 'unchanged', title: '无变化' },
  { key: 'older', title: '较旧（不采用）' },
  { key: 'conflicts', title: '冲突' },
];

export function countRow(table: RecordTable, c: TableCounts): CountRow {
  return {
    table,
    new: c.new,
    update: c.update + c['update-conflict'],
    unchanged: c.unchanged + c.protected,
    older: c.older,
    conflicts: c['update-conflict'] + c['older-conflict'],
  };
}

/** The totals over all tables, e.g. for one line of the batch summary. */
export function countTotals(tables: Iterable<readonly [RecordTable, TableCounts]>): Omit<CountRow, 'table'> {
  const total = { new: 0, update: 0, unchanged: 0, older: 0, conflicts: 0 };
  for (const [table, c] of tables) {
    const r = countRow(table, c);
    for (const a of ACTIONS) total[a.key] += r[a.key];
  }
  return total;
}

export function CountsTable({ tables, testId }: { tables: Iterable<readonly [RecordTable, TableCounts]>; testId?: string }) {
  const rows = [...tables].map(([table, c]) => countRow(table, c));
  return (
    <Table<CountRow>
      size="small"
      pagination={false}
      rowKey="table"
      dataSource={rows}
      data-testid={testId}
      columns={[
        { title: '数据类型', key: 'table', render: (_, r) => RECORD_TABLE_LABELS[r.table] },
        ...ACTIONS.map((a) => ({
          title: a.title,
          key: a.key,
          render: (_: unknown, r: CountRow) => (r[a.key] > 0 && a.key === 'conflicts' ? <Tag color="warning">{r[a.key]}</Tag> : r[a.key]),
        })),
      ]}
    />
  );
}
