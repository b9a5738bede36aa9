/**
 * `npx taizhang report <annual|roster|meetings|signin|duties|city> --input <fixture dir | file.tzb --key
 * committee.private.json [--sender-key KEY]> [--unit ID] --year N --out FILE.pdf`
 *
 * From a bundle, `--sender-key` (the unit's Ed25519 public key, base64 or a key file) pins the
 * signer; without it the report's first page says 未核验发送方 in its top margin, and so does stderr.
 *
 * The same report builders as the app (shared/reports), rendered by pdfmake in Node with the
 * bundled fonts: the committee can print a unit's report straight from its bundle, and tests can
 * check reports without a browser. Exit 0 written, 1 bad input (the Chinese reason on stderr),
 * 2 usage error.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Assessment, Card, DutyReview } from '../../../shared/model';
import { dateOfInstant, isIsoDate, isoDate, minDate, type IsoDate } from '../../../shared/rules/dates';
import { NATIONAL_PROFILE_V1 } from '../../../shared/rules/profile';
import { buildAnnualReport } from '../../../shared/reports/annualReport';
import type { AnnualDrafts } from '../../../shared/reports/annualDrafts';
import { buildCityReport } from '../../../shared/reports/cityReport';
import { buildDutyList, buildDutySelfCheck, dutyListReportData } from '../../../shared/reports/dutyList';
import { BUNDLED_FONT_SET, describeFontSet } from '../../../shared/reports/fonts';
import { buildMeetingBook, buildMeetingRecord } from '../../../shared/reports/meetingRecord';
import type { PdfDocumentDefinition } from '../../../shared/reports/pdfTypes';
import { unitReportData, type UnitReportData } from '../../../shared/reports/reportData';
import { buildRoster } from '../../../shared/reports/roster';
import { buildSignInSheet, signInSheetForMeeting, signInSheetForTraining } from '../../../shared/reports/signInSheet';
import { parseCommandArgs, positiveInteger, usageError } from '../args';
import { renderPdf } from '../renderPdf';
import { readBundleInput, readFixtureDir, type Records } from '../reportInput';

export const usage =
  '生成PDF报告 render a report: report <annual|roster|meetings|signin|duties|city> --input <fixture dir | file.tzb --key committee.private.json [--sender-key <base64|key file>]> ' +
  '[--unit ID] --year N --out FILE.pdf [--as-of YYYY-MM-DD] [--date YYYY-MM-DD] [--committee 名称] [--addressee 名称] ' +
  '[--drafts drafts.json] [--full] [--organisation ID] [--meeting ID] [--class ID] [--self-check]';

const KINDS = ['annual', 'roster', 'meetings', 'signin', 'duties', 'city'] as const;
type Kind = (typeof KINDS)[number];

const DEFAULT_COMMITTEE = '中共市委直属机关工委';
const DEFAULT_ADDRESSEE = '中共市委';

const OPTIONS = {
  input: { type: 'string' },
  key: { type: 'string' },
  'sender-key': { type: 'string' },
  unit: { type: 'string' },
  year: { type: 'string' },
  out: { type: 'string' },
  'as-of': { type: 'string' },
  date: { type: 'string' },
  committee: { type: 'string' },
  addressee: { type: 'string' },
  drafts: { type: 'string' },
  full: { type: 'boolean' },
  organisation: { type: 'string' },
  meeting: { type: 'string' },
  class: { type: 'string' },
  'self-check': { type: 'boolean' },
} as const;

function fail(message: string): number {
  console.error(`无法生成报告：${message}`);
  return 1;
}

function str(v: string | boolean | undefined): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** Today in China (UTC+8). */
function today(): IsoDate {
  return dateOfInstant(new Date().toISOString());
}

function readDrafts(file: string): Partial<AnnualDrafts> | string {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof raw !== 'object' || raw === null) return '草稿文件应为 JSON 对象 { intro, problems, nextSteps }';
    const out: { intro?: string; problems?: string; nextSteps?: string } = {};
    for (const k of ['intro', 'problems', 'nextSteps'] as const) {
      const v = (raw as Record<string, unknown>)[k];
      if (v === undefined) continue;
      if (typeof v !== 'string') return `草稿文件中的 ${k} 应为文字`;
      out[k] = v;
    }
    return out;
  } catch (e) {
    return `无法读取草稿文件：${e instanceof Error ? e.message : String(e)}`;
  }
}

function pageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

export async function run(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, OPTIONS);
  if (!parsed.ok) return usageError(parsed.message, usage);
  const [kindArg, ...extra] = parsed.positionals;
  if (kindArg === undefined || extra.length > 0 || !(KINDS as readonly string[]).includes(kindArg))
    return usageError(`报告类型应为 ${KINDS.join('、')} 之一`, usage);
  const kind = kindArg as Kind;
  const v = parsed.values;
  const input = str(v.input);
  const out = str(v.out);
  if (input === null) return usageError('缺少 --input（数据目录或 .tzb 同步包）', usage);
  if (out === null) return usageError('缺少 --out（输出的 PDF 文件）', usage);
  const yearArg = v.year === undefined ? Number(today().slice(0, 4)) : positiveInteger(v.year);
  if (yearArg === null || yearArg < 2000 || yearArg > 2200) return usageError('--year 应为年份，如 2026', usage);
  const year = yearArg;
  const asOfArg = str(v['as-of']);
  if (asOfArg !== null && !isIsoDate(asOfArg)) return usageError('--as-of 应为日期 YYYY-MM-DD', usage);
  const asOf = asOfArg ?? minDate(isoDate(year, 12, 31), today());
  const dateArg = str(v.date);
  if (dateArg !== null && !isIsoDate(dateArg)) return usageError('--date 应为日期 YYYY-MM-DD', usage);
  const committeeName = str(v.committee) ?? DEFAULT_COMMITTEE;
  const unitArg = str(v.unit);

  const started = performance.now();
  let loaded;
  const senderKey = str(v['sender-key']);
  if (input.toLowerCase().endsWith('.tzb')) {
    const key = str(v.key);
    if (key === null) return usageError('读取 .tzb 同步包需要 --key（工委的私钥文件）', usage);
    loaded = await readBundleInput(input, key, senderKey);
  } else {
    if (senderKey !== null) return usageError('--sender-key 只用于 .tzb 同步包（数据目录没有签名）', usage);
    loaded = readFixtureDir(input, kind === 'city' ? null : unitArg);
  }
  if (!loaded.ok) return fail(loaded.message);
  if (loaded.note !== null) console.error(loaded.note);
  const firstPageNote =
    loaded.sender !== null && !loaded.sender.verified
      ? `未核验发送方：本报告据同步包生成，发送方的签名密钥（指纹 ${loaded.sender.fingerprint}）未与发送单位核对，内容可能并非该单位报送。`
      : undefined;

  const snapshot = (unitId: string, records: Records): UnitReportData | null =>
    unitReportData(records, { unitId, year, asOf, committeeName });
  const fonts = BUNDLED_FONT_SET;

  let definition: PdfDocumentDefinition;
  if (kind === 'city') {
    const units: UnitReportData[] = [];
    const cards: Card[] = [];
    const assessments: Assessment[] = [];
    const dutyReviews: DutyReview[] = [];
    for (const [unitId, records] of loaded.units) {
      const data = snapshot(unitId, records);
      if (data !== null) units.push(data);
      cards.push(...(records.card ?? []));
      assessments.push(...(records.assessment ?? []));
      dutyReviews.push(...(records.dutyReview ?? []));
    }
    if (units.length === 0) return fail('输入中没有任何单位的数据');
    units.sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'zh-CN'));
    definition = buildCityReport(
      {
        committeeName,
        addressee: str(v.addressee) ?? DEFAULT_ADDRESSEE,
        year,
        asOf,
        profile: units[0]?.profile ?? NATIONAL_PROFILE_V1,
        units,
        cards,
        assessments,
        dutyReviews,
      },
      { fonts, ...(dateArg !== null ? { date: dateArg } : {}) },
    );
  } else {
    const ids = [...loaded.units.keys()].filter((id) => loaded.units.get(id)?.unit?.some((u) => u.id === id));
    const unitId = unitArg ?? (ids.length === 1 ? ids[0] : undefined);
    if (unitId === undefined)
      return usageError(`输入中有 ${ids.length} 个单位，请用 --unit 指定其一（如 ${ids.slice(0, 3).join('、')}）`, usage);
    const records = loaded.units.get(unitId);
    const data = records === undefined ? null : snapshot(unitId, records);
    if (data === null) return fail(`输入中没有单位 ${unitId} 的单位记录`);
    if (kind === 'duties') {
      // 三级五岗: the 职责清单, or with --self-check its 自查表
      const duties = dutyListReportData({ unit: records?.unit ?? [], dutyList: records?.dutyList ?? [] }, { unitId, year, asOf });
      if (duties === null) return fail(`输入中没有单位 ${unitId} 的单位记录`);
      try {
        const options = { fonts, ...(dateArg !== null ? { date: dateArg } : {}) };
        definition = v['self-check'] === true ? buildDutySelfCheck(duties, options) : buildDutyList(duties, options);
      } catch (e) {
        return fail(e instanceof Error ? e.message : String(e));
      }
    } else {
      try {
        definition = buildUnitReport(kind, data, v, fonts, dateArg);
      } catch (e) {
        if (e instanceof UsageProblem) return usageError(e.message, usage);
        throw e;
      }
    }
  }

  const bytes = await renderPdf(definition, fonts, firstPageNote === undefined ? {} : { firstPageNote });
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  writeFileSync(out, bytes);
  const ms = Math.round(performance.now() - started);
  console.log(`已生成 ${out}：${pageCount(bytes)} 页，${Math.round(bytes.length / 1024)} KB，用时 ${ms} 毫秒`);
  console.log(`字体：${describeFontSet(fonts)}`);
  return 0;
}

class UsageProblem extends Error {}

function buildUnitReport(
  kind: Exclude<Kind, 'city' | 'duties'>,
  data: UnitReportData,
  v: Record<string, string | boolean | undefined>,
  fonts: typeof BUNDLED_FONT_SET,
  date: IsoDate | null,
): PdfDocumentDefinition {
  const need = (id: string | null, what: string, list: readonly { id: string }[]): string => {
    if (id === null) throw new UsageProblem(`缺少 ${what}`);
    if (!list.some((x) => x.id === id)) throw new UsageProblem(`${what} ${id} 不在该单位的数据中`);
    return id;
  };
  switch (kind) {
    case 'annual': {
      const draftsFile = str(v.drafts);
      const drafts = draftsFile === null ? {} : readDrafts(draftsFile);
      if (typeof drafts === 'string') throw new UsageProblem(drafts);
      return buildAnnualReport(data, { fonts, drafts, ...(date !== null ? { date } : {}) });
    }
    case 'roster':
      return buildRoster(data, { fonts, full: v.full === true });
    case 'meetings': {
      const meeting = str(v.meeting);
      if (meeting !== null) return buildMeetingRecord(data, need(meeting, '--meeting', data.meetings), { fonts });
      return buildMeetingBook(data, need(str(v.organisation), '--organisation（或 --meeting）', data.organisations), { fonts });
    }
    case 'signin': {
      const cls = str(v.class);
      if (cls !== null) return buildSignInSheet(signInSheetForTraining(data, need(cls, '--class', data.trainingClasses)), { fonts });
      return buildSignInSheet(signInSheetForMeeting(data, need(str(v.meeting), '--meeting（或 --class）', data.meetings)), { fonts });
    }
  }
}
