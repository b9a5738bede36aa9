import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cardTextsFromFollowUp,
  composeFindings,
  FOLLOW_UP_HEADING,
  parseFindings,
  rectificationNotice,
  visitInputProblems,
  visitReference,
  type VisitInputFacts,
} from './supervisionVisits';

const visit = { date: '2026-12-01', kind: 'survey' as const, visitors: '张伟、李娜', findings: '' };

describe('follow-up items inside findings', () => {
  it('writes the items numbered under the heading and reads them back', () => {
    const stored = composeFindings('第一党支部会议记录不全', ['补齐会议记录', '建立月报制度']);
    expect(stored).toBe('第一党支部会议记录不全\n\n整改要求：\n1. 补齐会议记录\n2. 建立月报制度');
    expect(parseFindings(stored)).toEqual({ findings: '第一党支部会议记录不全', followUps: ['补齐会议记录', '建立月报制度'] });
  });

  it('has no heading without items, and items without findings', () => {
    expect(composeFindings(' 未发现明显问题 ', ['', '  '])).toBe('未发现明显问题');
    expect(composeFindings('', ['补齐会议记录'])).toBe('整改要求：\n1. 补齐会议记录');
    expect(parseFindings('整改要求：\n1. 补齐会议记录')).toEqual({ findings: '', followUps: ['补齐会议记录'] });
  });

  it('reads text that is not in the form as findings only', () => {
    for (const text of ['整改要求：', '整改要求：\n请尽快整改', '整改要求：\n2. 跳号', '整改要求：\n1. ', '写在中间的整改要求：\n1. 不是标题行']) {
      expect(parseFindings(text)).toEqual({ findings: text.trim(), followUps: [] });
    }
  });

  it('round-trips any findings without a heading line and any one-line items', () => {
    const line = fc.string({ maxLength: 30 }).filter((s) => !s.includes('\n'));
    const findings = fc.array(fc.oneof(line, fc.constant('1. 编号行'), fc.constant('')), { maxLength: 5 }).map((ls) => ls.join('\n'));
    const items = fc.array(line.map((s) => s.trim()).filter((s) => s !== ''), { maxLength: 6 });
    fc.assert(
      fc.property(findings, items, (f, its) => {
        fc.pre(!f.split('\n').some((l) => l.trim() === FOLLOW_UP_HEADING));
        const back = parseFindings(composeFindings(f, its));
        expect(back.followUps).toEqual(its);
        expect(back.findings).toBe(f.trim());
      }),
    );
  });
});

describe('checking a visit as entered', () => {
  const ok: VisitInputFacts = { unitId: 'u1', kind: 'forum', date: '2026-12-01', visitors: '张伟', findings: '会议记录不全', followUps: ['补齐记录'] };

  it('accepts a complete visit, dated today at the latest', () => {
    expect(visitInputProblems(ok, '2026-12-01')).toEqual([]);
  });

  it('names each missing or wrong field in Chinese', () => {
    const problems = visitInputProblems({ unitId: null, kind: null, date: '2026-12-02', visitors: ' ', findings: '', followUps: [] }, '2026-12-01');
    expect(Object.fromEntries(problems.map((p) => [p.field, p.message]))).toEqual({
      unitId: '请选择被督导的单位',
      kind: '请选择督导方式（调研、座谈、抽查或下沉指导）',
      date: '督导日期不能晚于今天（2026年12月1日），请登记已经开展的督导',
      visitors: '请填写参加督导的联系组成员',
      findings: '请填写督导发现的问题；未发现问题的，写明“未发现明显问题”',
    });
  });

  it('refuses repeated, long or too many items and a heading typed into the findings', () => {
    const at = (v: Partial<VisitInputFacts>) => visitInputProblems({ ...ok, ...v }, '2026-12-31').map((p) => p.message);
    expect(at({ followUps: ['补齐记录', ' 补齐记录 '] })).toEqual(['整改要求“补齐记录”重复，请删除重复项']);
    expect(at({ followUps: ['长'.repeat(101)] })[0]).toMatch(/^每条整改要求不超过 100 个字/);
    expect(at({ followUps: Array.from({ length: 31 }, (_, i) => `第${i}条`) })).toEqual(['整改要求最多 30 条，请合并相近的要求']);
    expect(at({ findings: '问题\n整改要求：\n1. 甲' })[0]).toMatch(/请不要单独一行写“整改要求：”/);
    expect(at({ date: '' })).toEqual(['请选择督导日期']);
  });
});

describe('a follow-up item as a card or a notice', () => {
  const withFindings = { ...visit, findings: composeFindings('支部会议记录不全', ['补齐会议记录']) };

  it('gives the card a trigger and evidence naming the visit', () => {
    expect(cardTextsFromFollowUp(withFindings, '补齐会议记录')).toEqual({
      trigger: '2026年12月1日调研发现：补齐会议记录',
      evidence: '工委联系组2026年12月1日调研（督导检查记录），参加人员：张伟、李娜。\n发现问题：支部会议记录不全\n整改要求：补齐会议记录',
    });
    expect(cardTextsFromFollowUp(withFindings, 'x').evidence).toContain(visitReference(withFindings));
  });

  it('keeps the card texts within the drawer’s limits', () => {
    const long = { ...visit, visitors: '', findings: '问'.repeat(9000) };
    const texts = cardTextsFromFollowUp(long, '要'.repeat(600));
    expect(texts.trigger.length).toBe(500);
    expect(texts.evidence.length).toBe(5000);
    expect(texts.evidence.startsWith('工委联系组2026年12月1日调研（督导检查记录）。')).toBe(true);
  });

  it('asks the unit, in a notice, to enter the item in its ledger with source 督导', () => {
    const n = rectificationNotice({ ...visit, kind: 'spotCheck' }, ' 补齐会议记录 ');
    expect(n.title).toBe('督导整改要求（2026年12月1日抽查）：补齐会议记录');
    expect(n.body).toBe(
      '工委联系组于2026年12月1日到你单位开展抽查，提出以下整改要求：\n补齐会议记录\n请列入本单位整改落实台账（问题来源选“督导”），明确整改措施、责任人和完成时限，按期整改并随同步包报送进展。',
    );
  });
});
