/**
 * The columns of a 花名册 (member roster spreadsheet) and how their headers are recognised.
 * Units' spreadsheets differ: headers are matched after removing spaces and brackets, against
 * the common Chinese names of each column.
 */
export const ROSTER_FIELDS = [
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'idNumber',
  'joinedOn',
  'convertedOn',
  'organisation',
  'phone',
  'membership',
  'education',
  'note',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const ROSTER_FIELD_LABELS: Record<RosterField, string> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  idNumber: '身份证号',
  joinedOn: '入党时间',
  convertedOn: '转正时间',
  organisation: '所在支部',
  phone: '联系电话',
  membership: '党员类别',
  education: '学历',
  note: '备注',
};

/** Fields without which a row cannot become a member record. */
export const REQUIRED_ROSTER_FIELDS: readonly RosterField[] = ['name', 'idNumber', 'joinedOn', 'organisation'];

const ALIASES: Record<RosterField, readonly string[]> = {
  name: ['姓名', '党员姓名', '名字'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '出生时间'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '公民身份证号', '公民身份证号码', '身份证', '身份证件号码', '证件号码'],
  joinedOn: ['入党时间', '入党日期', '入党年月'],
  convertedOn: ['转正时间', '转正日期', '转正年月'],
  organisation: ['所在支部', '所在党支部', '所在党组织', '党支部', '支部', '所属支部', '所属党组织'],
  phone: ['联系电话', '手机', '手机号', '手机号码', '电话', '联系方式'],
  membership: ['党员类别', '人员类别', '党员类型', '类别'],
  education: ['学历', '文化程度', '最高学历', '全日制学历', '学历学位', '全日制教育学历'],
  note: ['备注', '备注说明', '说明'],
};

/** Headers that name no field and need no mention: row numbers, and the 原因 column of a problem-rows file. */
const IGNORED_HEADERS = new Set(['序号', '编号', '序', 'No', 'NO', 'No.', '原行号', '原因']);

/** Header texts of columns that have a header but no field (named in the preview so nothing is dropped unseen). */
export function unmappedColumns(headers: readonly string[], mapping: ColumnMapping): string[] {
  const used = new Set(Object.values(mapping));
  return headers
    .map((h, i) => ({ h: normaliseHeader(h), i }))
    .filter(({ h, i }) => h !== '' && !used.has(i) && !IGNORED_HEADERS.has(h))
    .map(({ h }) => h);
}

export function normaliseHeader(header: unknown): string {
  return String(header ?? '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[:：*＊]/g, '');
}

/** column index → field, guessed from the header row; each field is used at most once. */
export type ColumnMapping = Partial<Record<RosterField, number>>;

export function guessColumnMapping(headers: readonly unknown[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const normalised = headers.map(normaliseHeader);
  for (const field of ROSTER_FIELDS) {
    const index = normalised.findIndex((h, i) => h !== '' && ALIASES[field].includes(h) && !Object.values(mapping).includes(i));
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

export function missingRequiredFields(mapping: ColumnMapping): RosterField[] {
  return REQUIRED_ROSTER_FIELDS.filter((f) => mapping[f] === undefined);
}
