/**
 * The 公文 layout without rendering: the page geometry, the character grid and its line-breaking
 * rules (避头尾), title breaking, table widths, draft parsing, font sets.
 */
import { describe, expect, it } from 'vitest';
import { withoutOrphan } from './cellText';
import { splitLevel2 } from './draftText';
import { yuanText } from '../rules/text';
import { tidy } from './format';
import { chooseReportFonts, BUNDLED_FONT_SET, describeFontSet, fontFilesOf, pdfFontDictionary } from './fonts';
import { breakTitle, fitWidths, GONGWEN, mm, pageNumberText } from './gongwenLayout';
import { setOnGrid, type GridRun, type GridSpec } from './gridText';

const body = BUNDLED_FONT_SET.roles.body;
const run = (text: string): GridRun[] => [{ text, font: 'body', metrics: body.metrics, fontSize: 16 }];
const spec: GridSpec = { width: GONGWEN.blockWidth, pitch: GONGWEN.charPitch, linePitch: GONGWEN.linePitch, indent: 2 * GONGWEN.charPitch, maxSqueeze: 1.5 };
const lineText = (l: { segments: readonly { text: string }[] }): string => l.segments.map((s) => s.text).join('');

describe('GB/T 9704 page geometry', () => {
  it('is A4 with the 156 × 225 mm block at 28 mm / 37 mm', () => {
    expect(GONGWEN.pageWidth).toBeCloseTo(595.28, 1);
    expect(GONGWEN.pageHeight).toBeCloseTo(841.89, 1);
    expect(GONGWEN.marginLeft).toBeCloseTo(mm(28), 6);
    expect(GONGWEN.marginTop).toBeCloseTo(mm(37), 6);
    expect(GONGWEN.marginRight).toBeCloseTo(mm(26), 6);
    expect(GONGWEN.marginBottom).toBeCloseTo(mm(35), 6);
  });

  it('fits exactly 22 lines of 28 characters of 16 pt', () => {
    expect(22 * GONGWEN.linePitch).toBeLessThanOrEqual(GONGWEN.blockHeight);
    expect(23 * GONGWEN.linePitch).toBeGreaterThan(GONGWEN.blockHeight);
    expect(GONGWEN.linePitch).toBeCloseTo(28.99, 2);
    // the 28th character ends at the block's right edge
    expect(27 * GONGWEN.charPitch + 16).toBeLessThanOrEqual(GONGWEN.blockWidth);
    expect(27 * GONGWEN.charPitch + 16).toBeGreaterThan(GONGWEN.blockWidth - 0.01);
    expect(GONGWEN.charSpacing).toBeCloseTo(-0.215, 3);
  });

  it('writes page numbers with a dash on each side', () => {
    expect(pageNumberText(12).replace(/\u2002/g, ' ')).toBe('— 12 —');
  });
});

describe('the character grid', () => {
  it('sets 26 characters after the two-character indent, then 28 a line, justified to the block', () => {
    const lines = setOnGrid(run('中'.repeat(26 + 28 * 3 + 5)), spec);
    expect(lines.map((l) => [...lineText(l)].length)).toEqual([26, 28, 28, 28, 5]);
    for (const l of lines.slice(0, -1)) {
      expect(l.indent + l.width).toBeLessThanOrEqual(GONGWEN.blockWidth);
      expect(l.indent + l.width).toBeGreaterThan(GONGWEN.blockWidth - 0.02);
    }
    // the last line keeps the grid spacing
    expect(lines[4]?.characterSpacing).toBeCloseTo(GONGWEN.charSpacing, 6);
  });

  it('never starts a line with closing punctuation: it is squeezed in', () => {
    const lines = setOnGrid(run(`${'中'.repeat(26)}，${'中'.repeat(10)}`), spec);
    expect(lineText(lines[0] ?? { segments: [] })).toBe(`${'中'.repeat(26)}，`);
    expect(lineText(lines[1] ?? { segments: [] })).toBe('中'.repeat(10));
    expect(lines[0]?.characterSpacing).toBeLessThan(GONGWEN.charSpacing);
  });

  it('moves a character down with closing punctuation that cannot be squeezed in', () => {
    const lines = setOnGrid(run(`${'中'.repeat(26)}。”）${'中'.repeat(10)}`), spec);
    const first = lineText(lines[0] ?? { segments: [] });
    const second = lineText(lines[1] ?? { segments: [] });
    expect(second.startsWith('中。”）')).toBe(true);
    expect([...first]).toHaveLength(25);
  });

  it('never ends a line with opening punctuation, and keeps numbers whole', () => {
    const a = setOnGrid(run(`${'中'.repeat(25)}“三会一课”`), spec);
    expect(lineText(a[0] ?? { segments: [] }).endsWith('“')).toBe(false);
    const b = setOnGrid(run(`${'中'.repeat(24)}完成率96.55%，合格`), spec);
    expect(b.map(lineText).some((l) => l.includes('96.55%'))).toBe(true);
  });

  it('mixes fonts in one paragraph (a （一） heading run into its text)', () => {
    const heading = BUNDLED_FONT_SET.roles.heading2;
    const lines = setOnGrid(
      [
        { text: '（一）组织建设。', font: 'h2', metrics: heading.metrics, fontSize: 16 },
        { text: '中'.repeat(40), font: 'body', metrics: body.metrics, fontSize: 16 },
      ],
      spec,
    );
    expect(lines[0]?.segments.map((s) => s.run)).toEqual([0, 1]);
    expect([...lineText(lines[0] ?? { segments: [] })]).toHaveLength(26);
  });
});

describe('titles, tables and drafts', () => {
  it('breaks a long title into balanced lines, never inside quotation marks', () => {
    const lines = breakTitle('市统计局办公室党支部2026年度“三会一课”记录', BUNDLED_FONT_SET.roles.title.metrics, 22, GONGWEN.blockWidth);
    expect(lines).toEqual(['市统计局办公室党支部', '2026年度“三会一课”记录']);
    expect(breakTitle('党员花名册', BUNDLED_FONT_SET.roles.title.metrics, 22, GONGWEN.blockWidth)).toEqual(['党员花名册']);
  });

  it('narrows fixed table columns so that the table never runs past the block', () => {
    const widths = fitWidths([120, 120, 120, '*', 80], GONGWEN.blockWidth, 8);
    const total = widths.reduce((s, w) => s + w, 0) + 5 * 8 + 6 * 0.5;
    expect(total).toBeLessThanOrEqual(GONGWEN.blockWidth);
    expect(widths[3]).toBeGreaterThanOrEqual(36);
  });

  it('runs a level-2 heading’s first sentence into its paragraph', () => {
    expect(splitLevel2('（二）聚焦问题抓好整改。对未销号的整改事项逐项明确责任人。')).toEqual({
      heading: '（二）聚焦问题抓好整改。',
      rest: '对未销号的整改事项逐项明确责任人。',
    });
  });

  it('writes rule explanations and money as print does', () => {
    expect(tidy('有表决权党员应到 23 人，实到 11 人')).toBe('有表决权党员应到23人，实到11人');
    expect(yuanText(2_470_000)).toBe('2.47万元');
    expect(yuanText(123_456)).toBe('1234.56元');
  });
});

describe('font sets', () => {
  it('bundles Noto Serif SC and Noto Sans SC, one pdfmake family per file', () => {
    expect(fontFilesOf(BUNDLED_FONT_SET).sort()).toEqual(['NotoSansSC-Bold.ttf', 'NotoSerifSC-Bold.ttf', 'NotoSerifSC-Regular.ttf']);
    expect(Object.keys(pdfFontDictionary(BUNDLED_FONT_SET))).toHaveLength(3);
  });

  it('uses the host’s 公文 fonts where it has them, the bundled ones elsewhere, and says which', () => {
    const metrics = body.metrics;
    const set = chooseReportFonts([
      { file: 'C:/Windows/Fonts/simfang.ttf', names: ['仿宋', 'FangSong'], metrics },
      { file: 'C:/Windows/Fonts/simhei.ttf', names: ['SimHei', '黑体'], metrics },
      { file: 'C:/Windows/Fonts/FangSong_GB2312.ttf', names: ['仿宋_GB2312'], metrics },
    ]);
    expect(set.roles.body.file).toBe('C:/Windows/Fonts/FangSong_GB2312.ttf'); // 仿宋_GB2312 ranks above 仿宋
    expect(set.roles.heading1).toMatchObject({ file: 'C:/Windows/Fonts/simhei.ttf', name: '黑体', source: 'system' });
    expect(set.roles.title).toBe(BUNDLED_FONT_SET.roles.title);
    expect(set.roles.heading2).toBe(BUNDLED_FONT_SET.roles.heading2);
    const described = describeFontSet(set);
    expect(described).toContain('正文=仿宋_GB2312（系统字体）');
    expect(described).toContain('标题=Noto Serif SC Bold（内置字体，代小标宋体）');
    expect(chooseReportFonts([])).toEqual(BUNDLED_FONT_SET);
  });
});

describe('table cells', () => {
  const m = BUNDLED_FONT_SET.roles.body.metrics;
  const em = (n: number): number => n * 10.5 + 0.01;
  it('never leave one character on a line of its own', () => {
    // eight characters fit: 机关第一第一党支 / 部 becomes 机关第一第一 / 党支部
    expect(withoutOrphan('机关第一第一党支部', em(8), m, 10.5)).toBe('机关第一第一\n党支部');
    expect(withoutOrphan('学习贯彻党的二十届四中全会精神', em(14), m, 10.5)).toBe('学习贯彻党的二十届四中全会\n精神');
    // two or more on the last line, or a text that fits, stay as they are
    expect(withoutOrphan('机关第一第一党支部', em(7), m, 10.5)).toBe('机关第一第一党支部');
    expect(withoutOrphan('办公室党支部', em(8), m, 10.5)).toBe('办公室党支部');
  });
});

describe('a column too narrow to help', () => {
  it('is left as pdfmake wraps it rather than leaving a single character higher up', () => {
    const m = BUNDLED_FONT_SET.roles.body.metrics;
    expect(withoutOrphan('组织生活会', 2 * 10.5 + 0.01, m, 10.5)).toBe('组织生活会');
  });
});
