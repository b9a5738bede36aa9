/**
 * `npx taizhang report …` end to end, in process: from a fixture directory, and from the unit's
 * sync bundle (.tzb) decrypted with the committee's key file, giving the same report; a delta
 * bundle is refused with a Chinese reason; usage errors exit 2.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { publicKeyToBase64 } from '../../shared/bundle';
import { fixtureDevicePublicKey } from '../../scripts/cli/fixtureKeys';
import { main } from '../../scripts/cli/main';
import { compact, pdfText } from './pdfReader';
import { smallCity } from './reportFixtures';

let dir: string;
let fixtures: string;
let unitId: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'taizhang-report-cli-'));
  fixtures = path.join(dir, 'fixtures');
  mkdirSync(fixtures);
  const unit = smallCity().units[0];
  if (unit === undefined) throw new Error('no unit');
  unitId = unit.unit.id;
  writeFileSync(path.join(fixtures, `${unitId}.json`), JSON.stringify({ unit: unit.unit, deviceId: unit.deviceId, records: unit.records }));
});

afterEach(() => {
  vi.restoreAllMocks();
});

function quiet(): { errors: string[] } {
  const errors: string[] = [];
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
  });
  return { errors };
}

describe('taizhang report', () => {
  it('prints a unit’s annual report from a fixture directory and from its bundle alike', async () => {
    quiet();
    const fromDir = path.join(dir, 'annual-dir.pdf');
    const common = ['--unit', unitId, '--year', '2026', '--as-of', '2026-12-31', '--date', '2027-01-15'];
    expect(await main(['report', 'annual', '--input', fixtures, ...common, '--out', fromDir])).toBe(0);

    const keys = path.join(dir, 'keys');
    expect(await main(['keys', '--out', keys])).toBe(0);
    const bundle = path.join(dir, 'unit.tzb');
    expect(await main(['bundle', '--input', fixtures, '--unit', unitId, '--to', path.join(keys, 'committee.public.json'), '--out', bundle])).toBe(0);
    const fromBundle = path.join(dir, 'annual-tzb.pdf');
    expect(
      await main([
        'report', 'annual', '--input', bundle, '--key', path.join(keys, 'committee.private.json'),
        // the unit's key pinned, as the committee has it from enrolment (without it the first page says 未核验发送方)
        '--sender-key', publicKeyToBase64(fixtureDevicePublicKey(smallCity().units[0]?.deviceId ?? '')),
        ...common, '--out', fromBundle,
      ]),
    ).toBe(0);

    const a = await pdfText(fromDir);
    expect(compact(a)).toContain('关于2026年度落实机关党建主体责任情况的报告');
    expect(await pdfText(fromBundle)).toBe(a);
  }, 60_000);

  it('refuses a bundle of changes only, and explains why', async () => {
    const { errors } = quiet();
    const keys = path.join(dir, 'keys2');
    expect(await main(['keys', '--out', keys])).toBe(0);
    const delta = path.join(dir, 'delta.tzb');
    expect(
      await main(['bundle', '--input', fixtures, '--unit', unitId, '--to', path.join(keys, 'committee.public.json'), '--out', delta, '--since-seq', '5']),
    ).toBe(0);
    const code = await main(['report', 'annual', '--input', delta, '--key', path.join(keys, 'committee.private.json'), '--year', '2026', '--out', path.join(dir, 'x.pdf')]);
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain('不是全量快照');
  }, 60_000);

  it('prints the roster, a branch’s meeting book, a sign-in sheet and the city report', async () => {
    quiet();
    const unit = smallCity().units[0];
    const branch = unit?.records.organisation?.find((o) => o.kind === 'branch');
    const cls = unit?.records.trainingClass?.[0];
    expect(branch && cls).toBeTruthy();
    const base = ['--input', fixtures, '--year', '2026', '--as-of', '2026-12-31'];
    const roster = path.join(dir, 'roster.pdf');
    expect(await main(['report', 'roster', ...base, '--out', roster])).toBe(0);
    expect(compact(await pdfText(roster))).toContain('党员花名册');
    const book = path.join(dir, 'book.pdf');
    expect(await main(['report', 'meetings', ...base, '--organisation', branch?.id ?? '', '--out', book])).toBe(0);
    expect(compact(await pdfText(book))).toContain('“三会一课”记录');
    const sheet = path.join(dir, 'signin.pdf');
    expect(await main(['report', 'signin', ...base, '--class', cls?.id ?? '', '--out', sheet])).toBe(0);
    expect(compact(await pdfText(sheet))).toContain('签到表');
    const city = path.join(dir, 'city.pdf');
    expect(await main(['report', 'city', ...base, '--out', city])).toBe(0);
    expect(compact(await pdfText(city))).toContain('中共市委直属机关工委关于2026年度全市机关党建工作情况的报告');
  }, 60_000);

  it('answers usage errors with exit code 2', async () => {
    const { errors } = quiet();
    expect(await main(['report', 'weekly', '--input', fixtures, '--out', 'x.pdf'])).toBe(2);
    expect(await main(['report', 'annual', '--out', 'x.pdf'])).toBe(2);
    expect(await main(['report', 'annual', '--input', fixtures, '--year', '2026', '--out', path.join(dir, 'y.pdf'), '--input', 'a.tzb'])).toBe(2);
    expect(await main(['report', 'meetings', '--input', fixtures, '--year', '2026', '--out', path.join(dir, 'z.pdf')])).toBe(2);
    expect(errors.join('\n')).toContain('用法');
  });
});
