/**
 * Planning the import of a 花名册 (member roster spreadsheet): from the sheet's cells to one
 * decision per row — add a member, update the member with the same ID number, or skip the row
 * with reasons in Chinese. Pure: nothing is written here; the repository applies a confirmed plan
 * in one transaction.
 */
import { encodeRev } from '../clock/hlc';
import { genderFromIdNumber, birthDateFromIdNumber } from '../model/idNumber';
import type { RecordFields } from '../model/meta';
import type { Member } from '../model/member';
import { validateRecord } from '../model/validate';
import { parseCellDate } from './cellDate';
import {
  guessColumnMapping,
  missingRequiredFields,
  ROSTER_FIELD_LABELS,
  type ColumnMapping,
  type RosterField,
} from './rosterColumns';

/** Bounds for a hostile or mistaken file. */
export const ROSTER_LIMITS = { maxFileBytes: 10 * 1024 * 1024, maxRows: 20_000, maxColumns: 100 } as const;

export type MemberInput = RecordFields<Member>;

export interface RosterRowPlan {
  /** 1-based row number as the spreadsheet shows it. */
  readonly rowNumber: number;
  readonly action: 'add' | 'update' | 'skip';
  readonly name: string;
  /** Why the row is skipped, or notes on an imported row (e.g. a month-only date). */
  readonly messages: readonly string[];
  /** The member's fields for add/update. */
  readonly input: MemberInput | null;
  /** The existing member's id for an update. */
  readonly existingId: string | null;
}

export interface RosterPlan {
  readonly headerRow: number;
  readonly mapping: ColumnMapping;
  readonly rows: readonly RosterRowPlan[];
  readonly counts: { readonly add: number; readonly update: number; readonly skip: number };
}

export interface ExistingMember {
  readonly id: string;
  readonly idNumber: string;
  readonly record: MemberInput;
}

export interface RosterContext {
  /** Organisations of the unit that exist now, by name (the 所在支部 column names them). */
  readonly organisationsByName: ReadonlyMap<string, string>;
  readonly existingByIdNumber: ReadonlyMap<string, ExistingMember>;
  /** Today, for the probation rule and for transfers. */
  readonly asOf: string;
}

export type RosterProblem = { readonly kind: 'roster-empty' | 'roster-too-large' | 'roster-missing-columns'; readonly message: string };

const PLACEHOLDER_ID = '00000000-0000-7000-8000-000000000000';
const PLACEHOLDER_META = {
  id: PLACEHOLDER_ID,
  unitId: PLACEHOLDER_ID,
  rev: encodeRev({ wallMs: 0, counter: 0, deviceId: PLACEHOLDER_ID }),
  deleted: false,
  updatedBy: '导入',
  createdAt: '2000-01-01T00:00:00.000Z',
};

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** The header row is the one among the first rows that names the most known columns (titles often sit above it). */
export function findHeaderRow(rows: readonly (readonly unknown[])[]): { index: number; mapping: ColumnMapping } {
  let best = { index: 0, mapping: {} as ColumnMapping, score: -1 };
  rows.slice(0, 10).forEach((row, index) => {
    const mapping = guessColumnMapping(row);
    const score = Object.keys(mapping).length;
    if (score > best.score) best = { index, mapping, score };
  });
  return { index: best.index, mapping: best.mapping };
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

function rowInput(
  row: readonly unknown[],
  mapping: ColumnMapping,
  ctx: RosterContext,
  existing: ExistingMember | undefined,
): { input: MemberInput | null; messages: string[] } {
  const messages: string[] = [];
  const raw = (f: RosterField) => (mapping[f] === undefined ? undefined : row[mapping[f]]);
  const text = (f: RosterField) => cellText(raw(f));
  const date = (f: RosterField): string | null | undefined => {
    const value = raw(f);
    if (value === undefined || cellText(value) === '') return undefined;
    const parsed = parseCellDate(value);
    if (!parsed) {
      messages.push(`${ROSTER_FIELD_LABELS[f]}“${cellText(value)}”不是有效日期（应写成 1985-07-01 这样）`);
      return null;
    }
    if (parsed.monthOnly) messages.push(`${ROSTER_FIELD_LABELS[f]}只有年月，已按当月1日记录`);
    return parsed.date;
  };

  const idNumber = text('idNumber').toUpperCase();
  const name = text('name');
  if (name === '') messages.push('缺少姓名');
  if (idNumber === '') messages.push('缺少身份证号');
  const orgName = text('organisation');
  const organisationId = ctx.organisationsByName.get(orgName) ?? null;
  if (orgName === '') messages.push('缺少所在支部');
  else if (!organisationId) messages.push(`所在支部“${orgName}”在本单位组织树中不存在，请先建立该党组织或改正名称`);

  const joinedOn = date('joinedOn');
  if (joinedOn === undefined && !existing) messages.push('缺少入党时间');
  const convertedOn = date('convertedOn');
  const birthDate = date('birthDate') ?? birthDateFromIdNumber(idNumber);
  const genderText = text('gender');
  const gender = genderText === '男' ? 'male' : genderText === '女' ? 'female' : genderText === '' ? genderFromIdNumber(idNumber) : null;
  if (genderText !== '' && gender === null) messages.push(`性别“${genderText}”应为“男”或“女”`);
  const membershipText = text('membership');
  const ethnicity = text('ethnicity') || existing?.record.ethnicity || '';
  if (ethnicity === '') messages.push('缺少民族');
  if (messages.some((m) => !m.includes('已按当月1日记录'))) return { input: null, messages };

  const joined = (joinedOn ?? existing?.record.joinedOn) as string;
  const converted = convertedOn === undefined ? (existing?.record.convertedOn ?? null) : convertedOn;
  const membership: MemberInput['membership'] = membershipText.includes('预备')
    ? 'probationary'
    : membershipText.includes('正式') || converted !== null
      ? 'full'
      : addYears(joined, 1) > ctx.asOf
        ? 'probationary'
        : 'full';

  // An imported member's posting starts when they joined the party: the roster does not say when
  // they came to this branch, and counting them from the import day would hide their history.
  let postings: MemberInput['postings'] = [{ organisationId: organisationId!, from: joined, to: null }];
  if (existing) {
    postings = existing.record.postings;
    if (existing.record.organisationId !== organisationId) {
      postings = [
        ...postings.map((p) => (p.to === null ? { ...p, to: ctx.asOf } : p)),
        { organisationId: organisationId!, from: ctx.asOf, to: null },
      ];
      messages.push(`组织关系由原党组织转入“${orgName}”`);
    }
  }
  const input: MemberInput = {
    ...(existing?.record ?? { status: 'active', statusChangedOn: null, cadre: null, excludedReason: null, phone: '' }),
    name,
    gender: gender as MemberInput['gender'],
    ethnicity,
    birthDate: birthDate as string,
    idNumber,
    joinedOn: joined,
    membership,
    convertedOn: membership === 'probationary' ? null : converted,
    organisationId: organisationId!,
    postings,
    ...(mapping.phone !== undefined ? { phone: text('phone') } : {}),
  };
  const checked = validateRecord('member', { ...PLACEHOLDER_META, ...input });
  if (!checked.ok) {
    return { input: null, messages: [...messages, ...checked.error.issues.map((i) => withFieldLabel(i.path, i.message))] };
  }
  const { id: _id, unitId: _u, rev: _r, deleted: _d, updatedBy: _b, createdAt: _c, ...fields } = checked.value;
  return { input: fields, messages };
}

const MEMBER_FIELD_TO_ROSTER: Record<string, string> = {
  name: '姓名', gender: '性别', ethnicity: '民族', birthDate: '出生日期', idNumber: '身份证号', phone: '联系电话',
  joinedOn: '入党时间', convertedOn: '转正时间', membership: '党员类别', organisationId: '所在支部',
};
/** "入党时间：…" unless the message already names the field. */
function withFieldLabel(path: readonly (string | number)[], message: string): string {
  const label = MEMBER_FIELD_TO_ROSTER[String(path[0])];
  return label && !message.startsWith(label) ? `${label}：${message}` : message;
}

/**
 * Plans the import of a sheet (rows of cell values, header included). Refuses, with a Chinese
 * message, a sheet that is empty, too large, or lacks a required column.
 */
export function planRosterImport(
  sheet: readonly (readonly unknown[])[],
  ctx: RosterContext,
  mappingOverride?: ColumnMapping,
): { ok: true; plan: RosterPlan } | { ok: false; problem: RosterProblem } {
  const nonEmpty = sheet.filter((r) => r.some((c) => cellText(c) !== ''));
  if (nonEmpty.length < 2) {
    return { ok: false, problem: { kind: 'roster-empty', message: '表格中没有党员数据：至少需要一行表头和一行党员信息。请确认选择的是花名册工作表。' } };
  }
  if (sheet.length > ROSTER_LIMITS.maxRows + 10) {
    return { ok: false, problem: { kind: 'roster-too-large', message: `表格超过 ${ROSTER_LIMITS.maxRows} 行，不像是一个单位的花名册。请检查文件，或分批导入。` } };
  }
  const { index: headerRow, mapping: guessed } = findHeaderRow(sheet);
  const mapping = mappingOverride ?? guessed;
  const missing = missingRequiredFields(mapping);
  if (missing.length > 0) {
    const names = missing.map((f) => ROSTER_FIELD_LABELS[f]).join('、');
    return {
      ok: false,
      problem: { kind: 'roster-missing-columns', message: `没有找到必需的列：${names}。请在“列对应”中指定这些列，或检查表头是否为“姓名、身份证号、入党时间、所在支部”等。` },
    };
  }
  const seen = new Map<string, number>();
  const rows: RosterRowPlan[] = [];
  for (let i = headerRow + 1; i < sheet.length; i++) {
    const row = sheet[i] ?? [];
    if (!row.some((c) => cellText(c) !== '')) continue;
    const rowNumber = i + 1;
    const idNumber = cellText(mapping.idNumber === undefined ? '' : row[mapping.idNumber]).toUpperCase();
    const name = cellText(mapping.name === undefined ? '' : row[mapping.name]);
    const firstRow = idNumber ? seen.get(idNumber) : undefined;
    if (firstRow !== undefined) {
      rows.push({ rowNumber, action: 'skip', name, messages: [`身份证号与第 ${firstRow} 行重复，本行未导入`], input: null, existingId: null });
      continue;
    }
    if (idNumber) seen.set(idNumber, rowNumber);
    const existing = ctx.existingByIdNumber.get(idNumber);
    const { input, messages } = rowInput(row, mapping, ctx, existing);
    rows.push({
      rowNumber,
      action: input ? (existing ? 'update' : 'add') : 'skip',
      name,
      messages,
      input,
      existingId: input && existing ? existing.id : null,
    });
  }
  const counts = { add: 0, update: 0, skip: 0 };
  for (const r of rows) counts[r.action]++;
  return { ok: true, plan: { headerRow: headerRow + 1, mapping, rows, counts } };
}
