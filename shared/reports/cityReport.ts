/**
 * 全市机关党建情况汇总 (the committee's report to the municipal party committee): city figures,
 * then attachments — a per-unit table, the organisations whose term has run out (红色预警), the
 * cards (红黄牌) of the year, and the quarterly monitoring scores. Each unit's figures are its
 * `computeAnnualFigures`, reduced by `cityUnit` to what this report prints; the city totals add
 * them up with shared/rules/summaries.ts.
 */
import type { Assessment, Card, DutyReview } from '../model';
import { CARD_COLOUR_LABELS, CARD_FIX_STATUS_LABELS, DUTY_REVIEW_RATING_LABELS, DUTY_REVIEW_RATINGS, type DutyReviewRating } from '../model/vocabulary';
import type { CadreRatioResult } from '../rules/organisations/cadreRatio';
import { compareIsoDates, yearOf, type IsoDate } from '../rules/dates';
import { combineCompletion, type CompletionRate } from '../rules/meetings/meetingCompliance';
import type { OrganisationCounts } from '../rules/organisations/organisations';
import type { OrganisationKind } from '../model/vocabulary';
import type { RuleProfile } from '../rules/profile';
import {
  cadreBands,
  cadreStateCounts,
  cardCounts,
  combineCoverage,
  combineOrganisationCounts,
  combineRosters,
  quarterScores,
  termBreakdown,
  termLightCounts,
  type CadreBands,
  type CardCounts,
  type CoverageTotal,
  type QuarterScores,
  type TermBreakdown,
  type TermLightCounts,
} from '../rules/summaries';
import type { RosterTotals } from '../rules/members/roster';
import type { TermLightResult, TermNotApplicable } from '../rules/organisations/termLight';
import type { CoverageFigure } from '../rules/training/trainingCoverage';
import { basisPointsPercent, chineseDate, percent } from '../rules/text';
import { NONE, pct, tidy } from './format';
import { organisationsPhrase, SMALL_UNIT_ONE_CADRE, termLightsPhrase } from './sentences';
import { BUNDLED_FONT_SET, type ReportFontSet } from './fonts';
import { gongwen, type TableRow } from './gongwenLayout';
import type { PdfContent, PdfDocumentDefinition } from './pdfTypes';
import { computeAnnualFigures, withoutUnitName, type AnnualFigures, type UnitReportData } from './reportData';

/** The report's frame: who issues it, to whom, for which period, and the committee's own records. */
interface CityReportFrame {
  /** The organs working committee issuing the report, e.g. 中共某某市委直属机关工委. */
  readonly committeeName: string;
  /** 主送, e.g. 中共某某市委. */
  readonly addressee: string;
  readonly year: number;
  readonly asOf: IsoDate;
  readonly profile: RuleProfile;
  /** The committee's cards (红黄牌), any year (earlier yellows count for escalation). */
  readonly cards: readonly Card[];
  /** The committee's quarterly assessments (季度考核), any year. */
  readonly assessments: readonly Assessment[];
  /** The committee's 述职评议 records, any year (the report's year is counted). */
  readonly dutyReviews: readonly DutyReview[];
}

export interface CityReportData extends CityReportFrame {
  /** Each enrolled unit's snapshot (same year, asOf and profile). */
  readonly units: readonly UnitReportData[];
}

/**
 * The report from per-unit figures (`cityUnit` of each unit's snapshot): the app reduces the units
 * one by one, so that the city's records are never held at once.
 */
export interface CityReportInput extends CityReportFrame {
  readonly units: readonly CityUnit[];
}

/** What the city report uses of one unit's annual figures (none of its member-level lists). */
export interface CityUnitFigures {
  readonly organisationCounts: OrganisationCounts;
  readonly roster: RosterTotals;
  readonly completion: CompletionRate;
  readonly training: { readonly members: Pick<CoverageFigure, 'shouldTrain' | 'trained' | 'share'> };
  readonly cadre: Pick<CadreRatioResult, 'ratio' | 'state' | 'fullTimeCount' | 'staffCount'>;
  readonly terms: TermLightCounts;
  /** The organisations of the year in report order, with their term light (the red-term list). */
  readonly organisations: readonly { readonly name: string; readonly term: TermLightResult | TermNotApplicable }[];
}

/** One unit as the city report sees it. */
export interface CityUnit {
  readonly id: string;
  readonly name: string;
  /** Names of the unit's organisations by id (cards name their subject). */
  readonly organisationNames: Readonly<Record<string, string>>;
  readonly figures: CityUnitFigures;
}

/** Reduces a unit's snapshot to what the city report needs (`figures`: its computeAnnualFigures, when already computed). */
export function cityUnit(data: UnitReportData, figures: AnnualFigures = computeAnnualFigures(data)): CityUnit {
  const { roster, training, cadre } = figures;
  return {
    id: data.unit.id,
    name: data.unit.name,
    organisationNames: Object.fromEntries(data.organisations.map((o) => [o.id, o.name])),
    figures: {
      organisationCounts: figures.organisationCounts,
      roster: {
        total: roster.total,
        active: roster.active,
        retired: roster.retired,
        full: roster.full,
        probationary: roster.probationary,
        joinedThisYear: roster.joinedThisYear,
      },
      completion: figures.completion,
      training: { members: { shouldTrain: training.members.shouldTrain, trained: training.members.trained, share: training.members.share } },
      cadre: { ratio: cadre.ratio, state: cadre.state, fullTimeCount: cadre.fullTimeCount, staffCount: cadre.staffCount },
      terms: figures.terms,
      organisations: figures.organisations.map((o) => ({ name: o.organisation.name, term: o.term })),
    },
  };
}

/** The city report's input from full unit snapshots. */
export function cityReportInput(data: CityReportData): CityReportInput {
  return { ...data, units: data.units.map((u) => cityUnit(u)) };
}

export interface UnitLine {
  readonly unit: CityUnit;
  /** Cards issued to the unit or its organisations in the year, by colour. */
  readonly cards: { readonly yellow: number; readonly red: number };
  /** Assessment total per quarter 1–4 (null when not assessed). */
  readonly quarters: readonly (number | null)[];
}

export interface CityFigures {
  readonly units: readonly UnitLine[];
  readonly organisations: { readonly byKind: Readonly<Record<OrganisationKind, number>>; readonly baseLevel: number };
  readonly roster: RosterTotals;
  readonly completion: CompletionRate;
  readonly training: CoverageTotal;
  readonly cadre: Readonly<Record<'below' | 'within' | 'above', number>>;
  /** The units by cadre ratio as 附件1 shows it, the small units that one cadre is enough for apart. */
  readonly cadreBands: CadreBands;
  readonly terms: TermLightCounts;
  readonly termBreakdown: TermBreakdown;
  readonly cards: CardCounts;
  readonly quarters: readonly QuarterScores[];
  /** 述职评议 of the year: units per rating, and the units of the report not reviewed. */
  readonly reviews: { readonly byRating: Readonly<Record<DutyReviewRating, number>>; readonly unreviewed: number };
}

export interface CityReportOptions {
  readonly fonts?: ReportFontSet;
  /** 成文日期; default `data.asOf`. */
  readonly date?: IsoDate;
  readonly figures?: CityFigures;
}

export function computeCityFigures(data: CityReportInput): CityFigures {
  const units: UnitLine[] = data.units.map((u) => {
    const cards = { yellow: 0, red: 0 };
    for (const c of data.cards)
      if (!c.deleted && c.unitId === u.id && yearOf(c.issuedOn) === data.year && compareIsoDates(c.issuedOn, data.asOf) <= 0) cards[c.colour]++;
    const quarters = [1, 2, 3, 4].map(
      (q) => data.assessments.find((a) => !a.deleted && a.unitId === u.id && a.quarter === `${data.year}-Q${q}`)?.total ?? null,
    );
    return { unit: u, cards, quarters };
  });
  const f = data.units.map((u) => u.figures);
  return {
    units,
    organisations: combineOrganisationCounts(f.map((x) => x.organisationCounts)),
    roster: combineRosters(f.map((x) => x.roster)),
    completion: combineCompletion(f),
    training: combineCoverage(
      f.map((x) => x.training.members),
      data.profile,
    ),
    cadre: cadreStateCounts(f.map((x) => x.cadre)),
    cadreBands: cadreBands(
      f.map((x) => x.cadre),
      data.profile,
    ),
    terms: termLightCounts(f.flatMap((x) => x.organisations.map((o) => o.term))),
    termBreakdown: termBreakdown(f.flatMap((x) => x.organisations.map((o) => o.term))),
    cards: cardCounts(data.cards, data.year, data.asOf, data.profile),
    quarters: quarterScores(data.assessments, data.year),
    reviews: reviewCounts(data),
  };
}

function reviewCounts(data: CityReportInput): CityFigures['reviews'] {
  const byRating = Object.fromEntries(DUTY_REVIEW_RATINGS.map((r) => [r, 0])) as Record<DutyReviewRating, number>;
  let unreviewed = 0;
  for (const u of data.units) {
    const review = data.dutyReviews.find((r) => !r.deleted && r.unitId === u.id && r.year === data.year);
    if (review) byRating[review.rating]++;
    else unreviewed++;
  }
  return { byRating, unreviewed };
}

/** 述职评议 in words, also when none was held. */
function reviewSentence(c: CityFigures): string {
  const held = DUTY_REVIEW_RATINGS.filter((r) => c.reviews.byRating[r] > 0);
  if (held.length === 0) return '本年度尚未录入书记抓基层党建述职评议结果。';
  return `书记抓基层党建述职评议中，${held.map((r) => `评为“${DUTY_REVIEW_RATING_LABELS[r]}”的${c.reviews.byRating[r]}个单位`).join('、')}${c.reviews.unreviewed > 0 ? `，尚未评议${c.reviews.unreviewed}个单位` : ''}。`;
}

/** A 公文 title: the committee (发文机关), 关于, the matter, 的报告. */
export function cityReportTitle(data: Pick<CityReportData, 'year' | 'committeeName'>): string {
  return `${data.committeeName}关于${data.year}年度全市机关党建工作情况的报告`;
}

/** 全年未发出红黄牌, or the cards issued by colour and status, without the zero ones (本年度 while the year is not over). */
function cardsSentence(c: CityFigures, span: string): string {
  const { issued, byFixStatus } = c.cards;
  if (issued.yellow + issued.red === 0) return `${span}未发出红黄牌。`;
  const colours = (['yellow', 'red'] as const).filter((k) => issued[k] > 0).map((k) => `${CARD_COLOUR_LABELS[k]}${issued[k]}张`);
  const statuses = (['fixed', 'pending', 'overdue'] as const)
    .filter((k) => byFixStatus[k] > 0)
    .map((k) => `${CARD_FIX_STATUS_LABELS[k]}${byFixStatus[k]}张`);
  const escalations = c.cards.pendingEscalations.length;
  return (
    `${span}发出${colours.join('、')}，其中${statuses.join('、')}` +
    `${escalations > 0 ? `；按规则应升级为红牌尚未发出的${escalations}张` : ''}。`
  );
}

/** 下一步工作: the measures the figures call for, and the monitoring that goes on. */
function nextSteps(c: CityFigures, unitsBehind: number): string {
  const steps = [
    unitsBehind > 0 ? '督促组织生活未按期完成的单位限期整改' : '',
    c.terms.byLight.red > 0 ? '对任期届满未换届的党组织逐一督办' : '',
    c.cadreBands.below > 0 ? '对专职党务干部配备不足的单位提出配备要求' : '',
    c.cards.pendingEscalations.length > 0 ? '对逾期未整改的黄牌按规定升级处理' : '',
  ].filter((x) => x !== '');
  return `${steps.length > 0 ? `${steps.join('；')}；` : ''}持续开展季度无感知监控考核，推动机关党建工作提质增效。`;
}

/** 专职党务干部 by ratio as 附件1 shows it, and the small-unit rule in words. */
function cadreSentence(c: CityFigures, profile: RuleProfile): string {
  const min = basisPointsPercent(profile.cadreRatio.minBasisPoints);
  const max = basisPointsPercent(profile.cadreRatio.maxBasisPoints);
  const b = c.cadreBands;
  const above = b.above + b.smallUnitOne;
  const small = b.smallUnitOne > 0 ? `（其中${b.smallUnitOne}个单位${SMALL_UNIT_ONE_CADRE}）` : '';
  const within = b.inBand + b.smallUnitOne;
  return (
    `各单位专职党务干部配备比例在${min}至${max}之间的${b.inBand}个，低于${min}的${b.below}个，高于${max}的${above}个${small}；` +
    `按配备要求，符合要求的单位${within}个，配备不足的${b.below}个${b.above > 0 ? `，超过配备上限的${b.above}个` : ''}。`
  );
}

function subjectName(data: CityReportInput, card: Card): string {
  const unit = data.units.find((u) => u.id === card.unitId);
  if (card.subjectKind === 'unit') return unit?.name ?? NONE;
  return unit?.organisationNames[card.subjectId] ?? NONE;
}

/** The report from full unit snapshots (the command line's fixtures and bundles). */
export function buildCityReport(data: CityReportData, options: CityReportOptions = {}): PdfDocumentDefinition {
  return buildCityReportFrom(cityReportInput(data), options);
}

/** The report from per-unit figures (the app, which reduces unit by unit). */
export function buildCityReportFrom(data: CityReportInput, options: CityReportOptions = {}): PdfDocumentDefinition {
  const gw = gongwen(options.fonts ?? BUNDLED_FONT_SET);
  const c = options.figures ?? computeCityFigures(data);
  const { year } = data;
  const title = cityReportTitle(data);
  const n = c.units.length;
  const belowTarget = c.units.filter((u) => u.unit.figures.completion.rate !== null && u.unit.figures.completion.met < u.unit.figures.completion.due).length;
  const redUnits = c.units.filter((u) => u.unit.figures.terms.byLight.red > 0).length;
  const target = data.profile.training.coverageTargetBasisPoints;

  const quarterText = c.quarters
    .filter((q) => q.assessed > 0)
    .map((q) => `第${q.quarter.slice(-1)}季度考核${q.assessed}个单位，平均${q.average}分，最高${q.highest}分，最低${q.lowest}分`);

  const attachments = [
    `${year}年度各单位机关党建主要指标情况表`,
    '任期届满未换届党组织（红色预警）情况表',
    `${year}年度红黄牌情况表`,
    `${year}年度各单位季度监控考核得分表`,
  ];

  const content: PdfContent[] = [
    // broken by meaning: the committee, then what the report is about
    gw.title([data.committeeName, title.slice(data.committeeName.length)]),
    gw.blank(1),
    gw.addressee(`${data.addressee}：`),
    gw.paragraph(
      `根据市直机关各单位报送的党建台账数据，现将${year}年度全市机关党建工作情况报告如下（数据截至${chineseDate(data.asOf)}）。`,
    ),
    ...gw.keepWithNext(
      gw.heading1('一、基本情况'),
      gw.paragraph(
        `全市纳入统计的市直机关单位${n}个，共有${organisationsPhrase(c.organisations.byKind, c.organisations.baseLevel, '另有')}；` +
          `党员${c.roster.total}名，其中在职党员${c.roster.active}名、离退休党员${c.roster.retired}名，预备党员${c.roster.probationary}名，本年度发展党员${c.roster.joinedThisYear}名。`,
      ),
    ),
    ...gw.keepWithNext(
      gw.heading1('二、主要指标完成情况'),
      gw.heading2(
        '（一）组织生活。',
        `全市“三会一课”、主题党日等组织生活和党组（党委）会议研究党建工作、理论学习中心组学习应按期召开${c.completion.due}次，按期召开${c.completion.met}次，完成率${pct(c.completion.rate)}；` +
          (belowTarget > 0 ? `${belowTarget}个单位存在未按期召开的情况。` : '各单位均按期召开。'),
      ),
    ),
    gw.heading2(
      '（二）教育培训。',
      `全市党员应参训${c.training.shouldTrain}人，已参训${c.training.trained}人，覆盖率${pct(c.training.share)}，` +
        `${c.training.metTarget ? '实现' : '尚未实现'}${target === 10000 ? '全员覆盖' : `${basisPointsPercent(target)}的覆盖目标`}。`,
    ),
    gw.heading2('（三）党务干部配备。', cadreSentence(c, data.profile)),
    gw.heading2(
      '（四）按期换届。',
      `实行任期制的党组织${c.terms.applicable}个，换届三色预警${termLightsPhrase(c.terms, c.termBreakdown)}` +
        `${c.terms.byLight.red > 0 ? `，红色预警涉及${redUnits}个单位（见附件2）` : ''}。`,
    ),
    ...gw.keepWithNext(
      gw.heading1('三、红黄牌和季度监控考核情况'),
      gw.paragraph(
        cardsSentence(c, data.asOf === `${year}-12-31` ? '全年' : '本年度') +
          (quarterText.length > 0 ? `季度无感知监控考核中，${quarterText.join('；')}。` : '本年度尚无季度监控考核结果。') +
          reviewSentence(c),
      ),
    ),
    ...gw.keepWithNext(
      gw.heading1('四、下一步工作'),
      gw.paragraph(nextSteps(c, belowTarget)),
    ),
    gw.closing([
      gw.paragraph('特此报告。'),
      gw.blank(1),
      ...gw.attachmentNote(attachments),
      gw.blank(2),
      gw.signature(data.committeeName, options.date ?? data.asOf),
    ]),
  ];

  // 附件1: per unit
  content.push(
    ...gw.attachmentHeader(1, attachments[0] ?? ''),
    gw.table({
      columns: [
        { header: '序号', width: 22, align: 'center' },
        { header: '单位', width: '*' },
        { header: '党员', width: 30, align: 'right' },
        { header: '组织生活完成率', width: 48, align: 'right' },
        { header: '培训覆盖率', width: 44, align: 'right' },
        { header: '专职党务干部占比', width: 48, align: 'right' },
        { header: '换届（红/黄）', width: 40, align: 'center' },
        { header: '红黄牌（红/黄）', width: 40, align: 'center' },
      ],
      rows: c.units.map((u, i) => [
        String(i + 1),
        u.unit.name,
        String(u.unit.figures.roster.total),
        pct(u.unit.figures.completion.rate),
        pct(u.unit.figures.training.members.share),
        percent(u.unit.figures.cadre.ratio),
        `${u.unit.figures.terms.byLight.red}/${u.unit.figures.terms.byLight.yellow}`,
        `${u.cards.red}/${u.cards.yellow}`,
      ]),
      fontSize: 10,
      compact: true,
    }),
  );

  // 附件2: red terms
  const red: TableRow[] = c.units.flatMap((u) =>
    u.unit.figures.organisations.flatMap((o): TableRow[] =>
      o.term.applicable && o.term.light === 'red'
        ? [[u.unit.name, withoutUnitName(o.name, u.unit.name), o.term.termEnd === null ? '未录入' : chineseDate(o.term.termEnd), tidy(o.term.reason)]]
        : [],
    ),
  );
  content.push(
    ...gw.attachmentHeader(2, attachments[1] ?? ''),
    gw.table({
      columns: [
        { header: '单位', width: 90 },
        { header: '党组织', width: 110 },
        { header: '任期届满', width: 78, align: 'center' },
        { header: '情况', width: '*' },
      ],
      rows: red.length > 0 ? red : [{ section: '无' }],
      fontSize: 10.5,
    }),
  );

  // 附件3: cards of the year
  const cards = data.cards
    .filter((k) => !k.deleted && yearOf(k.issuedOn) === year && compareIsoDates(k.issuedOn, data.asOf) <= 0)
    .sort((a, b) => compareIsoDates(a.issuedOn, b.issuedOn));
  const escalate = new Set(c.cards.pendingEscalations.map((e) => e.cardId));
  content.push(
    ...gw.attachmentHeader(3, attachments[2] ?? ''),
    gw.table({
      columns: [
        { header: '对象', width: 96 },
        { header: '牌色', width: 28, align: 'center' },
        { header: '亮牌日期', width: 74, align: 'center' },
        { header: '事由', width: '*' },
        { header: '整改期限', width: 74, align: 'center' },
        { header: '状态', width: 52, align: 'center' },
      ],
      rows:
        cards.length > 0
          ? cards.map((k) => [
              subjectName(data, k),
              CARD_COLOUR_LABELS[k.colour],
              chineseDate(k.issuedOn),
              k.trigger,
              k.fixBy === null ? NONE : chineseDate(k.fixBy),
              `${CARD_FIX_STATUS_LABELS[k.fixStatus]}${escalate.has(k.id) ? '（应升级）' : ''}`,
            ])
          : [{ section: '无' }],
      fontSize: 10,
      compact: true,
    }),
  );

  // 附件4: quarter scores, or the sentence when there are none
  content.push(
    ...gw.attachmentHeader(4, attachments[3] ?? ''),
    quarterText.length === 0
      ? gw.paragraph('本年度尚无季度监控考核结果。')
      : gw.table({
          columns: [
            { header: '序号', width: 24, align: 'center' },
            { header: '单位', width: '*' },
            ...[1, 2, 3, 4].map((q) => ({ header: `第${q}季度`, width: 54, align: 'right' as const })),
          ],
          rows: [
            ...c.units.map((u, i) => [String(i + 1), u.unit.name, ...u.quarters.map((t) => (t === null ? NONE : String(t)))]),
            ['', '平均', ...c.quarters.map((q) => (q.average === null ? NONE : String(q.average)))],
          ],
          fontSize: 10.5,
        }),
  );

  return gw.document({
    title,
    subject: `${year}年度全市机关党建工作情况报告`,
    author: data.committeeName,
    keywords: `全市机关党建,汇总,${year}`,
    content,
  });
}
