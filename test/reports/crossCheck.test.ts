/**
 * The reports cannot fool this: for the synthetic `small` unit and the largest unit of the full
 * synthetic city (市公安局), every figure of the annual report and of the city report (over the
 * city's first units and the largest) is recounted from the fixture JSON in recount.ts — not by
 * shared/rules — and compared with the numbers read back from the rendered PDF. What the recount
 * cannot redo (三会一课 periods, training credit) is checked for consistency: every breakdown adds up
 * to its total, every percentage is its parts' quotient, each table says what the text says.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../shared/model';
import { buildAnnualReport } from '../../shared/reports/annualReport';
import { buildCityReport, type CityReportData } from '../../shared/reports/cityReport';
import type { PdfDocumentDefinition, PdfTable } from '../../shared/reports/pdfTypes';
import { NATIONAL_PROFILE_V1 } from '../../shared/rules/profile';
import type { GeneratedUnit } from '../fixtures/generator';
import { definitionText, textNodes } from './definitionText';
import { compact, pdfText } from './pdfReader';
import { money, pc, plusMonths, recountUnit, type FixtureUnit, type Recount } from './recount';
import { AS_OF, COMMITTEE, committeeRecords, dataOf, fullCityUnits, renderToFile, smallCity, YEAR } from './reportFixtures';

const chineseDay = (day: string): string => day.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');
const DATE = chineseDay(AS_OF);
const fromJson = (u: GeneratedUnit): GeneratedUnit => JSON.parse(JSON.stringify(u)) as GeneratedUnit;
const body = (r: Recount): string => (r.unit.partyGroupKind === 'partyGroup' ? '党组' : '党委');
const strip = (name: string, unitName: string): string => (name.startsWith(unitName) && name.length > unitName.length ? name.slice(unitName.length) : name);
/** The PDF's text without white space and without the page numbers (“— 2 —”) that fall between a sentence's lines. */
const readBack = async (file: string): Promise<string> => compact(await pdfText(file)).replace(/—\d+—/g, '');
const numbers = (s: string): number[] => [...s.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

function tables(definition: PdfDocumentDefinition): string[][][] {
  const out: string[][][] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (typeof n === 'object' && n !== null) {
      if ('table' in n) out.push((n as PdfTable).table.body.map((row) => row.map((cell) => textNodes(cell as never).join('').replace(/\s+/g, ''))));
      else if ('stack' in n) walk((n as { stack: unknown }).stack);
    }
  };
  walk(definition.content);
  return out;
}

/** The text's life total and its bracketed breakdown. */
function life(text: string): { due: number; met: number; rate: string; items: { label: string; met: number; due: number }[] } {
  const m = /应按期召开(\d+)次，按期召开(\d+)次，完成率([\d.]+%)（按期召开\/应召开：([^）]*)）/.exec(text);
  if (m === null) throw new Error('no organisational-life total with its breakdown');
  const items = (m[4] ?? '').split('，').map((s) => {
    const i = /^(.*?)(\d+)\/(\d+)$/.exec(s);
    if (i === null) throw new Error(`not an item: ${s}`);
    return { label: i[1] ?? '', met: Number(i[2]), due: Number(i[3]) };
  });
  return { due: Number(m[1]), met: Number(m[2]), rate: m[3] ?? '', items };
}

/** The annual figures a city report adds up, read from a unit's annual report. */
function annualTotals(text: string): { due: number; met: number; shouldTrain: number; trained: number } {
  const l = life(text);
  const t = /党员应参训(\d+)人，已参训(\d+)人/.exec(text);
  return { due: l.due, met: l.met, shouldTrain: Number(t?.[1] ?? 0), trained: Number(t?.[2] ?? 0) };
}

/** 附件1 rows (label, value) as printed: each row whole, wherever the table breaks across pages. */
function rowsOf(text: string, rows: readonly (readonly [string, string | number])[]): void {
  for (const [label, value] of rows) expect(text).toContain(`${label}${value}`);
}

function checkAnnual(text: string, definition: PdfDocumentDefinition, r: Recount, day = DATE): void {
  const lg = body(r);
  // a year not over yet is 本年度, not 全年
  const span = day === chineseDay(`${YEAR}-12-31`) ? '全年' : '本年度';
  // 组织建设: organisations and members
  const base = (['organCommittee', 'generalBranch', 'branch'] as const)
    .filter((k) => (r.kinds[k] ?? 0) > 0)
    .map((k) => `${{ organCommittee: '机关党委', generalBranch: '党总支', branch: '党支部' }[k]}${r.kinds[k]}个`);
  const others = (['disciplineCommittee', 'group'] as const)
    .filter((k) => (r.kinds[k] ?? 0) > 0)
    .map((k) => `${{ disciplineCommittee: '机关纪委', group: '党小组' }[k]}${r.kinds[k]}个`);
  expect(text).toContain(`截至${day}，本单位设基层党组织${r.baseLevel}个（${base.join('、')}）${others.length > 0 ? `，另设${others.join('、')}` : ''}；`);
  const ro = r.roster;
  expect(text).toContain(
    `有党员${ro.total}名，其中在职党员${ro.active}名、离退休党员${ro.retired}名，正式党员${ro.full}名、预备党员${ro.probationary}名；本年度新发展党员${ro.joinedThisYear}名。`,
  );
  rowsOf(text, [
    ['基层党组织（个）', r.baseLevel],
    ['其中：党支部（个）', r.kinds.branch ?? 0],
    ['党员总数（名）', ro.total],
    ['其中：在职/离退休（名）', `${ro.active}/${ro.retired}`],
    ['预备党员（名）', ro.probationary],
    ['本年度发展党员（名）', ro.joinedThisYear],
  ]);

  // meetings held
  const h = (k: string): number => r.held[k] ?? 0;
  expect(text).toContain(`${span}召开${lg}会议专题研究机关党建工作${h('leadingGroupMeeting')}次`);
  expect(text).toContain(`理论学习中心组集体学习${h('theoryStudyGroup')}次`);
  // 民主生活会, the 专职副书记's 列席 and the 民主评议党员 grades (issue 14), recounted from the records
  const lf = r.life;
  if (lf.theory.sessions > 0) expect(text).toContain(`其中${lf.theory.deputy}次记录机关党委专职副书记列席`);
  if (lf.democraticLife.length === 0) expect(text).toContain('台账中未录入本年度民主生活会记录');
  else {
    const deputies = lf.democraticLife.filter((m) => m.deputy).length;
    const satIn = deputies === lf.democraticLife.length ? '机关党委专职副书记列席' : deputies === 0 ? '未记录机关党委专职副书记列席' : `其中${deputies}次机关党委专职副书记列席`;
    expect(text).toContain(`召开民主生活会${lf.democraticLife.length}次（${lf.democraticLife.map((m) => chineseDay(m.date)).join('、')}），${satIn}`);
  }
  const GRADES = [['excellent', '优秀'], ['qualified', '合格'], ['basicallyQualified', '基本合格'], ['unqualified', '不合格']] as const;
  const a = lf.appraisal;
  const gradesWords =
    a.meetings === 0
      ? ''
      : a.graded === 0
        ? '（台账中未录入评定等次）'
        : `（评定等次${a.graded}名，其中${GRADES.filter(([g]) => (a.grades[g] ?? 0) > 0).map(([g, label]) => `${label}${a.grades[g]}名`).join('、')}${a.ungraded > 0 ? `，${a.ungraded}名未录入等次` : ''}）`;
  expect(text).toContain(`开展主题党日${h('themedPartyDay')}次、党课${h('partyLecture')}次，召开组织生活会${h('organisationalLifeMeeting')}次、民主评议党员${h('democraticAppraisal')}次${gradesWords}。`);
  rowsOf(text, [
    ['专题研究党建工作（次）', h('leadingGroupMeeting')],
    ['理论学习中心组学习（次）', h('theoryStudyGroup')],
    ['其中：专职副书记列席（次）', lf.theory.sessions === 0 ? '—' : lf.theory.deputy],
    ['民主生活会（次）', lf.democraticLife.length === 0 ? '未录入' : lf.democraticLife.length],
    ['主题党日开展（次）', h('themedPartyDay')],
    ['民主评议党员等次（优秀/合格/基本合格/不合格，名）', a.meetings === 0 ? '未录入' : a.graded === 0 ? '未录入等次' : GRADES.map(([g]) => a.grades[g] ?? 0).join('/')],
  ]);

  // organisational life: the breakdown adds up, the rate is its quotient, the table and the problems say the same
  const l = life(text);
  expect(l.items.reduce((s, i) => s + i.due, 0)).toBe(l.due);
  expect(l.items.reduce((s, i) => s + i.met, 0)).toBe(l.met);
  expect(l.rate).toBe(pc(l.met, l.due));
  expect(text).toContain(`组织生活完成率${pc(l.met, l.due)}`);
  for (const i of l.items) expect(text).toContain(`${i.label}（按期召开/应召开）${i.met}/${i.due}`);
  if (l.met < l.due) expect(text).toContain(`应按期召开${l.due}次，实际按期召开${l.met}次，完成率${pc(l.met, l.due)}`);
  // a heading of the text is the leading body's own meetings: “应不少于N次” is its due
  const lgItem = l.items.find((i) => i.label === `${lg}会议研究党建工作`);
  if (lgItem) expect(text).toContain(`（应不少于${lgItem.due}次）`);

  // 附件2: every row is printed; its columns add up to the breakdown; each rate is its row's quotient; members as counted
  const [header, ...rows] = tables(definition).at(-1) ?? [];
  if (header === undefined) throw new Error('no 附件2');
  const kindColumns = header.slice(2, -2);
  const orgIds = new Map<string, string>(
    ((fromRecords(r, 'organisation') as { id: string; name: string }[]) ?? []).map((o) => [strip(o.name, r.unit.name), o.id]),
  );
  for (const row of rows) {
    expect(text).toContain(row.join(''));
    const cells = row.slice(2, -2).filter((c) => c !== '—').map((c) => c.split('/').map(Number) as [number, number]);
    const met = cells.reduce((s, c) => s + c[0], 0);
    const due = cells.reduce((s, c) => s + c[1], 0);
    expect(row.at(-2), row.join(' ')).toBe(due === 0 ? '—' : pc(met, due));
    const id = orgIds.get(row[0] ?? '');
    const members = id === undefined ? 0 : (r.membersIn.get(id) ?? 0);
    expect(row[1], row[0]).toBe(row[1] === '—' ? '—' : String(members));
    if (row[1] === '—') expect(members, row[0]).toBe(0);
  }
  kindColumns.forEach((label, c) => {
    const item = l.items.find((i) => i.label === label);
    const sum = rows.map((row) => row[c + 2] ?? '—').filter((x) => x !== '—').map((x) => x.split('/').map(Number) as [number, number]);
    expect(item, label).toBeDefined();
    expect([sum.reduce((s, x) => s + x[0], 0), sum.reduce((s, x) => s + x[1], 0)], label).toEqual([item?.met, item?.due]);
  });

  // 换届
  const t = r.terms;
  const applicable = t.green + t.yellow + t.red;
  const ext = (n: number): string => (n > 0 ? `（其中经批准延期${n}个）` : '');
  const redParts = [
    t.redOverdue > 0 ? `任期届满未换届${t.redOverdue}个` : '',
    t.redExtensionPassed > 0 ? `延期届满仍未换届${t.redExtensionPassed}个` : '',
    t.redNoTerm > 0 ? `未登记任期${t.redNoTerm}个` : '',
  ].filter((s) => s !== '');
  const red = t.redExtensionPassed + t.redNoTerm > 0 ? `（${redParts.join('、')}）` : '';
  expect(text).toContain(`实行任期制的党组织${applicable}个，按换届三色预警，绿色${t.green}个${ext(t.greenExtended)}、黄色${t.yellow}个${ext(t.yellowExtended)}、红色${t.red}个${red}。`);
  rowsOf(text, [
    ['实行任期制的党组织（个）', applicable],
    ['绿色/黄色/红色（个）', `${t.green}/${t.yellow}/${t.red}`],
  ]);
  if (t.redOverdue + t.redExtensionPassed > 0) expect(text).toContain(`${t.redOverdue + t.redExtensionPassed}个党组织任期已届满尚未换届`);
  if (t.redNoTerm > 0) expect(text).toContain(`${t.redNoTerm}个党组织未登记任期`);
  if (t.yellow - t.yellowExtended > 0) expect(text).toContain(`${t.yellow - t.yellowExtended}个党组织任期将在6个月内届满`);
  const lights = rows.map((row) => row.at(-1));
  expect([lights.filter((x) => x === '绿').length, lights.filter((x) => x === '黄').length, lights.filter((x) => x === '红').length]).toEqual([
    t.green - (r.kinds.leadingGroup !== undefined && leadingLight(r) === 'green' ? 1 : 0),
    t.yellow - (leadingLight(r) === 'yellow' ? 1 : 0),
    t.red - (leadingLight(r) === 'red' ? 1 : 0),
  ]);

  // 党务干部
  const c = r.cadre;
  expect(text).toContain(`机关工作人员${c.staff}名，配备专职党务干部${c.fullTime}名，占比${pc(c.fullTime, c.staff)}，`);
  rowsOf(text, [
    ['专职党务干部（名）', c.fullTime],
    ['机关工作人员（名）', c.staff],
    ['配备比例', pc(c.fullTime, c.staff)],
  ]);
  const band = c.fullTime * 10000 < c.staff * 100 ? '低于' : c.fullTime * 10000 > c.staff * 200 ? (c.fullTime === 1 && c.staff * 200 < 10000 ? 'small' : '高于') : '符合';
  expect(text).toContain(band === 'small' ? '单位人数较少，配备1名专职党务干部即符合要求' : `${band}1%至2%的配备要求`);

  // 教育培训
  const cl = r.classes;
  expect(text).toContain(
    cl.unit > 0
      ? `${span}本单位举办党员教育培训班${cl.unit}期，${cl.committee > 0 ? `参加机关工委组织的培训班${cl.committee}期` : '未参加机关工委组织的培训班'}。`
      : `本年度本单位未举办党员教育培训班，${cl.committee > 0 ? `参加机关工委组织的培训班${cl.committee}期` : '也未参加机关工委组织的培训班'}。`,
  );
  rowsOf(text, [
    ['举办培训班（期）', cl.unit],
    ['参加工委培训班（期）', cl.committee],
  ]);
  const tr = /党员应参训(\d+)人，已参训(\d+)人，覆盖率([\d.]+%)/.exec(text);
  expect(tr).not.toBeNull();
  const [should, trained] = [Number(tr?.[1]), Number(tr?.[2])];
  expect(tr?.[3]).toBe(pc(trained, should));
  expect(text).toContain(`党员培训覆盖率${pc(trained, should)}`);
  if (trained < should) expect(text).toContain(`尚有${should - trained}名党员未参加集中培训`);
  for (const who of ['党组织书记', '领导班子成员']) {
    const m = new RegExp(`${who}参训(\\d+)人（应参训(\\d+)人），覆盖率([\\d.]+%)`).exec(text);
    if (m === null) continue;
    expect(m[3]).toBe(pc(Number(m[1]), Number(m[2])));
    expect(text).toContain(`${who}培训覆盖率${m[3]}`);
  }

  // 书记项目
  const p = r.projects;
  if (p.count > 0) {
    expect(text).toContain(`确定${lg}书记项目${p.count}项`);
    expect(text).toContain(`设置工作节点${p.milestones}个，已完成${p.done}个，完成率${pc(p.done, p.milestones)}`);
    if (p.overdue > 0) expect(text).toContain(`${p.overdue}个节点逾期未完成`);
    expect(text).toContain(p.files === 0 ? '台账中未上传证明材料' : `上传证明材料${p.files}份`);
    if (p.rated === 0) expect(text).toContain('尚未收到工委评价');
    rowsOf(text, [
      ['书记项目（项）', p.count],
      ['书记项目节点（完成/总数）', `${p.done}/${p.milestones}`],
      ['书记项目证明材料（份）', p.files],
    ]);
  } else expect(text).toContain(`本年度未录入${lg}书记项目`);

  // 整改
  const re = r.rectification;
  expect(re.closed + re.inProgress + re.open).toBe(re.total);
  if (re.total > 0) {
    expect(text).toContain(`本年度需整改的问题事项${re.total}项，其中`);
    if (re.closed > 0) expect(text).toContain(`已整改销号${re.closed}项（销号率${pc(re.closed, re.total)}）`);
    if (re.inProgress > 0) expect(text).toContain(`正在整改${re.inProgress}项`);
    if (re.open > 0) expect(text).toContain(`尚未整改${re.open}项`);
    if (re.overdue > 0) expect(text).toContain(`超过整改时限的${re.overdue}项`);
  }
  if (re.total > 0)
    rowsOf(text, [
      ['整改事项（项）', re.total],
      ['已销号（项）', re.closed],
      ['超过整改时限（项）', re.overdue],
    ]);
  else expect(text).toContain('整改事项（项）未录入'); // nothing entered is not “0 items”

  // 经费
  const f = r.funds;
  expect(text).toContain(`本年度党建工作经费预算${f.lines}项`);
  rowsOf(text, [
    ['预算（元）', money(f.budgetFen)],
    ['支出（元）', money(f.spentFen)],
    ['执行率', pc(f.spentFen, f.budgetFen)],
  ]);
  expect(text).toContain(`执行率${pc(f.spentFen, f.budgetFen)}。`);

  // one 截至
  expect(text).toContain(`数据截至${day}`);
}

/** The light of the unit's 党组(党委), which the 换届 count includes and 附件2 leaves out. */
function leadingLight(r: Recount): 'green' | 'yellow' | 'red' | null {
  return (r as Recount & { leading?: 'green' | 'yellow' | 'red' | null }).leading ?? null;
}

const fixtures = new Map<Recount, FixtureUnit>();
function fromRecords(r: Recount, table: string): unknown[] {
  return (fixtures.get(r)?.records[table] ?? []).filter((x) => !(x as { deleted: boolean }).deleted);
}

/** recountUnit, and the light of the 党组(党委) alone (recounted on its own records). */
function recount(u: GeneratedUnit, day: string = AS_OF): Recount {
  const fixture = u as unknown as FixtureUnit;
  const r = recountUnit(fixture, YEAR, day);
  const leadingOrgs = (fixture.records.organisation ?? []).filter((o) => (o as { kind: string }).kind === 'leadingGroup');
  const only = { records: { ...fixture.records, organisation: leadingOrgs } };
  const l = recountUnit(only, YEAR, day).terms;
  const leading = leadingOrgs.length === 0 ? null : l.red > 0 ? 'red' : l.yellow > 0 ? 'yellow' : 'green';
  const out = Object.assign(r, { leading });
  fixtures.set(out, fixture);
  return out;
}

let small: { r: Recount; text: string; definition: PdfDocumentDefinition };
let smallEarly: { r: Recount; text: string; definition: PdfDocumentDefinition };
const EARLY = '2026-11-30';
let police: { r: Recount; text: string; definition: PdfDocumentDefinition };
let city: { units: Recount[]; data: CityReportData; text: string; definition: PdfDocumentDefinition };

beforeAll(async () => {
  const annual = async (u: GeneratedUnit, name: string, day: string = AS_OF) => {
    const definition = buildAnnualReport({ ...dataOf(u), asOf: day }, { date: '2027-01-15' });
    return { r: recount(u, day), definition, text: await readBack(await renderToFile(name, definition)) };
  };
  const smallUnit = smallCity().units[0];
  if (smallUnit === undefined) throw new Error('no small unit');
  small = await annual(fromJson(smallUnit), 'cross-small.pdf');
  smallEarly = await annual(fromJson(smallUnit), 'cross-small-early.pdf', EARLY);
  const { first, largest } = fullCityUnits();
  police = await annual(fromJson(largest), 'cross-largest.pdf');
  const json = [...first, largest].map(fromJson);
  const units = json.map(dataOf);
  const data: CityReportData = {
    committeeName: COMMITTEE,
    addressee: '中共市委',
    year: YEAR,
    asOf: AS_OF,
    profile: NATIONAL_PROFILE_V1,
    units,
    ...committeeRecords(units),
  };
  const definition = buildCityReport(data, { date: '2027-01-20' });
  city = { units: json.map((u) => recount(u)), data, definition, text: await readBack(await renderToFile('cross-city.pdf', definition)) };
}, 180_000);

describe('the annual report, recounted from the fixture JSON', () => {
  it('of the small unit (市统计局)', () => checkAnnual(small.text, small.definition, small.r));
  it('of the small unit with 截至 before the year’s end: every figure up to that day', () => {
    expect(smallEarly.r.classes.unit).toBeLessThan(small.r.classes.unit);
    expect(smallEarly.r.funds.spentFen).toBeLessThan(small.r.funds.spentFen);
    checkAnnual(smallEarly.text, smallEarly.definition, smallEarly.r, chineseDay(EARLY));
  });
  it('of the largest city unit (市公安局)', () => {
    expect(police.r.roster.total).toBeGreaterThan(3000);
    checkAnnual(police.text, police.definition, police.r);
  });
});

describe('the city report, recounted from the fixture JSON', () => {
  const sum = (f: (r: Recount) => number): number => city.units.reduce((s, r) => s + f(r), 0);

  it('states the units, organisations and members the units’ records add up to', () => {
    const { text, units } = city;
    const k = (kind: string): number => sum((r) => r.kinds[kind] ?? 0);
    expect(text).toContain(
      `全市纳入统计的市直机关单位${units.length}个，共有基层党组织${sum((r) => r.baseLevel)}个（机关党委${k('organCommittee')}个、党总支${k('generalBranch')}个、党支部${k('branch')}个），另有机关纪委${k('disciplineCommittee')}个、党小组${k('group')}个；`,
    );
    expect(text).toContain(
      `党员${sum((r) => r.roster.total)}名，其中在职党员${sum((r) => r.roster.active)}名、离退休党员${sum((r) => r.roster.retired)}名，预备党员${sum((r) => r.roster.probationary)}名，本年度发展党员${sum((r) => r.roster.joinedThisYear)}名。`,
    );
    expect(text).toContain(`（数据截至${DATE}）`);
  });

  it('adds up organisational life and training as the units’ own reports state them', () => {
    const totals = city.data.units.map((u) => annualTotals(definitionText(buildAnnualReport(u))));
    const due = totals.reduce((s, t) => s + t.due, 0);
    const met = totals.reduce((s, t) => s + t.met, 0);
    expect(city.text).toContain(`应按期召开${due}次，按期召开${met}次，完成率${pc(met, due)}；`);
    const late = totals.filter((t) => t.met < t.due).length;
    expect(city.text).toContain(late > 0 ? `${late}个单位存在未按期召开的情况` : '各单位均按期召开');
    const should = totals.reduce((s, t) => s + t.shouldTrain, 0);
    const trained = totals.reduce((s, t) => s + t.trained, 0);
    expect(city.text).toContain(`全市党员应参训${should}人，已参训${trained}人，覆盖率${pc(trained, should)}，${trained === should ? '实现' : '尚未实现'}全员覆盖。`);
    // 附件1: one row per unit, in the report's order
    city.units.forEach((r, i) => {
      const t = totals[i];
      if (t === undefined) throw new Error('unit without totals');
      const cards = city.data.cards.filter((c) => c.unitId === r.unit.id && c.issuedOn.startsWith(`${YEAR}-`));
      const n = (colour: string): number => cards.filter((c) => c.colour === colour).length;
      expect(city.text).toContain(
        `${i + 1}${r.unit.name}${r.roster.total}${pc(t.met, t.due)}${pc(t.trained, t.shouldTrain)}${pc(r.cadre.fullTime, r.cadre.staff)}${r.terms.red}/${r.terms.yellow}${n('red')}/${n('yellow')}`,
      );
    });
  });

  it('sorts the units into cadre-ratio bands as their staff and full-time cadres give them', () => {
    let inBand = 0;
    let below = 0;
    let above = 0;
    let small = 0;
    for (const { cadre: c } of city.units) {
      if (c.fullTime * 10000 < c.staff * 100) below++;
      else if (c.fullTime * 10000 <= c.staff * 200) inBand++;
      else {
        above++;
        if (c.fullTime === 1 && c.staff * 200 < 10000) small++;
      }
    }
    expect(small).toBeGreaterThan(0);
    expect(city.text).toContain(
      `配备比例在1%至2%之间的${inBand}个，低于1%的${below}个，高于2%的${above}个（其中${small}个单位人数较少，配备1名专职党务干部即符合要求）；按配备要求，符合要求的单位${inBand + small}个，配备不足的${below}个${above - small > 0 ? `，超过配备上限的${above - small}个` : ''}。`,
    );
  });

  it('counts the term lights of all units, the red ones by why, and lists every red one in 附件2', () => {
    const t = (f: (x: Recount['terms']) => number): number => sum((r) => f(r.terms));
    const red = t((x) => x.red);
    const parts = [
      t((x) => x.redOverdue) > 0 ? `任期届满未换届${t((x) => x.redOverdue)}个` : '',
      t((x) => x.redExtensionPassed) > 0 ? `延期届满仍未换届${t((x) => x.redExtensionPassed)}个` : '',
      t((x) => x.redNoTerm) > 0 ? `未登记任期${t((x) => x.redNoTerm)}个` : '',
    ].filter((s) => s !== '');
    expect(parts.length).toBeGreaterThan(1);
    const ext = (n: number): string => (n > 0 ? `（其中经批准延期${n}个）` : '');
    const redUnits = city.units.filter((r) => r.terms.red > 0).length;
    expect(city.text).toContain(
      `实行任期制的党组织${t((x) => x.green + x.yellow + x.red)}个，换届三色预警绿色${t((x) => x.green)}个${ext(t((x) => x.greenExtended))}、黄色${t((x) => x.yellow)}个${ext(t((x) => x.yellowExtended))}、红色${red}个（${parts.join('、')}），红色预警涉及${redUnits}个单位（见附件2）。`,
    );
    const [, ...rows] = tables(city.definition)[1] ?? [];
    expect(rows).toHaveLength(red);
    for (const r of city.units)
      for (const name of r.redNames) expect(rows.some((row) => row[0] === r.unit.name && row[1] === strip(name, r.unit.name)), name).toBe(true);
    for (const row of rows) expect(city.text).toContain(row.join(''));
    expect(rows.filter((row) => row[3] === '未录入任期信息')).toHaveLength(t((x) => x.redNoTerm));
  });

  it('counts the committee’s cards and quarterly scores as it issued them', () => {
    const cards: readonly Card[] = city.data.cards.filter((c) => !c.deleted && c.issuedOn.startsWith(`${YEAR}-`) && c.issuedOn <= AS_OF);
    const by = <K extends string>(f: (c: Card) => K, k: K): number => cards.filter((c) => f(c) === k).length;
    const colours = [by((c) => c.colour, 'yellow') > 0 ? `黄牌${by((c) => c.colour, 'yellow')}张` : '', by((c) => c.colour, 'red') > 0 ? `红牌${by((c) => c.colour, 'red')}张` : ''].filter(Boolean);
    const statuses = (
      [
        ['fixed', '已整改'],
        ['pending', '整改中'],
        ['overdue', '逾期未整改'],
      ] as const
    )
      .filter(([k]) => by((c) => c.fixStatus, k) > 0)
      .map(([k, label]) => `${label}${by((c) => c.fixStatus, k)}张`);
    // a yellow not fixed by its deadline becomes red (each subject has one card in the fixture)
    const escalate = cards.filter((c) => c.colour === 'yellow' && c.fixBy !== null && c.fixBy < AS_OF && (c.fixStatus !== 'fixed' || (c.closedOn !== null && c.closedOn > c.fixBy))).length;
    expect(city.text).toContain(`全年发出${colours.join('、')}，其中${statuses.join('、')}${escalate > 0 ? `；按规则应升级为红牌尚未发出的${escalate}张` : ''}。`);
    const [, ...cardRows] = tables(city.definition)[2] ?? [];
    expect(cardRows).toHaveLength(cards.length);
    expect(cardRows.filter((row) => (row[5] ?? '').includes('（应升级）'))).toHaveLength(escalate);

    for (let q = 1; q <= 4; q++) {
      const totals = city.data.assessments.filter((a) => !a.deleted && a.quarter === `${YEAR}-Q${q}`).map((a) => a.total);
      const average = Math.round((totals.reduce((s, x) => s + x, 0) / totals.length) * 100) / 100;
      expect(city.text).toContain(`第${q}季度考核${totals.length}个单位，平均${average}分，最高${Math.max(...totals)}分，最低${Math.min(...totals)}分`);
    }
    city.units.forEach((r, i) => {
      const row = [1, 2, 3, 4].map((q) => city.data.assessments.find((a) => a.unitId === r.unit.id && a.quarter === `${YEAR}-Q${q}`)?.total ?? '—');
      expect(city.text).toContain(`${i + 1}${r.unit.name}${row.join('')}`);
    });

    const reviewed = city.data.dutyReviews.filter((d) => !d.deleted && d.year === YEAR);
    const good = reviewed.filter((d) => d.rating === 'good').length;
    const fairlyGood = reviewed.filter((d) => d.rating === 'fairlyGood').length;
    expect(city.text).toContain(`评为“好”的${good}个单位、评为“较好”的${fairlyGood}个单位，尚未评议${city.units.length - reviewed.length}个单位。`);
  });

  it('asks for the measures the figures call for', () => {
    const behind = city.data.units.map((u) => annualTotals(definitionText(buildAnnualReport(u)))).filter((t) => t.met < t.due).length;
    const red = sum((r) => r.terms.red);
    const below = city.units.filter((r) => r.cadre.fullTime * 10000 < r.cadre.staff * 100).length;
    const steps = /四、下一步工作(.*?)特此报告/.exec(city.text)?.[1] ?? '';
    expect(steps.includes('督促组织生活未按期完成的单位限期整改')).toBe(behind > 0);
    expect(steps.includes('对任期届满未换届的党组织逐一督办')).toBe(red > 0);
    expect(steps.includes('对专职党务干部配备不足的单位提出配备要求')).toBe(below > 0);
    expect(steps).toContain('持续开展季度无感知监控考核');
  });

  it('says nothing the fixture does not give: every number of the body is one of the recounted ones', () => {
    // the body's numbers (before 附件1) are all accounted for above; none is left over as “0张” or “0个单位”
    const bodyText = city.text.slice(0, city.text.indexOf('附件1'));
    expect(bodyText).not.toMatch(/[^\d.]0张/);
    expect(numbers(bodyText).length).toBeGreaterThan(40);
  });
});

describe('the recount itself', () => {
  it('adds months with the month-end clamped', () => {
    expect(plusMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(plusMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(plusMonths('2026-01-15', 36)).toBe('2029-01-15');
  });
});
