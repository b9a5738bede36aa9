/**
 * 联系组督导检查 (supervision visits) as words: the record has one text field for what the visit found
 * (`findings`), so the follow-up items (整改要求) live at its end, in a fixed and readable form —
 *
 *     第一党支部“三会一课”记录不全
 *
 *     整改要求：
 *     1. 补齐第一党支部2026年会议记录
 *     2. 建立支部工作月报制度
 *
 * `composeFindings` writes it and `parseFindings` reads it back (the record schema has no list of
 * items; a schema change would have been needed to store them apart). Also here: the check of a
 * visit's input (Chinese messages, one per field), the wording that names a visit, and the texts
 * a follow-up item turns into — a card's 事由 and 依据, and a notice asking the unit to rectify.
 */
import { SUPERVISION_VISIT_KIND_LABELS, type SupervisionVisitKind } from '../../model/vocabulary';
import { chineseDate } from '../text';

/** The line that starts the follow-up items inside `findings`. */
export const FOLLOW_UP_HEADING = '整改要求：';
export const FOLLOW_UP_MAX_LENGTH = 100;
export const FOLLOW_UPS_MAX = 30;
export const VISITORS_MAX_LENGTH = 200;
/** The card drawer's limits (亮牌事由 500, 亮牌依据 5000 characters). */
const CARD_TRIGGER_MAX = 500;
const CARD_EVIDENCE_MAX = 5000;

const ITEM_LINE = /^(\d+)\. (.*)$/;

export interface VisitText {
  /** 发现问题, as typed (trimmed). */
  readonly findings: string;
  /** 整改要求, each one short line. */
  readonly followUps: readonly string[];
}

/** The record's `findings` text: the findings, then (when there are any) the numbered follow-up items. */
export function composeFindings(findings: string, followUps: readonly string[]): string {
  const text = findings.trim();
  const items = followUps.map((f) => f.trim()).filter((f) => f !== '');
  if (items.length === 0) return text;
  const list = [FOLLOW_UP_HEADING, ...items.map((f, i) => `${i + 1}. ${f}`)].join('\n');
  return text === '' ? list : `${text}\n\n${list}`;
}

/**
 * Reads a record's `findings` back into findings and follow-up items: the last line that is exactly
 * the heading, followed only by numbered lines 1., 2., … (and blank ones), starts the items; any
 * other text is findings only.
 */
export function parseFindings(stored: string): VisitText {
  const lines = stored.split('\n');
  for (let h = lines.length - 1; h >= 0; h--) {
    if (lines[h]!.trim() !== FOLLOW_UP_HEADING) continue;
    const rest = lines.slice(h + 1).filter((l) => l.trim() !== '');
    const items: string[] = [];
    let numbered = rest.length > 0;
    for (const [i, line] of rest.entries()) {
      const m = ITEM_LINE.exec(line.trim());
      if (!m || Number(m[1]) !== i + 1 || m[2]!.trim() === '') {
        numbered = false;
        break;
      }
      items.push(m[2]!.trim());
    }
    if (!numbered) break;
    return { findings: lines.slice(0, h).join('\n').trim(), followUps: items };
  }
  return { findings: stored.trim(), followUps: [] };
}

export interface VisitInputFacts {
  readonly unitId: string | null | undefined;
  readonly kind: SupervisionVisitKind | null | undefined;
  readonly date: string | null | undefined;
  readonly visitors: string;
  readonly findings: string;
  readonly followUps: readonly string[];
  /** 日常指导评价 0–100 (integer); absent or null when none was given. */
  readonly guidanceScore?: number | null;
}

export type VisitField = 'unitId' | 'kind' | 'date' | 'visitors' | 'findings' | 'followUps' | 'guidanceScore';

/** 日常指导评价: an integer 0–100 (supervisionVisit.guidanceScore). */
export const GUIDANCE_SCORE_MAX = 100;

export interface VisitProblem {
  readonly field: VisitField;
  readonly message: string;
}

/** What is wrong with a visit as entered, one message per field (first problem of each), in Chinese. */
export function visitInputProblems(v: VisitInputFacts, today: string): VisitProblem[] {
  const out: VisitProblem[] = [];
  const add = (field: VisitField, message: string) => {
    if (!out.some((p) => p.field === field)) out.push({ field, message });
  };
  if (!v.unitId) add('unitId', '请选择被督导的单位');
  if (!v.kind || !(v.kind in SUPERVISION_VISIT_KIND_LABELS)) add('kind', '请选择督导方式（调研、座谈、抽查或下沉指导）');
  if (!v.date || !/^\d{4}-\d{2}-\d{2}$/.test(v.date)) add('date', '请选择督导日期');
  else if (v.date > today) add('date', `督导日期不能晚于今天（${chineseDate(today)}），请登记已经开展的督导`);
  if (v.visitors.trim() === '') add('visitors', '请填写参加督导的联系组成员');
  else if (v.visitors.trim().length > VISITORS_MAX_LENGTH) add('visitors', `联系组成员不超过 ${VISITORS_MAX_LENGTH} 个字，请精简`);
  if (v.findings.split('\n').some((l) => l.trim() === FOLLOW_UP_HEADING)) {
    add('findings', `“发现问题”中请不要单独一行写“${FOLLOW_UP_HEADING}”，整改要求请在下方逐条填写`);
  }
  const items = v.followUps.map((f) => f.trim()).filter((f) => f !== '');
  if (items.length > FOLLOW_UPS_MAX) add('followUps', `整改要求最多 ${FOLLOW_UPS_MAX} 条，请合并相近的要求`);
  const long = items.find((f) => f.length > FOLLOW_UP_MAX_LENGTH);
  if (long) add('followUps', `每条整改要求不超过 ${FOLLOW_UP_MAX_LENGTH} 个字：“${long.slice(0, 12)}…”过长，请拆分或精简`);
  if (items.some((f) => f.includes('\n'))) add('followUps', '每条整改要求请写成一行');
  const seen = new Set<string>();
  for (const f of items) {
    if (seen.has(f)) add('followUps', `整改要求“${f}”重复，请删除重复项`);
    seen.add(f);
  }
  if (v.findings.trim() === '' && items.length === 0) add('findings', '请填写督导发现的问题；未发现问题的，写明“未发现明显问题”');
  const g = v.guidanceScore;
  if (g !== undefined && g !== null && (!Number.isInteger(g) || g < 0 || g > GUIDANCE_SCORE_MAX)) {
    add('guidanceScore', `日常指导评价应为 0 至 ${GUIDANCE_SCORE_MAX} 之间的整数分，请核对；本次未评价的请留空`);
  }
  return out;
}

export interface VisitFacts {
  readonly date: string;
  readonly kind: SupervisionVisitKind;
  readonly visitors: string;
  readonly findings: string;
}

/** 2026年12月1日调研 — how a visit is named in texts. */
export function visitName(v: Pick<VisitFacts, 'date' | 'kind'>): string {
  return `${chineseDate(v.date)}${SUPERVISION_VISIT_KIND_LABELS[v.kind]}`;
}

/**
 * The reference a card's 依据 carries to the visit it came from (the card has no field that links a
 * visit: its `evidence` is words), e.g. 工委联系组2026年12月1日调研（督导检查记录）.
 */
export function visitReference(v: Pick<VisitFacts, 'date' | 'kind'>): string {
  return `工委联系组${visitName(v)}（督导检查记录）`;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export interface CardTexts {
  readonly trigger: string;
  readonly evidence: string;
}

/** A follow-up item as the evidence of a card: the card's 事由 and 依据, naming the visit. */
export function cardTextsFromFollowUp(v: VisitFacts, followUp: string): CardTexts {
  const { findings } = parseFindings(v.findings);
  const evidence = [
    `${visitReference(v)}${v.visitors.trim() ? `，参加人员：${v.visitors.trim()}` : ''}。`,
    findings ? `发现问题：${findings}` : '',
    `整改要求：${followUp.trim()}`,
  ]
    .filter((l) => l !== '')
    .join('\n');
  return {
    trigger: clip(`${visitName(v)}发现：${followUp.trim()}`, CARD_TRIGGER_MAX),
    evidence: clip(evidence, CARD_EVIDENCE_MAX),
  };
}

export interface NoticeTexts {
  readonly title: string;
  readonly body: string;
}

/**
 * A follow-up item sent to the unit as a rectification requirement: a notice (what travels to a
 * unit in its return bundle today) whose title names the visit and the item, and whose body asks
 * the unit to enter it in its 整改落实 ledger with source 督导.
 */
export function rectificationNotice(v: VisitFacts, followUp: string): NoticeTexts {
  const item = followUp.trim();
  return {
    title: `督导整改要求（${visitName(v)}）：${item}`,
    body: [
      `工委联系组于${chineseDate(v.date)}到你单位开展${SUPERVISION_VISIT_KIND_LABELS[v.kind]}，提出以下整改要求：`,
      item,
      '请列入本单位整改落实台账（问题来源选“督导”），明确整改措施、责任人和完成时限，按期整改并随同步包报送进展。',
    ].join('\n'),
  };
}
