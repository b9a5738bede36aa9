/**
 * `npx taizhang bundle --input <fixture dir> --unit ID --to committee.public.json --out FILE.tzb
 *                      [--sequence N] [--since-seq N]`
 *
 * Exports a synthetic unit from a fixture directory (`npm run fixtures -- small --out DIR`) as a
 * real bundle, with the same shared/bundle code as the app. The fixture file `<ID>.json` is
 * `{ unit, deviceId, records: { [table]: record[] } }`; the device's signing key is derived from
 * its device id (fixtureKeys.ts, TEST ONLY).
 *
 * Fixtures have no change log, so one is implied: the unit's records ordered by (rev, table, id)
 * have change sequence numbers 1…n. Without `--since-seq` the bundle is a snapshot of all of them;
 * with `--since-seq N` it is a delta of those with seq > N, changeRange { fromSeq: N+1, toSeq: n }.
 * Records the unit does not own (committee data in the fixture) are left out, with a note.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { encodeBundle, keyFingerprint } from '../../../shared/bundle';
import type { BundleRecords } from '../../../shared/bundle';
import { isUuidV7 } from '../../../shared/ids/uuidv7';
import { isRecordTable, RECORD_TABLES, recordOwner } from '../../../shared/model/tables';
import type { RecordTable } from '../../../shared/model/tables';
import { nonNegativeInteger, parseCommandArgs, positiveInteger, usageError } from '../args';
import { printRefusal } from '../bundleText';
import { fixtureDeviceSigner } from '../fixtureKeys';
import { readPublicKeyFile } from '../keyFiles';

export const usage =
  '导出测试单位的同步包 export a fixture unit: bundle --input <fixture dir> --unit ID --to committee.public.json --out FILE.tzb [--sequence N] [--since-seq N]';

const FixtureUnitSchema = z.object({
  deviceId: z.string(),
  unit: z.unknown().optional(),
  records: z.record(z.string(), z.array(z.unknown())),
});

interface Row {
  readonly table: RecordTable;
  readonly record: { readonly id: string; readonly rev: string; readonly unitId: string };
}

function byChangeOrder(a: Row, b: Row): number {
  const ka = [a.record.rev, a.table, a.record.id];
  const kb = [b.record.rev, b.table, b.record.id];
  for (let i = 0; i < 3; i++) {
    const x = ka[i] as string;
    const y = kb[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export async function run(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, {
    input: { type: 'string' },
    unit: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    sequence: { type: 'string' },
    'since-seq': { type: 'string' },
  });
  if (!parsed.ok) return usageError(parsed.message, usage);
  const { input, unit, to, out } = parsed.values;
  if (typeof input !== 'string' || typeof unit !== 'string' || typeof to !== 'string' || typeof out !== 'string' || parsed.positionals.length > 0) {
    return usageError('需要 --input、--unit、--to 和 --out (--input, --unit, --to and --out are required)', usage);
  }
  if (!isUuidV7(unit)) return usageError('--unit 必须是单位编号 (UUIDv7) (--unit must be a unit id)', usage);
  const sequence = parsed.values.sequence === undefined ? 1 : positiveInteger(parsed.values.sequence);
  if (sequence === null) return usageError('--sequence 必须是正整数 (--sequence must be a positive integer)', usage);
  const sinceSeq = parsed.values['since-seq'] === undefined ? null : nonNegativeInteger(parsed.values['since-seq']);
  if (parsed.values['since-seq'] !== undefined && sinceSeq === null) {
    return usageError('--since-seq 必须是非负整数 (--since-seq must be a non-negative integer)', usage);
  }

  const committee = readPublicKeyFile(to);
  if (!committee.ok) return usageError(committee.message, usage);

  const fixturePath = path.join(input, `${unit}.json`);
  let fixtureJson: unknown;
  try {
    fixtureJson = JSON.parse(readFileSync(fixturePath, 'utf8'));
  } catch {
    return usageError(`无法读取测试单位文件 (cannot read fixture unit file): ${fixturePath}`, usage);
  }
  const fixture = FixtureUnitSchema.safeParse(fixtureJson);
  if (!fixture.success) return usageError(`测试单位文件格式不对 (fixture unit file has the wrong shape): ${fixturePath}`, usage);
  const { deviceId, records } = fixture.data;

  const rows: Row[] = [];
  let skipped = 0;
  for (const [table, list] of Object.entries(records)) {
    if (!isRecordTable(table)) return usageError(`测试单位文件含未知数据表 (unknown table) “${table}”`, usage);
    for (const record of list) {
      const r = record as { id?: unknown; rev?: unknown; unitId?: unknown; organiser?: unknown };
      if (typeof r.id !== 'string' || typeof r.rev !== 'string' || typeof r.unitId !== 'string') {
        return usageError(`测试单位文件中 ${table} 有缺少 id/rev/unitId 的记录 (a record lacks id, rev or unitId)`, usage);
      }
      if (recordOwner(table, r) !== 'unit' || r.unitId !== unit) {
        skipped += 1;
        continue;
      }
      rows.push({ table, record: r as Row['record'] });
    }
  }
  rows.sort(byChangeOrder);
  const selected = sinceSeq === null ? rows : rows.slice(sinceSeq);
  const grouped: Partial<Record<RecordTable, unknown[]>> = {};
  for (const table of RECORD_TABLES) grouped[table] = [];
  for (const row of selected) grouped[row.table]?.push(row.record);

  const signer = fixtureDeviceSigner(deviceId);
  const encoded = await encodeBundle(
    {
      kind: 'unit-to-committee',
      senderUnitId: unit,
      senderDeviceId: deviceId,
      sequence,
      recipientId: committee.value.id,
      recipientPublicKey: committee.value.encryptionPublicKey,
      createdAt: new Date().toISOString(),
      ruleProfileVersion: 1,
      changeRange: sinceSeq === null ? null : { fromSeq: sinceSeq + 1, toSeq: Math.max(rows.length, sinceSeq) },
      records: grouped as BundleRecords,
    },
    signer,
  );
  if (!encoded.ok) return printRefusal(encoded.error);
  writeFileSync(out, encoded.value.bytes);
  console.log(`已生成同步包 (bundle written): ${out} (${encoded.value.bytes.length} 字节 bytes)`);
  console.log(`  单位 (unit): ${unit}，设备 (device): ${deviceId}，序号 (sequence): ${sequence}`);
  console.log(`  记录 (records): ${encoded.value.manifest.totalRecords}${sinceSeq === null ? '（全量快照 snapshot）' : `（变更 changes ${sinceSeq + 1}–${Math.max(rows.length, sinceSeq)}）`}`);
  if (skipped > 0) console.log(`  跳过非本单位所有的记录 (skipped records the unit does not own): ${skipped}`);
  console.log(`  签名公钥指纹 (signing fingerprint): ${keyFingerprint(signer.publicKey)}`);
  return 0;
}
