/**
 * The bundle commands of `npx taizhang`, run for real (`node bin/taizhang.mjs`) on files in a temp
 * dir: keys → bundle (from a fixture unit) → verify / inspect, and every way they refuse.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicKeyToBase64 } from '../../shared/bundle';
import { sampleRecords, sampleUnitContent } from '../../shared/bundle/testing/testkit';
import { fixtureDevicePublicKey } from '../../scripts/cli/fixtureKeys';

const ROOT = path.resolve(import.meta.dirname, '../..');
const UNIT_ID = '019bc000-0000-7000-8000-000000000001';
const DEVICE_ID = '019bc000-0000-7000-8000-0000000000d1';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/taizhang.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
let bundle = '';
let recordCount = 0;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tz-cli-'));
  // A fixture directory in the generator's layout: <unitId>.json = { unit, deviceId, records } and index.json.
  const content = sampleUnitContent(UNIT_ID, DEVICE_ID, 120, 17);
  const records = { ...content.records, card: sampleRecords('card', 2, UNIT_ID, DEVICE_ID, 4) };
  recordCount = Object.entries(content.records).reduce((n, [, l]) => n + (l?.length ?? 0), 0);
  mkdirSync(path.join(dir, 'fixtures'));
  writeFileSync(path.join(dir, 'fixtures', `${UNIT_ID}.json`), JSON.stringify({ unit: content.records.unit?.[0], deviceId: DEVICE_ID, records }));
  writeFileSync(path.join(dir, 'fixtures', 'index.json'), JSON.stringify({ units: [{ unitId: UNIT_ID }] }));
  bundle = path.join(dir, 'unit.tzb');
});

describe('npx taizhang keys / bundle / verify / inspect', { timeout: 120_000 }, () => {
  it('keys: writes a public file and a PLAIN private file that says it is a test key', () => {
    const r = cli('keys', '--out', path.join(dir, 'keys'));
    expect(r.code, r.stderr).toBe(0);
    const pub = JSON.parse(readFileSync(path.join(dir, 'keys', 'committee.public.json'), 'utf8'));
    const priv = JSON.parse(readFileSync(path.join(dir, 'keys', 'committee.private.json'), 'utf8'));
    expect(pub).toMatchObject({ format: 'taizhang-public-key', role: 'committee', id: priv.id });
    expect(JSON.stringify(pub)).not.toContain(priv.signingSecretKey);
    expect(JSON.stringify(pub)).not.toContain(priv.encryptionSecretKey);
    expect(priv.warning).toBe('TEST KEY FILE — plain, unencrypted; never use for real data');
    if (process.platform !== 'win32') expect(statSync(path.join(dir, 'keys', 'committee.private.json')).mode & 0o077).toBe(0);
    expect(cli('keys', '--out', path.join(dir, 'keys')).code).toBe(2); // refuses to overwrite
    expect(cli('keys', '--out', path.join(dir, 'other')).code).toBe(0);
  });

  it('bundle: exports the fixture unit, leaving out committee-owned records', () => {
    const r = cli('bundle', '--input', path.join(dir, 'fixtures'), '--unit', UNIT_ID, '--to', path.join(dir, 'keys', 'committee.public.json'), '--out', bundle);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`记录 (records): ${recordCount}`);
    expect(r.stdout).toContain('skipped records the unit does not own): 2');
    expect(readFileSync(bundle).subarray(0, 8).toString('latin1')).toBe('TZBUNDLE');
  });

  it('verify: structure and signature without a key; everything with the committee key', () => {
    const plain = cli('verify', bundle);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('签名 (signature): 有效');
    expect(plain.stdout).toContain(UNIT_ID);
    const full = cli('verify', bundle, '--key', path.join(dir, 'keys', 'committee.private.json'));
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toContain(`记录 (records): ${recordCount} 条`);
    expect(full.stdout).toContain('党员 (member)');
    expect(full.stdout).toContain('结果 (result): 有效 (valid)');
  });

  it('verify --sender-key: the fixture device key is accepted, another key is refused', () => {
    const good = cli('verify', bundle, '--sender-key', publicKeyToBase64(fixtureDevicePublicKey(DEVICE_ID)));
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toContain('与指定的发送方公钥一致');
    const bad = cli('verify', bundle, '--sender-key', path.join(dir, 'keys', 'committee.public.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('[sender-key-mismatch]');
  });

  it('inspect: header and manifest as JSON', () => {
    const r = cli('inspect', bundle, '--key', path.join(dir, 'keys', 'committee.private.json'));
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.header).toMatchObject({ format: 'taizhang-bundle', version: 1, senderUnitId: UNIT_ID, senderDeviceId: DEVICE_ID, snapshot: true });
    expect(json.signature).toBe('valid');
    expect(json.manifest.totalRecords).toBe(recordCount);
    const noKey = JSON.parse(cli('inspect', bundle).stdout);
    expect(noKey.manifest).toBeNull();
  });

  it('bundle --since-seq makes a delta with its change range', () => {
    const delta = path.join(dir, 'delta.tzb');
    const r = cli('bundle', '--input', path.join(dir, 'fixtures'), '--unit', UNIT_ID, '--to', path.join(dir, 'keys', 'committee.public.json'), '--out', delta, '--sequence', '2', '--since-seq', '100');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(cli('inspect', delta, '--key', path.join(dir, 'keys', 'committee.private.json')).stdout);
    expect(json.header).toMatchObject({ sequence: 2, snapshot: false, changeRange: { fromSeq: 101, toSeq: recordCount } });
    expect(json.manifest.totalRecords).toBe(recordCount - 100);
  });

  it('exit 1 with the Chinese reason for a damaged, truncated or misdirected bundle', () => {
    const bytes = readFileSync(bundle);
    const tampered = path.join(dir, 'tampered.tzb');
    const copy = Buffer.from(bytes);
    copy[copy.length - 50]! ^= 0x40;
    writeFileSync(tampered, copy);
    const t = cli('verify', tampered);
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('签名无效，文件可能被篡改');

    const truncated = path.join(dir, 'truncated.tzb');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 1000));
    const tr = cli('verify', truncated);
    expect(tr.code).toBe(1);
    expect(tr.stderr).toContain('文件不完整，请重新拷贝');

    const wrong = cli('verify', bundle, '--key', path.join(dir, 'other', 'committee.private.json'));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('此同步包不是发给本单位的');

    const notBundle = path.join(dir, 'note.txt');
    writeFileSync(notBundle, '这不是同步包');
    const nb = cli('inspect', notBundle);
    expect(nb.code).toBe(1);
    expect(JSON.parse(nb.stdout).error.kind).toBe('not-a-bundle');
  });

  it('exit 2 for usage errors', () => {
    expect(cli('verify').code).toBe(2);
    expect(cli('verify', bundle, '--bogus').code).toBe(2);
    expect(cli('verify', path.join(dir, 'missing.tzb')).code).toBe(2);
    expect(cli('verify', bundle, '--key', path.join(dir, 'keys', 'committee.public.json')).code).toBe(2);
    expect(cli('bundle', '--input', path.join(dir, 'fixtures'), '--unit', 'not-an-id', '--to', 'x', '--out', 'y').code).toBe(2);
    expect(cli('nonsense').code).toBe(2);
    const help = cli('--help');
    expect(help.code).toBe(0);
    for (const name of ['bundle', 'inspect', 'keys', 'verify']) expect(help.stdout).toContain(`  ${name}`);
  });
});
