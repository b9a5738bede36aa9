/**
 * Field-level schemas shared by every record. Messages are Simplified Chinese and say what is wrong
 * and what to do; they do not name the field (forms show the label next to the message, and
 * `validateRecord` prefixes it), so one primitive serves every field.
 *
 * Text is trimmed on parse; a record that went through a schema once parses to itself again.
 *
 * Checks that a record's cross-field `.superRefine` relies on (dates, instants, ids, numbers, ID
 * numbers, credit codes) abort on failure: zod then skips the record-level checks, so those only
 * ever see well-formed fields and never add a confusing second message about a field already wrong.
 */
import { z } from 'zod';
import { isUuidV7 } from '../ids/uuidv7';

/** Message for a wrong or missing value: `what` is the kind of value expected, e.g. '日期'. */
export function typeMessage(what: string): (issue: { readonly input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? `缺少${what}，请补填` : `应为${what}，请核对后重新填写`);
}

/** Message for a value outside a closed list (select boxes). */
export function choiceMessage(what: string): (issue: { readonly input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? `缺少${what}，请选择` : `${what}不在可选范围内，请从列表中选择`);
}

/** A closed list from vocabulary.ts as a schema. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, { error: choiceMessage(what) });
}

// ── Dates ──────────────────────────────────────────────────────────────────────────────────────

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when y-m-d is a real day of the Gregorian calendar (any year). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Why `s` is not an IsoDate in the ledger's range, or null when it is one. */
export function isoDateProblem(s: string): string | null {
  const m = ISO_DATE_PATTERN.exec(s);
  if (!m) return '日期格式应为“年-月-日”，例如 2026-01-15，请重新填写';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) return `年份应在 ${MIN_YEAR} 至 ${MAX_YEAR} 之间，请核对`;
  if (!isCalendarDate(year, month, day)) return `日历上没有 ${s} 这一天（请注意大小月和闰年），请核对后重新填写`;
  return null;
}

export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && isoDateProblem(s) === null;
}

/** A calendar date `YYYY-MM-DD` (no time zone), a real day between 1900 and 2999. */
export const IsoDate = z.string({ error: typeMessage('日期') }).superRefine((s, ctx) => {
  const problem = isoDateProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: false });
});
export type IsoDate = z.infer<typeof IsoDate>;

export function isIsoInstant(s: unknown): s is string {
  if (typeof s !== 'string' || !ISO_INSTANT_PATTERN.test(s)) return false;
  const t = Date.parse(s);
  return Number.isFinite(t) && new Date(t).toISOString() === s;
}

/** A UTC instant `YYYY-MM-DDTHH:mm:ss.sssZ`, exactly as `Date.prototype.toISOString` writes it. */
export const IsoInstant = z
  .string({ error: typeMessage('时间') })
  .refine(isIsoInstant, { message: '时间格式应为 UTC 时间戳（如 2026-01-15T08:00:00.000Z），该记录可能已损坏', abort: true });
export type IsoInstant = z.infer<typeof IsoInstant>;

/** An integer year such as 2026. */
export const Year = z
  .number({ error: typeMessage('年份（整数）') })
  .int({ message: '年份应为整数，例如 2026', abort: true })
  .min(MIN_YEAR, { message: `年份应在 ${MIN_YEAR} 至 ${MAX_YEAR} 之间，请核对`, abort: true })
  .max(MAX_YEAR, { message: `年份应在 ${MIN_YEAR} 至 ${MAX_YEAR} 之间，请核对`, abort: true });

/** A quarter such as `2026-Q3`. */
export const Quarter = z
  .string({ error: typeMessage('季度') })
  .regex(/^\d{4}-Q[1-4]$/, { message: '季度格式应为“年份-Q季度”，例如 2026-Q3', abort: true })
  .refine((s) => {
    const y = Number(s.slice(0, 4));
    return y >= MIN_YEAR && y <= MAX_YEAR;
  }, `年份应在 ${MIN_YEAR} 至 ${MAX_YEAR} 之间，请核对`);

// ── Numbers ────────────────────────────────────────────────────────────────────────────────────

/** Largest amount accepted: 100 亿元 in 分. */
export const MAX_FEN = 1_000_000_000_000;

/** Money: a non-negative integer number of 分 (1 元 = 100 分), never a float of 元. */
export const Fen = z
  .number({ error: typeMessage('金额') })
  .int({ message: '金额应精确到分（以分为单位的整数），请检查是否有多余的小数位', abort: true })
  .min(0, { message: '金额不能为负数，请核对', abort: true })
  .max(MAX_FEN, { message: '金额过大（超过100亿元），请核对单位是否为“元”', abort: true });

/** A count: integer ≥ 0. */
export function count(what = '数量') {
  return z
    .number({ error: typeMessage(`${what}（整数）`) })
    .int({ message: `${what}应为整数，请核对`, abort: true })
    .min(0, { message: `${what}不能为负数，请核对`, abort: true });
}

/** A bounded non-negative number that may have decimals (hours, scores). */
export function amount(what: string, max: number) {
  return z
    .number({ error: typeMessage(what) })
    .min(0, { message: `${what}不能为负数，请核对`, abort: true })
    .max(max, { message: `${what}不能超过 ${max}，请核对`, abort: true });
}

// ── Text ───────────────────────────────────────────────────────────────────────────────────────

/** Length limits: names and titles, ordinary free text, long text (minutes, findings). */
export const SHORT_TEXT_MAX = 200;
export const TEXT_MAX = 2_000;
export const LONG_TEXT_MAX = 100_000;

/** Free text, trimmed; may be '' (the stored default). */
export function text(max: number = SHORT_TEXT_MAX) {
  return z
    .string({ error: typeMessage('文字') })
    .trim()
    .max(max, `内容不能超过 ${max} 个字，请精简`);
}

/** Text that must be filled in: trimmed, not empty. */
export function requiredText(max: number = SHORT_TEXT_MAX) {
  return z
    .string({ error: typeMessage('文字') })
    .trim()
    .min(1, '不能为空，请填写')
    .max(max, `内容不能超过 ${max} 个字，请精简`);
}

// ── Lists ──────────────────────────────────────────────────────────────────────────────────────

/** A list of `item`, at most `max` long; `what` names the items, e.g. '议题'. */
export function listOf<T extends z.ZodType>(item: T, max: number, what: string) {
  return z
    .array(item, { error: typeMessage(`${what}列表`) })
    .max(max, `${what}过多（超过 ${max} 项），请精简或合并`);
}

// ── Ids and technical strings ──────────────────────────────────────────────────────────────────

/** A record id: a lower-case UUIDv7 made by `newId()`. */
export const Id = z
  .string({ error: typeMessage('编号') })
  .refine(isUuidV7, { message: '编号格式不正确（应为系统生成的编号），该记录可能已损坏，请向发送方重新索取数据', abort: true });
export type Id = z.infer<typeof Id>;

/** SHA-256 as 64 lower-case hex digits. */
export const Sha256Hex = z
  .string({ error: typeMessage('文件摘要') })
  .regex(/^[0-9a-f]{64}$/, '文件摘要（SHA-256）应为64位小写十六进制数，该附件记录可能已损坏');

/** A MIME type such as `image/jpeg`, lower case. */
export const Mime = z
  .string({ error: typeMessage('文件类型') })
  .regex(
    /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/,
    '文件类型格式不正确（应如 image/jpeg），请重新添加该附件',
  );

/** An Ed25519 public key (32 bytes) in canonical padded base64 (44 characters). */
export const Ed25519PublicKeyBase64 = z
  .string({ error: typeMessage('公钥') })
  .regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/, '公钥格式不正确（应为 Base64 编码的 Ed25519 公钥），请重新导入该单位的注册文件');

const MOBILE_PATTERN = /^1\d{10}$/;
const LANDLINE_PATTERN = /^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$/;

export function isPhone(s: string): boolean {
  return MOBILE_PATTERN.test(s) || LANDLINE_PATTERN.test(s);
}

/** A phone number (sensitive): '' when unknown, an 11-digit mobile, or a landline. */
export const Phone = z
  .string({ error: typeMessage('电话号码') })
  .trim()
  .refine(
    (s) => s === '' || isPhone(s),
    '电话号码格式不正确，请填写11位手机号或固定电话（如 0591-87654321），不要加空格',
  );
