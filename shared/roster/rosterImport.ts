/**
 * Planning the import of a 花名册 (member roster spreadsheet): from the sheet's cells to one
 * decision per row — add a member, update the member with the same ID number, leave an unchanged
 * member alone, or skip the row with ALL its reasons in Chinese at once. Warnings (a date completed
 * from the ID number, a phone number's restored leading 0) are kept apart from the reasons a row is
 * skipped. Rows that are not people (合计 / 共60人 / 制表人…) are recognised and set aside.
 *
 * Pure: nothing is written here; the repository applies a confirmed plan in one transaction. The
 * plan's add / update / unchanged are decided the way the repository decides them (a field-by-field
 * comparison of the validated record with the stored one, meta fields aside), so the preview's
 * counts are the result's.
 */
import { isRetireesOrganisationName } from '../rules/organisations/retireesBranch';
import { encodeRev } from '../clock/hlc';
import { birthDateFromIdNumber, genderFromIdNumber, idNumberProblem } from '../model/idNumber';
import type { RecordFields } from '../model/meta';
import { MEMBER_FIELD_LABELS, type Member } from '../model/member';
import { validateRecord } from '../model/validate';
import { GENDER_LABELS } from '../model/vocabulary';
import { parseCellDate } from './cellDate';
import { ROSTER_LIMITS } from './limits';
import {
  guessColumnMapping,
  missingRequiredFields,
  normaliseHeader,
  ROSTER_FIELD_LABELS,
  unmappedColumns,
  type ColumnMapping,
  type RosterField,
} from './rosterColumns';
import { cellDisplayText, sheetFromValues, type RosterSheet, type SheetCell, type SheetRow } from './sheetCell';

export { ROSTER_LIMITS } from './limits';

export type MemberInput = RecordFields<Member>;

export type RosterAction = 'add' | 'update' | 'unchanged' | 'skip';

export interface RosterRowPlan {
  /** 1-based row number as the spreadsheet shows it. */
  readonly rowNumber: number;
  readonly action: RosterAction;
  readonly name: string;
  /** Why the row is skipped — every reason found, not only the first. Empty unless skipped. */
  readonly reasons: readonly string[];
  /** Notes on the row that do not stop it (e.g. a date completed from the ID number). */
  readonly warnings: readonly string[];
  /** For an update: the labels of the fields that change. */
  readonly changes: readonly string[];
  /** The member's fields for add/update/unchanged. */
  readonly input: MemberInput | null;
  /** The existing member's id for an update (or an unchanged row). */
  readonly existingId: string | null;
  /** The row's cells as read, for the problem-rows workbook. */
  readonly cells: readonly (SheetCell | null)[];
}

/** A row that is not a person: a totals line, a signature line, a row with only its 序号. */
export interface NotAPersonRow {
  readonly rowNumber: number;
  readonly text: string;
}

export interface RosterPlan {
  readonly headerRow: number;
  readonly mapping: ColumnMapping;
  /** The header row's texts by column (for the problem-rows workbook). */
  readonly headers: readonly string[];
  /** Headers of columns that no field takes: not imported, and said so. */
  readonly unmappedColumns: readonly string[];
  readonly rows: readonly RosterRowPlan[];
  readonly notPeople: readonly NotAPersonRow[];
  readonly counts: { readonly add: number; readonly update: number; readonly unchanged: number; readonly skip: number };
}

export interface ExistingMember {
  readonly id: string;
  readonly idNumber: string;
  /** The stored record (its meta fields included, as read). */
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
const META_FIELDS = new Set(Object.keys(PLACEHOLDER_META));

type AnySheet = RosterSheet | readonly (readonly unknown[])[];

function asRosterSheet(sheet: AnySheet): RosterSheet {
  const first = sheet[0] as unknown;
  if (first && typeof first === 'object' && !Array.isArray(first) && 'cells' in first) return sheet as RosterSheet;
  return sheetFromValues(sheet as readonly (readonly unknown[])[]);
}

function rowHeaders(row: SheetRow | undefined): string[] {
  return (row?.cells ?? []).map((c) => cellDisplayText(c));
}

/** The header row is the one among the first rows that names the most known columns (titles often sit above it). */
export function findHeaderRow(sheet: AnySheet): { index: number; rowNumber: number; mapping: ColumnMapping; headers: string[] } {
  const rows = asRosterSheet(sheet);
  let best = { index: 0, mapping: {} as ColumnMapping, score: -1 };
  rows.slice(0, 10).forEach((row, index) => {
    const mapping = guessColumnMapping(rowHeaders(row));
    const score = Object.keys(mapping).length;
    if (score > best.score) best = { index, mapping, score };
  });
  const row = rows[best.index];
  return { index: best.index, rowNumber: row?.rowNumber ?? 1, mapping: best.mapping, headers: rowHeaders(row) };
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/** How Excel shows a number of 16+ digits: 4.11302196102020E+17. */
function scientific(value: number): string {
  return value.toExponential(14).toUpperCase();
}

const NUMERIC_ID_FIX =
  '超过15位的数字末几位已经丢失，不能作为身份证号导入。请在 Excel/WPS 中选中身份证号这一列，设置单元格格式为“文本”后重新录入这些号码（或从原系统重新导出），再导入';

/** An ID number as typed: spaces dropped, full-width digits and Ｘ (a Chinese input method's) made ASCII, upper case. */
function normaliseIdText(text: string): string {
  return text
    .replace(/[\s\u3000]/g, '')
    .replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** A name as rosters align it: 王\u3000芳 → 王芳 (spaces between Chinese characters dropped). */
function normaliseName(text: string): string {
  return text.replace(/(?<=[\u3400-\u9fff])[\s\u3000]+(?=[\u3400-\u9fff])/g, '');
}

/** A totals, signature or note line: 合计 / 共60人 / 60人 / 制表人：… */
const NOT_A_PERSON = /^(合\s*计|总\s*计|小\s*计|共\s*计|总\s*数)|共\s*\d+\s*[人名]|^\d+\s*[人名]$|^(制表|填表|审核|填报|负责人|联系人|注[:：]|说明[:：])/;

/** The label of a field as this file's header says it (出生年月), else the usual one. */
function labelOf(f: RosterField, headers: readonly string[], mapping: ColumnMapping): string {
  const col = mapping[f];
  const h = col === undefined ? '' : normaliseHeader(headers[col]);
  return h || ROSTER_FIELD_LABELS[f];
}

interface RowResult {
  input: MemberInput | null;
  reasons: string[];
  warnings: string[];
}

function rowInput(row: SheetRow, mapping: ColumnMapping, headers: readonly string[], ctx: RosterContext, existing: ExistingMember | undefined): RowResult {
  const reasons: string[] = [];
  const warnings: string[] = [];
  /** Fields whose problem is already said (schema issues on them are not repeated). */
  const said = new Set<string>();
  const reason = (field: string, message: string) => {
    said.add(field);
    reasons.push(message);
  };
  const label = (f: RosterField) => labelOf(f, headers, mapping);
  const cellOf = (f: RosterField): SheetCell | null | undefined => (mapping[f] === undefined ? undefined : (row.cells[mapping[f]] ?? null));
  /** A cell that holds no usable value: a formula without its result, an error value. */
  const unreadable = (f: RosterField, schemaField: string = f): boolean => {
    const c = cellOf(f);
    if (c?.t === 'formula') {
      reason(
        schemaField,
        `${label(f)}是公式（=${c.formula || '…'}），文件中没有保存计算结果，无法读取。请在 Excel/WPS 中打开该文件保存一次，或把这一列“复制 → 选择性粘贴 → 数值”后再导入`,
      );
      return true;
    }
    if (c?.t === 'error') {
      reason(schemaField, `${label(f)}是错误值“${c.text}”，请在文件中改正`);
      return true;
    }
    return false;
  };
  const text = (f: RosterField) => cellDisplayText(cellOf(f));
  /** A date column: the date, undefined when the cell is empty or the column absent, null when it is not a date. */
  const date = (f: RosterField): string | null | undefined => {
    if (unreadable(f)) return null;
    const c = cellOf(f);
    if (!c) return undefined;
    const shown = cellDisplayText(c);
    // a number cell 2008.1 is what Excel keeps of both 2008.1 and 2008.10
    if (c.t === 'number' && /^\d{4}\.1$/.test(shown)) {
      reason(f, `${label(f)}“${shown}”是数字格式，无法分辨是1月还是10月。请把这一列设置为“文本”后写成 ${shown}0 或 ${shown.slice(0, 5)}01 这样再导入`);
      return null;
    }
    const parsed = parseCellDate(c.t === 'date' ? c.date : shown);
    if (!parsed) {
      reason(f, `${label(f)}“${shown}”不是有效日期（应写成 1985-07-01 或 1985.07 这样）`);
      return null;
    }
    if (parsed.monthOnly) warnings.push(`${label(f)}只有年月，已按当月1日记录`);
    return parsed.date;
  };

  // 姓名
  const name = unreadable('name') ? '' : normaliseName(text('name'));
  if (name === '' && !said.has('name')) reason('name', '缺少姓名');

  // 身份证号: a number cell never becomes an ID number
  let idNumber = '';
  const idCell = cellOf('idNumber');
  if (!unreadable('idNumber')) {
    if (idCell?.t === 'number') {
      reason('idNumber', `身份证号被存成了数字（文件中为 ${scientific(idCell.value)}），${NUMERIC_ID_FIX}`);
    } else {
      const raw = normaliseIdText(text('idNumber'));
      if (raw === '') reason('idNumber', '缺少身份证号');
      else if (/^\d+(\.\d+)?E\+?\d+$/.test(raw)) reason('idNumber', `身份证号是科学计数法“${raw}”（曾被存成数字），${NUMERIC_ID_FIX}`);
      else {
        const problem = idNumberProblem(raw);
        if (problem) {
          const zeroed = /^\d{15}000$/.test(raw) && problem.includes('校验位')
            ? '（末三位是000：这一列可能曾被存成数字，末几位已经丢失，需要按原始证件重新录入）'
            : '';
          reason('idNumber', `${problem}${zeroed}`);
        } else idNumber = raw;
      }
    }
  }
  const idBirth = idNumber ? birthDateFromIdNumber(idNumber) : null;
  const idGender = idNumber ? genderFromIdNumber(idNumber) : null;

  // 所在支部
  const orgName = unreadable('organisation', 'organisationId') ? null : text('organisation');
  const organisationId = orgName ? (ctx.organisationsByName.get(orgName) ?? null) : null;
  if (orgName === '') reason('organisationId', '缺少所在支部');
  else if (orgName !== null && !organisationId) {
    reason('organisationId', `所在支部“${orgName}”在本单位组织树中不存在，请先建立该党组织或改正名称`);
  }

  // 出生日期: a year-month that agrees with the ID number takes the day from it
  let birthDate: string | null = idBirth;
  const birthCell = cellOf('birthDate');
  if (!unreadable('birthDate') && birthCell) {
    const shown = cellDisplayText(birthCell);
    const parsed = parseCellDate(birthCell.t === 'date' ? birthCell.date : shown);
    const ambiguousTen = birthCell.t === 'number' && /^\d{4}\.1$/.test(shown);
    if (!parsed) reason('birthDate', `${label('birthDate')}“${shown}”不是有效日期（应写成 1985-07-01 或 1985.07 这样）`);
    else if (parsed.monthOnly) {
      const months = ambiguousTen ? [parsed.date.slice(0, 7), `${parsed.date.slice(0, 4)}-10`] : [parsed.date.slice(0, 7)];
      if (idBirth && months.includes(idBirth.slice(0, 7))) {
        warnings.push(`${label('birthDate')}只有年月，已按身份证号补全为 ${idBirth}`);
      } else if (idBirth) {
        reason('birthDate', `${label('birthDate')}“${shown}”与身份证号中的出生日期（${idBirth}）不一致，请核对`);
      } else if (!said.has('idNumber')) {
        birthDate = parsed.date;
        warnings.push(`${label('birthDate')}只有年月，已按当月1日记录`);
      }
    } else if (idBirth && parsed.date !== idBirth) {
      reason('birthDate', `${label('birthDate')}（${parsed.date}）与身份证号中的出生日期（${idBirth}）不一致，请核对`);
    } else birthDate = parsed.date;
  }
  if (birthDate === null) said.add('birthDate'); // no valid ID number: its reason says it

  // 入党时间, 转正时间
  const joinedOn = date('joinedOn');
  if (joinedOn === undefined && !existing) reason('joinedOn', '缺少入党时间');
  const convertedOn = date('convertedOn');
  const joined = joinedOn ?? (joinedOn === undefined ? (existing?.record.joinedOn ?? null) : null);
  const converted = convertedOn === undefined ? (existing?.record.convertedOn ?? null) : convertedOn;
  if (joined && birthDate && joined <= birthDate) reason('joinedOn', '入党时间应晚于出生日期，请核对');
  if (joined && converted && converted < joined) reason('convertedOn', '转正时间不能早于入党时间，请核对');

  // 性别
  const genderText = unreadable('gender') ? null : text('gender');
  let gender: Member['gender'] | null = idGender;
  if (genderText) {
    const g = /^男/.test(genderText) ? 'male' : /^女/.test(genderText) ? 'female' : null;
    if (g === null) reason('gender', `性别“${genderText}”应为“男”或“女”`);
    else if (idGender && g !== idGender) reason('gender', `性别“${genderText}”与身份证号不一致（身份证号显示为${GENDER_LABELS[idGender]}），请核对`);
    else gender = g;
  }
  if (gender === null) said.add('gender');

  // 民族
  const ethnicity = (unreadable('ethnicity') ? '' : text('ethnicity')) || existing?.record.ethnicity || '';
  if (ethnicity === '' && !said.has('ethnicity')) reason('ethnicity', '缺少民族');

  // 党员类别
  const membershipText = unreadable('membership') ? '' : text('membership');
  const membership: MemberInput['membership'] = membershipText.includes('预备')
    ? 'probationary'
    : membershipText.includes('正式') || converted !== null
      ? 'full'
      : joined && addYears(joined, 1) > ctx.asOf
        ? 'probationary'
        : 'full';
  if (membershipText.includes('预备') && convertedOn) {
    reason('convertedOn', `${label('membership')}为“${membershipText}”，但填写了转正时间：预备党员的转正时间应为空，已转正的请将类别改为“正式党员”`);
  }

  // 联系电话: a landline whose leading 0 a number cell dropped is restored, with a warning
  let phone: string | undefined;
  if (mapping.phone !== undefined && !unreadable('phone')) {
    const c = cellOf('phone');
    phone = text('phone').replace(/[\s\u3000]/g, '');
    if ((c?.t === 'number' || /^\d+$/.test(phone)) && /^[2-9]\d{9,10}$/.test(phone)) {
      warnings.push(`${label('phone')}“${phone}”开头的0丢失了（单元格是数字格式），已按“0${phone}”记录，请核对`);
      phone = `0${phone}`;
    }
  }
  const education = mapping.education !== undefined && !unreadable('education') ? text('education') : undefined;
  const note = mapping.note !== undefined && !unreadable('note') ? text('note') : undefined;

  // An imported member's posting starts when they joined the party: the roster does not say when
  // they came to this branch, and counting them from the import day would hide their history.
  const orgId = organisationId ?? PLACEHOLDER_ID;
  let postings: MemberInput['postings'] = [{ organisationId: orgId, from: joined ?? '2000-01-01', to: null }];
  let transferNote: string | null = null;
  if (existing) {
    postings = existing.record.postings;
    if (existing.record.organisationId !== orgId) {
      postings = [...postings.map((p) => (p.to === null ? { ...p, to: ctx.asOf } : p)), { organisationId: orgId, from: ctx.asOf, to: null }];
      transferNote = `组织关系由原党组织转入“${orgName}”`;
    }
  }
  // a new member of a 离退休干部党支部 is proposed as 退休 (an existing one keeps the status the roster has)
  const retiree = !existing && orgName !== null && organisationId !== null && isRetireesOrganisationName(orgName);
  if (retiree) warnings.push(`所在支部“${orgName}”为离退休干部党支部，已按退休党员登记；如为在职党员，导入后请在花名册中点“状态”改为在职`);
  const candidate = {
    ...(existing?.record ?? { status: retiree ? 'retired' : 'active', statusChangedOn: null, cadre: null, excludedReason: null, phone: '' }),
    name,
    gender: gender ?? 'male',
    ethnicity,
    birthDate: birthDate ?? '1900-01-01',
    idNumber,
    joinedOn: joined ?? '2000-01-01',
    membership,
    convertedOn: membership === 'probationary' ? null : converted,
    organisationId: orgId,
    postings,
    ...(phone !== undefined ? { phone } : {}),
    ...(education !== undefined ? { education } : {}),
    ...(note !== undefined ? { note } : {}),
  };
  const checked = validateRecord('member', { ...PLACEHOLDER_META, ...candidate });
  if (!checked.ok) {
    for (const i of checked.error.issues) {
      const field = String(i.path[0] ?? '');
      if (said.has(field) || (field === 'postings' && (said.has('organisationId') || said.has('joinedOn')))) continue;
      const message = withFieldLabel(i.path, i.message);
      if (!reasons.includes(message)) reason(field, message);
    }
  }
  if (reasons.length > 0 || !checked.ok) return { input: null, reasons, warnings };
  if (transferNote) warnings.push(transferNote);
  const { id: _id, unitId: _u, rev: _r, deleted: _d, updatedBy: _b, createdAt: _c, ...fields } = checked.value;
  return { input: fields, reasons, warnings };
}

const MEMBER_FIELD_TO_ROSTER: Record<string, string> = {
  name: '姓名', gender: '性别', ethnicity: '民族', birthDate: '出生日期', idNumber: '身份证号', phone: '联系电话',
  joinedOn: '入党时间', convertedOn: '转正时间', membership: '党员类别', organisationId: '所在支部', education: '学历', note: '备注',
};
/** "入党时间：…" unless the message already names the field. */
function withFieldLabel(path: readonly PropertyKey[], message: string): string {
  const label = MEMBER_FIELD_TO_ROSTER[String(path[0])];
  return label && !message.startsWith(label) ? `${label}：${message}` : message;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields that differ between the stored member and the validated row, meta fields aside —
 * the comparison the repository's update makes (renderer/db/auditDiff.ts diffFields): a row with
 * none is 无变化 in the preview and in the result alike.
 */
export function changedMemberFields(stored: Readonly<Record<string, unknown>>, next: Readonly<Record<string, unknown>>): string[] {
  const fields = new Set([...Object.keys(stored), ...Object.keys(next)]);
  return [...fields].filter((f) => !META_FIELDS.has(f) && !same(stored[f], next[f]));
}

function fieldLabel(field: string): string {
  return (MEMBER_FIELD_LABELS as Readonly<Record<string, string>>)[field] ?? field;
}

/**
 * Plans the import of a sheet (its rows as read, header included). Refuses, with a Chinese
 * message, a sheet that is empty, too large, or lacks a required column.
 */
export function planRosterImport(
  sheet: AnySheet,
  ctx: RosterContext,
  mappingOverride?: ColumnMapping,
): { ok: true; plan: RosterPlan } | { ok: false; problem: RosterProblem } {
  const rows = asRosterSheet(sheet);
  if (rows.length < 2) {
    return { ok: false, problem: { kind: 'roster-empty', message: '表格中没有党员数据：至少需要一行表头和一行党员信息。请确认选择的是花名册工作表。' } };
  }
  if (rows.length > ROSTER_LIMITS.maxRows + 10) {
    return { ok: false, problem: { kind: 'roster-too-large', message: `表格超过 ${ROSTER_LIMITS.maxRows} 行，不像是一个单位的花名册。请检查文件，或分批导入。` } };
  }
  const header = findHeaderRow(rows);
  const mapping = mappingOverride ?? header.mapping;
  const missing = missingRequiredFields(mapping);
  if (missing.length > 0) {
    const names = missing.map((f) => ROSTER_FIELD_LABELS[f]).join('、');
    return {
      ok: false,
      problem: { kind: 'roster-missing-columns', message: `没有找到必需的列：${names}。请在“列对应”中指定这些列，或检查表头是否为“姓名、身份证号、入党时间、所在支部”等。` },
    };
  }
  const { headers } = header;
  const seen = new Map<string, number>();
  const planned: RosterRowPlan[] = [];
  const notPeople: NotAPersonRow[] = [];
  const at = (row: SheetRow, f: RosterField) => (mapping[f] === undefined ? '' : cellDisplayText(row.cells[mapping[f]]));
  for (const row of rows.slice(header.index + 1)) {
    const texts = row.cells.map((c) => cellDisplayText(c)).filter((t) => t !== '');
    if (texts.length === 0) continue;
    const idText = at(row, 'idNumber');
    // not a person: a totals or signature line without an ID number, or a row with only its 序号
    const mappedFilled = (Object.values(mapping) as number[]).some((col) => cellDisplayText(row.cells[col]) !== '');
    const joined = texts.join(' ');
    if (idText === '' && (NOT_A_PERSON.test(at(row, 'name')) || texts.some((t) => NOT_A_PERSON.test(t)) || !mappedFilled)) {
      notPeople.push({ rowNumber: row.rowNumber, text: joined.length > 40 ? `${joined.slice(0, 40)}…` : joined });
      continue;
    }
    const name = normaliseName(at(row, 'name'));
    const idKey = normaliseIdText(idText);
    const firstRow = idKey && row.cells[mapping.idNumber!]?.t !== 'number' ? seen.get(idKey) : undefined;
    if (idKey && firstRow === undefined) seen.set(idKey, row.rowNumber);
    const existing = firstRow === undefined ? ctx.existingByIdNumber.get(idKey) : undefined;
    const result = rowInput(row, mapping, headers, ctx, existing);
    if (firstRow !== undefined) result.reasons.unshift(`身份证号与第 ${firstRow} 行重复，本行未导入`);
    const input = firstRow === undefined ? result.input : null;
    let action: RosterAction = 'skip';
    let changes: string[] = [];
    if (input) {
      if (!existing) action = 'add';
      else {
        changes = changedMemberFields(existing.record as Readonly<Record<string, unknown>>, input as Readonly<Record<string, unknown>>);
        action = changes.length > 0 ? 'update' : 'unchanged';
      }
    }
    planned.push({
      rowNumber: row.rowNumber,
      action,
      name,
      reasons: action === 'skip' ? result.reasons : [],
      warnings: result.warnings,
      changes: changes.map(fieldLabel),
      input,
      existingId: input && existing ? existing.id : null,
      cells: row.cells,
    });
  }
  const counts = { add: 0, update: 0, unchanged: 0, skip: 0 };
  for (const r of planned) counts[r.action]++;
  return {
    ok: true,
    plan: {
      headerRow: header.rowNumber,
      mapping,
      headers,
      unmappedColumns: unmappedColumns(headers, mapping),
      rows: planned,
      notPeople,
      counts,
    },
  };
}

/** The problem rows as a table to give back to the cadre: the file's columns, then 原行号 and 原因. */
export function problemRowsTable(plan: RosterPlan): { headers: string[]; rows: { cells: readonly (SheetCell | null)[]; rowNumber: number; reason: string }[] } {
  const width = Math.max(plan.headers.length, ...plan.rows.map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, i) => plan.headers[i] ?? '');
  return {
    headers: [...headers, '原行号', '原因'],
    rows: plan.rows
      .filter((r) => r.action === 'skip')
      .map((r) => ({ cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? null), rowNumber: r.rowNumber, reason: r.reasons.join('；') })),
  };
}
