import { describe, expect, it } from 'vitest';
import { FILE_NAME_FORBIDDEN, fileNamePart } from './fileName';

describe('fileNamePart', () => {
  it('replaces the characters Windows refuses, and control characters, with _', () => {
    expect(fileNamePart('工委/测试:名称')).toBe('工委_测试_名称');
    expect(fileNamePart('a\\b"c<d>e|f*g?h\u0001i')).toBe('a_b_c_d_e_f_g_h_i');
    expect(fileNamePart('  市审计局  ')).toBe('市审计局');
  });

  it('drops them instead, and white space, for a part of a report name', () => {
    expect(fileNamePart('市 统计局/办公室', { replacement: '', dropSpace: true })).toBe('市统计局办公室');
  });

  it('keeps at most maxLength characters and falls back when nothing is left', () => {
    expect(fileNamePart('单'.repeat(100))).toBe('单'.repeat(80));
    expect(fileNamePart('单'.repeat(100), { maxLength: 10 })).toBe('单'.repeat(10));
    expect(fileNamePart('   ', { fallback: '同步包' })).toBe('同步包');
  });

  it('what it makes passes the bridge’s file-name check', () => {
    expect(FILE_NAME_FORBIDDEN.test(fileNamePart('a/b:c*d?e"f<g>h|i\u001fj'))).toBe(false);
  });
});
