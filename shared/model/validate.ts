/**
 * Validate one untrusted record (a form value, a record from a bundle) against its table's schema,
 * turning zod's issues into one ExpectedError with a Chinese message that names the field.
 */
import type { z } from 'zod';
import { fail, ok } from '../errors/errors';
import type { ExpectedError, Result } from '../errors/errors';
import { RECORD_FIELD_LABELS, RECORD_SCHEMAS } from './registry';
import type { RecordOf } from './registry';
import { isRecordTable, RECORD_TABLE_LABELS } from './tables';
import type { RecordTable } from './tables';

export interface FieldIssue {
  readonly path: readonly (string | number)[];
  /** Chinese, without the field name (forms show it next to the field). */
  readonly message: string;
}

/** kind 'validation'; `message` and `path` describe the first problem, `issues` lists them all. */
export interface ValidationError extends ExpectedError<'validation'> {
  readonly path: readonly (string | number)[];
  readonly issues: readonly FieldIssue[];
}

/**
 * The Chinese name of a field path, e.g. ['attendance', 2, 'memberId'] → '参会人员第3项·党员'.
 * Looks a segment up as 'list.field' first, then as 'field'; unknown keys are shown as they are.
 */
/**
 * Who or what item `index` of the list `list` is, in words (e.g. a member's name for
 * ['attendance', 7]), or null to say 第8项.
 */
export type ItemName = (list: string, index: number) => string | null;

export function fieldPathLabel(table: RecordTable, path: readonly (string | number)[], itemName?: ItemName): string {
  const labels = RECORD_FIELD_LABELS[table];
  const names: string[] = [];
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') {
      const named = itemName?.(names.join('.'), seg) ?? null;
      out += named === null ? `第${seg + 1}项` : `（${named}）`;
      continue;
    }
    names.push(seg);
    const label = labels[names.join('.')] ?? labels[seg] ?? seg;
    out += out === '' ? label : `·${label}`;
  }
  return out;
}

function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
}

export function validationError(table: RecordTable, issues: readonly FieldIssue[], itemName?: ItemName): ValidationError {
  const first = issues[0] ?? { path: [], message: '数据不符合要求' };
  const where = fieldPathLabel(table, first.path, itemName);
  const more = issues.length > 1 ? `（另有${issues.length - 1}处问题）` : '';
  const head = where === '' ? `${RECORD_TABLE_LABELS[table]}记录：` : `${RECORD_TABLE_LABELS[table]}记录「${where}」：`;
  return { kind: 'validation', message: `${head}${first.message}${more}`, path: first.path, issues };
}

/** Parse `value` as a record of `table`: the checked (trimmed, canonical) record, or why not. */
export function validateRecord<T extends RecordTable>(table: T, value: unknown): Result<RecordOf<T>, ValidationError> {
  if (!isRecordTable(table)) {
    return fail({
      kind: 'validation',
      message: `未知的数据类型“${String(table).slice(0, 40)}”，该数据可能来自不兼容的版本`,
      path: [],
      issues: [],
    });
  }
  const schema: z.ZodType = RECORD_SCHEMAS[table];
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data as RecordOf<T>);
  return fail(validationError(table, toFieldIssues(parsed.error)));
}
