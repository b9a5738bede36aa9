import { describe, expect, it } from 'vitest';
import { bundleScopeText } from './bundleScope';

describe('bundleScopeText', () => {
  it('says 完整数据 for a snapshot and 变更数据 with the change-log numbers for a delta', () => {
    expect(bundleScopeText({ snapshot: true, changeRange: null })).toBe('完整数据');
    expect(bundleScopeText({ snapshot: false, changeRange: { fromSeq: 120, toSeq: 125 } })).toBe('变更数据（修改记录第 120–125 号）');
  });

  it('names a single change once, not as a range from a number to itself', () => {
    expect(bundleScopeText({ snapshot: false, changeRange: { fromSeq: 125, toSeq: 125 } })).toBe('变更数据（修改记录第 125 号）');
  });

  it('still says 变更数据 when a delta names no range', () => {
    expect(bundleScopeText({ snapshot: false, changeRange: null })).toBe('变更数据');
  });
});
