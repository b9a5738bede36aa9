/**
 * `taizhang verify` / `inspect` hold a bundle to the key files given (docs/bundle-format.md §13):
 * a committee's key opens only unit-to-committee bundles, a unit's only committee-to-unit ones, and
 * a `--sender-key` key file must be the party the header names as sender. And the refusal kinds of
 * §10, on the frozen spec bundles of test/fixtures/bundles/spec (read from disk).
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/cli/main';

const SPEC = path.resolve(import.meta.dirname, '../fixtures/bundles/spec');
const at = (name: string): string => path.join(SPEC, name);

afterEach(() => {
  vi.restoreAllMocks();
});

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.map(String).join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.map(String).join(' ')));
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the key file’s role decides which direction it opens', () => {
  it('a committee→unit bundle addressed to the committee is refused with the committee key', async () => {
    const v = await run('verify', at('committee-to-unit-addressed-to-committee.tzb'), '--key', at('committee.private.json'));
    expect(v.code).toBe(1);
    expect(v.err).toContain('[wrong-recipient]');
    expect(v.err).toContain('此同步包是工委发给单位的');
    expect(v.out).not.toContain('结果 (result): 有效');
    const i = await run('inspect', at('committee-to-unit-addressed-to-committee.tzb'), '--key', at('committee.private.json'));
    expect(i.code).toBe(1);
    expect(JSON.parse(i.out).error.kind).toBe('wrong-recipient');
  });

  it('a unit key opens a committee→unit bundle to that unit, and no unit→committee bundle', async () => {
    const ok = await run('verify', at('committee-to-unit.tzb'), '--key', at('unit.private.json'), '--sender-key', at('committee.public.json'));
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('结果 (result): 有效');
    const wrong = await run('verify', at('v3-funds.tzb'), '--key', at('unit.private.json'));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('[wrong-recipient]');
    expect(wrong.err).toContain('单位报送工委');
  });

  it('a --sender-key key file must be the sender the header names, in its direction', async () => {
    const ok = await run('verify', at('v3-funds.tzb'), '--key', at('committee.private.json'), '--sender-key', at('unit.public.json'));
    expect(ok.code, ok.err).toBe(0);
    const reversed = await run('verify', at('committee-to-unit.tzb'), '--sender-key', at('unit.public.json'));
    expect(reversed.code).toBe(1);
    expect(reversed.err).toContain('[sender-key-mismatch]');
    expect(reversed.err).toContain('与 --sender-key 指定的单位');
  });
});

describe('refusal kinds as §10 names them, with a Chinese reason', () => {
  for (const [file, kind, words] of [
    ['header-too-large.tzb', 'too-large', '超过了允许的16384字节'],
    ['unknown-entry.tzb', 'unknown-entry', '不属于同步包格式的文件'],
    ['manifest-total.tzb', 'manifest-mismatch', '与各表条数之和'],
    ['v1-class-with-sessions.tzb', 'invalid-record', '第2版才有的字段'],
  ] as const) {
    it(`${file} → ${kind}`, async () => {
      const r = await run('verify', at(file), '--key', at('committee.private.json'));
      expect(r.code).toBe(1);
      expect(r.err).toContain(`[${kind}]`);
      expect(r.err).toContain(words);
    });
  }
});
