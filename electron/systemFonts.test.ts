import { describe, expect, it } from 'vitest';
import { MAX_FONT_FILE_BYTES, MAX_LISTED_FONTS } from '../shared/ipc/contract';
import { chooseReportFonts } from '../shared/reports/fonts';
import { BUNDLED_FONT_METRICS } from '../shared/reports/bundledFontMetrics';
import { catalogue, familyOfFileName, fontDirectories, isFontFile } from './systemFonts';

describe('system font directories', () => {
  it('Windows: the system Fonts folder, then the per-user one', () => {
    expect(fontDirectories('win32', { WINDIR: 'D:\\WINDOWS', LOCALAPPDATA: 'C:\\Users\\zm\\AppData\\Local' }, 'C:\\Users\\zm')).toEqual([
      'D:\\WINDOWS\\Fonts',
      'C:\\Users\\zm\\AppData\\Local\\Microsoft\\Windows\\Fonts',
    ]);
    expect(fontDirectories('win32', {}, 'C:\\Users\\zm')).toEqual(['C:\\Windows\\Fonts']);
  });

  it('UOS / Kylin: /usr/share/fonts (WPS fonts live below it), then the user’s', () => {
    expect(fontDirectories('linux', {}, '/home/zm')).toEqual([
      '/usr/share/fonts',
      '/usr/local/share/fonts',
      '/home/zm/.local/share/fonts',
      '/home/zm/.fonts',
    ]);
  });
});

describe('font file names → 公文 families', () => {
  it.each([
    ['simfang.ttf', '仿宋'],
    ['SIMFANG.TTF', '仿宋'],
    ['simhei.ttf', '黑体'],
    ['simkai.ttf', '楷体'],
    ['FZXBSJW.TTF', '方正小标宋简体'],
    ['FZXBSJW-GB1-0.ttf', '方正小标宋简体'],
    ['FZXBSK.TTF', '方正小标宋_GBK'],
    ['仿宋_GB2312.ttf', '仿宋_GB2312'],
    ['FangSong_GB2312.ttf', '仿宋_GB2312'],
    ['楷体_GB2312.TTF', '楷体_GB2312'],
    ['KaiTi_GB2312.ttf', '楷体_GB2312'],
    ['方正小标宋简体.ttf', '方正小标宋简体'],
    ['STZHONGS.TTF', '华文中宋'],
    ['STFANGSO.TTF', '华文仿宋'],
  ])('%s → %s', (file, family) => {
    expect(familyOfFileName(file)).toBe(family);
  });

  it.each(['simsun.ttc', 'msyh.ttc', 'arial.ttf', 'simfang.ttf.bak', 'simfang.exe', 'NotoSerifSC-Regular.otf', 'simfang'])('ignores %s', (file) => {
    expect(familyOfFileName(file)).toBeNull();
  });

  it('every family it names is one chooseReportFonts takes for some role', () => {
    const metrics = BUNDLED_FONT_METRICS['NotoSerifSC-Regular.ttf']!;
    const set = chooseReportFonts(
      ['FZXBSJW.TTF', '仿宋_GB2312.ttf', 'simhei.ttf', '楷体_GB2312.ttf'].map((f, i) => ({ file: `font-${i}`, names: [familyOfFileName(f)!], metrics })),
    );
    expect([set.roles.title.name, set.roles.body.name, set.roles.heading1.name, set.roles.heading2.name]).toEqual([
      '方正小标宋简体',
      '仿宋_GB2312',
      '黑体',
      '楷体_GB2312',
    ]);
    expect(Object.values(set.roles).every((f) => f.source === 'system')).toBe(true);
  });
});

describe('font file check', () => {
  it('accepts TrueType and OpenType, refuses collections and other files', () => {
    expect(isFontFile(new Uint8Array([0, 1, 0, 0]))).toBe(true);
    expect(isFontFile(new TextEncoder().encode('OTTO'))).toBe(true);
    expect(isFontFile(new TextEncoder().encode('true'))).toBe(true);
    expect(isFontFile(new TextEncoder().encode('ttcf'))).toBe(false);
    expect(isFontFile(new TextEncoder().encode('%PDF'))).toBe(false);
    expect(isFontFile(new Uint8Array([0, 1]))).toBe(false);
  });
});

describe('catalogue', () => {
  it('one file per family, in directory order, numbered ids; oversized and empty files left out', () => {
    const { list, paths } = catalogue([
      { family: '仿宋', file: 'C:\\Windows\\Fonts\\simfang.ttf', size: 10_000_000 },
      { family: '仿宋', file: 'C:\\Users\\zm\\AppData\\Local\\Microsoft\\Windows\\Fonts\\simfang.ttf', size: 10_000_000 },
      { family: '黑体', file: '/usr/share/fonts/huge/simhei.ttf', size: MAX_FONT_FILE_BYTES + 1 },
      { family: '楷体', file: '/usr/share/fonts/empty/simkai.ttf', size: 0 },
      { family: '方正小标宋简体', file: '/usr/share/fonts/wps-office/FZXBSJW.TTF', size: 4_000_000 },
    ]);
    expect(list).toEqual([
      { id: 'font-0', family: '仿宋', fileName: 'simfang.ttf', size: 10_000_000 },
      { id: 'font-1', family: '方正小标宋简体', fileName: 'FZXBSJW.TTF', size: 4_000_000 },
    ]);
    expect(paths.get('font-0')).toBe('C:\\Windows\\Fonts\\simfang.ttf');
    expect(paths.get('font-2')).toBeUndefined();
  });

  it(`lists at most ${MAX_LISTED_FONTS}`, () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ family: `f${i}`, file: `/f/${i}.ttf`, size: 1 }));
    expect(catalogue(many).list).toHaveLength(MAX_LISTED_FONTS);
  });
});
