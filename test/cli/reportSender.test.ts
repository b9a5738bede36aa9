/**
 * `taizhang report --input unit.tzb --key …`: the signer is pinned with `--sender-key`; without it
 * the PDF's first page (and stderr) says 未核验发送方 — a report must not pass off a bundle anyone
 * could have signed as the unit's own.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { publicKeyToBase64 } from '../../shared/bundle';
import { fixtureDevicePublicKey } from '../../scripts/cli/fixtureKeys';
import { main } from '../../scripts/cli/main';
import { compact, pdfText } from '../reports/pdfReader';
import { smallCity } from '../reports/reportFixtures';

let dir = '';
let bundle = '';
let keys = '';
let unitId = '';
let deviceId = '';

afterEach(() => {
  vi.restoreAllMocks();
});

async function run(...args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.map(String).join(' ')));
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, err: err.join('\n') };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'taizhang-report-sender-'));
  const fixtures = path.join(dir, 'fixtures');
  mkdirSync(fixtures);
  const unit = smallCity().units[0];
  if (unit === undefined) throw new Error('no unit');
  unitId = unit.unit.id;
  deviceId = unit.deviceId;
  writeFileSync(path.join(fixtures, `${unitId}.json`), JSON.stringify({ unit: unit.unit, deviceId, records: unit.records }));
  keys = path.join(dir, 'keys');
  expect((await run('keys', '--out', keys)).code).toBe(0);
  bundle = path.join(dir, 'unit.tzb');
  expect((await run('bundle', '--input', fixtures, '--unit', unitId, '--to', path.join(keys, 'committee.public.json'), '--out', bundle)).code).toBe(0);
}, 60_000);

const common = (): string[] => ['--input', bundle, '--key', path.join(keys, 'committee.private.json'), '--unit', unitId, '--year', '2026', '--as-of', '2026-12-31'];

describe('report from a bundle: who signed it', () => {
  it('without --sender-key: 未核验发送方 on the first page only, and on stderr', async () => {
    const out = path.join(dir, 'unverified.pdf');
    const r = await run('report', 'roster', ...common(), '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('未核验发送方');
    expect(r.err).toContain('--sender-key');
    const first = compact(await pdfText(out, 1, 1));
    expect(first).toContain('未核验发送方');
    expect(first).toContain('党员花名册');
    const rest = compact(await pdfText(out, 2));
    expect(rest).not.toContain('未核验发送方');
  }, 60_000);

  it('with the unit’s key pinned: no such line; with another key: refused', async () => {
    const out = path.join(dir, 'verified.pdf');
    const r = await run('report', 'roster', ...common(), '--sender-key', publicKeyToBase64(fixtureDevicePublicKey(deviceId)), '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain('未核验发送方');
    expect(compact(await pdfText(out))).not.toContain('未核验发送方');

    const wrong = await run('report', 'roster', ...common(), '--sender-key', path.join(keys, 'committee.public.json'), '--out', path.join(dir, 'x.pdf'));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('与 --sender-key 指定的工委');
  }, 60_000);

  it('--sender-key is for bundles only', async () => {
    const r = await run('report', 'roster', '--input', path.join(dir, 'fixtures'), '--unit', unitId, '--sender-key', 'x', '--out', path.join(dir, 'y.pdf'));
    expect(r.code).toBe(2);
  });
});
