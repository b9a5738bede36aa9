import { describe, expect, it } from 'vitest';
import { addresseeHint } from './addresseeHint';

describe('the annual report’s 主送', () => {
  it('is said to be a placeholder while it holds “××”, and what to do', () => {
    expect(addresseeHint('中共××市委直属机关工委')).toContain('“××”是占位文字');
    expect(addresseeHint('中共××市委直属机关工委')).toContain('登记到工委后');
  });
  it('needs no word once it names the committee', () => {
    expect(addresseeHint('中共示范市委直属机关工委')).toBeNull();
  });
  it('asks for it when it is empty', () => {
    expect(addresseeHint('  ')).toContain('请填写主送机关');
  });
});
