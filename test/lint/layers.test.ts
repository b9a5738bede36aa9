/**
 * The layer rules must really fail `npm run lint` on a wrong import: between the layers, inside
 * shared/ and renderer/ (the inner orders), between features, into a test kit; and on a screen
 * that holds the database or an `as unknown as` outside the allow-list.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { DOUBLE_CAST_ALLOWED } from '../../scripts/eslint-layers.js';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function ruleErrors(rule: string, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === `layers/${rule}`).map((m) => m.message);
}

const layerErrors = (filePath: string, code: string) => ruleErrors('boundaries', filePath, code);

describe('layer boundaries (DESIGN.md §2)', () => {
  it.each([
    ['shared → renderer', 'shared/rules/x.ts', "import { appDatabase } from '../../renderer/db/db';\nexport const x = appDatabase;\n"],
    ['shared → electron', 'shared/ids/x.ts', "import { registerIpc } from '../../electron/ipc';\nexport const x = registerIpc;\n"],
    ['shared → Node', 'shared/ids/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared → Dexie', 'shared/ids/x.ts', "import { Dexie } from 'dexie';\nexport const x = Dexie;\n"],
    ['renderer → electron/', 'renderer/features/x/y.ts', "import { registerIpc } from '../../../electron/ipc';\nexport const x = registerIpc;\n"],
    ['renderer → the electron module', 'renderer/db/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['electron → renderer', 'electron/x.ts', "import { appDatabase } from '../renderer/db/db';\nexport const x = appDatabase;\n"],
    ['a re-export across layers', 'shared/ids/x.ts', "export * from '../../renderer/db/db';\n"],
  ])('refuses %s', async (_what, file, code) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/must not import/);
  });

  it.each([
    ['renderer → shared', 'renderer/db/x.ts', "import { newId } from '../../shared/ids/uuidv7';\nexport const x = newId;\n"],
    ['electron → shared', 'electron/x.ts', "import { IPC_CONTRACT } from '../shared/ipc/contract';\nexport const x = IPC_CONTRACT;\n"],
    ['the renderer’s own electron bridge file', 'renderer/platform/index.ts', "import { createElectronBridge } from './electron';\nexport const x = createElectronBridge;\n"],
  ])('allows %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

describe('the order inside shared/: ids, clock, errors, … < model < rules < roster, setup, training < reports, bundle', () => {
  it.each([
    ['model → rules (a record schema above the rules)', 'shared/model/x.ts', "import { NATIONAL_PROFILE_V1 } from '../rules/profile';\nexport const x = NATIONAL_PROFILE_V1;\n"],
    ['rules → reports', 'shared/rules/x.ts', "import { NONE } from '../reports/format';\nexport const x = NONE;\n"],
    ['rules → training', 'shared/rules/x.ts', "import { trainingPlace } from '../training/signInSheet';\nexport const x = trainingPlace;\n"],
    ['training → reports (the old circle)', 'shared/training/x.ts', "import { buildSignInSheet } from '../reports/signInSheet';\nexport const x = buildSignInSheet;\n"],
    ['ids → model', 'shared/ids/x.ts', "import { RECORD_TABLES } from '../model/tables';\nexport const x = RECORD_TABLES;\n"],
    ['ipc → bundle', 'shared/ipc/x.ts', "import { encodeBundle } from '../bundle/encode';\nexport const x = encodeBundle;\n"],
    ['the bridge interface → model', 'shared/platform.ts', "import { RECORD_TABLES } from './model/tables';\nexport const x = RECORD_TABLES;\n"],
    ['model → a nested rules folder', 'shared/model/x.ts', "import { lateness } from '../rules/committee/lateness';\nexport const x = lateness;\n"],
  ])('refuses %s', async (_what, file, code) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/must not import shared\/\w+ .*a lower folder never imports a higher one/);
  });

  it.each([
    ['rules → model', 'shared/rules/x.ts', "import { RECORD_TABLES } from '../model/tables';\nexport const x = RECORD_TABLES;\n"],
    ['reports → training', 'shared/reports/x.ts', "import { trainingPlace } from '../training/signInSheet';\nexport const x = trainingPlace;\n"],
    ['bundle → ipc (the file-name cleaner)', 'shared/bundle/x.ts', "import { fileNamePart } from '../ipc/fileName';\nexport const x = fileNamePart;\n"],
    ['ids → errors (one tier)', 'shared/ids/x.ts', "import { BugError } from '../errors/errors';\nexport const x = BugError;\n"],
  ])('allows %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('refuses a folder that has no place in the order', async () => {
    const errors = await layerErrors('shared/newArea/x.ts', 'export const x = 1;\n');
    expect(errors).toEqual([expect.stringMatching(/shared\/newArea has no place in the inner order/)]);
  });
});

describe('the order inside renderer/: platform, store, identity < db < workers < features < App', () => {
  it.each([
    ['identity → db (the old circle)', 'renderer/identity/x.ts', "import type { DeviceRow } from '../db/localTypes';\nexport type X = DeviceRow;\n"],
    ['db → features', 'renderer/db/x.ts', "import { todayIso } from '../features/common/today';\nexport const x = todayIso;\n"],
    ['db → workers', 'renderer/db/queries/x.ts', "import { computeCityDashboard } from '../../workers/dashboardClient';\nexport const x = computeCityDashboard;\n"],
    ['workers → features', 'renderer/workers/x.ts', "import { asOfFor } from '../features/common/reportFiles';\nexport const x = asOfFor;\n"],
    ['features → App', 'renderer/features/common/x.ts', "import { App } from '../../App';\nexport const x = App;\n"],
    ['platform → db', 'renderer/platform/x.ts', "import { appDatabase } from '../db/db';\nexport const x = appDatabase;\n"],
  ])('refuses %s', async (_what, file, code) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/must not import renderer\/\w+ .*a lower folder never imports a higher one/);
  });

  it.each([
    ['db → identity', 'renderer/db/x.ts', "import { createDeviceIdentity } from '../identity/deviceIdentity';\nexport const x = createDeviceIdentity;\n"],
    ['workers → db', 'renderer/workers/x.ts', "import { openDatabase } from '../db/db';\nexport const x = openDatabase;\n"],
    ['features → workers', 'renderer/features/reports/x.ts', "import { prepareAnnualReport } from '../../workers/pdfClient';\nexport const x = prepareAnnualReport;\n"],
    ['App → any feature', 'renderer/App.tsx', "import { MembersPage } from './features/members/MembersPage';\nexport const x = MembersPage;\n"],
  ])('allows %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

describe('features: one never imports another, only features/common', () => {
  it.each([
    ['meetings → members', 'renderer/features/meetings/x.tsx', "import { MembersPage } from '../members/MembersPage';\nexport const x = MembersPage;\n", /features\/meetings must not import features\/members/],
    ['workbench → training', 'renderer/features/workbench/x.ts', "import { useTrainingTodos } from '../training/useTrainingTodos';\nexport const x = useTrainingTodos;\n", /features\/workbench must not import features\/training/],
    ['settings → keyBackup', 'renderer/features/settings/x.tsx', "import { KeyBackupGate } from '../keyBackup/KeyBackupGate';\nexport const x = KeyBackupGate;\n", /features\/settings must not import features\/keyBackup/],
    ['common → a feature', 'renderer/features/common/x.ts', "import { classDates } from '../training/classFacts';\nexport const x = classDates;\n", /features\/common must not import features\/training/],
  ])('refuses %s', async (_what, file, code, message) => {
    expect(await layerErrors(file, code)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ['a feature → common', 'renderer/features/meetings/x.ts', "import { organisationTreeSelectData } from '../common/organisationTreeSelect';\nexport const x = organisationTreeSelectData;\n"],
    ['a feature → its own files', 'renderer/features/meetings/x.ts', "import { useMeetingRecords } from './useMeetingRecords';\nexport const x = useMeetingRecords;\n"],
  ])('allows %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

describe('test kits live in testing/ folders that product code cannot import', () => {
  it.each([
    ['shared product code', 'shared/bundle/x.ts', "import { testParty } from './testing/testkit';\nexport const x = testParty;\n"],
    ['a repository', 'renderer/db/sync/x.ts', "import { freshSide } from './testing/testSupport';\nexport const x = freshSide;\n"],
    ['a screen', 'renderer/features/sync/x.ts', "import { syncTestPair } from '../../db/sync/testing/syncTestPair';\nexport const x = syncTestPair;\n"],
  ])('refuses %s importing one', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([expect.stringMatching(/must not import a test kit/)]);
  });

  it.each([
    ['a test', 'shared/bundle/x.test.ts', "import { testParty } from './testing/testkit';\nexport const x = testParty;\n"],
    ['another kit, across the inner order', 'shared/model/testing/x.ts', "import { NATIONAL_PROFILE_V1 } from '../../rules/profile';\nexport const x = NATIONAL_PROFILE_V1;\n"],
  ])('allows %s to use one', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('still holds a kit to the layers', async () => {
    const errors = await layerErrors('shared/model/testing/x.ts', "import { appDatabase } from '../../../renderer/db/db';\nexport const x = appDatabase;\n");
    expect(errors).toEqual([expect.stringMatching(/shared\/ must not import renderer\//)]);
  });
});

describe('screens read through renderer/db/queries (DESIGN.md §3)', () => {
  const errors = (file: string, code: string) => ruleErrors('reads-through-queries', file, code);

  it('refuses appDatabase in a feature', async () => {
    const code = "import { appDatabase } from '../../db/db';\nexport const x = () => appDatabase().meeting.toArray();\n";
    expect(await errors('renderer/features/meetings/x.ts', code)).toEqual([expect.stringMatching(/must not use appDatabase/)]);
  });

  it('refuses a screen’s own function over the database', async () => {
    const code = "import { onAppDatabase } from '../../db/session';\nexport const x = () => onAppDatabase((db) => db.meeting.toArray());\n";
    expect(await errors('renderer/features/meetings/x.ts', code)).toEqual([expect.stringMatching(/takes a query of renderer\/db/)]);
  });

  it('allows a query of db/queries through useAppQuery, and appDatabase outside the features', async () => {
    const screen = "import { unitMeetings } from '../../db/queries/meetings';\nimport { useAppQuery } from '../common/useAppQuery';\nexport const useX = (unitId: string) => useAppQuery(unitMeetings, unitId);\n";
    expect(await errors('renderer/features/meetings/x.ts', screen)).toEqual([]);
    expect(await errors('renderer/App.tsx', "import { appDatabase } from './db/db';\nexport const x = appDatabase;\n")).toEqual([]);
  });
});

describe('no `as unknown as` in product code outside the allow-list', () => {
  const errors = (file: string, code: string) => ruleErrors('no-double-cast', file, code);
  const cast = 'export const x = (1 as unknown as string).length;\n';

  it.each(['renderer/db/x.ts', 'renderer/features/sync/x.ts', 'shared/rules/x.ts', 'electron/x.ts'])('refuses it in %s', async (file) => {
    expect(await errors(file, cast)).toEqual([expect.stringMatching(/overrules the types/)]);
  });

  it('allows it in tests, test kits and the listed files, each with its reason', async () => {
    expect(await errors('renderer/db/x.test.ts', cast)).toEqual([]);
    expect(await errors('shared/bundle/testing/x.ts', cast)).toEqual([]);
    for (const [file, reason] of Object.entries(DOUBLE_CAST_ALLOWED)) {
      expect(reason.length).toBeGreaterThan(20);
      expect(await errors(file, cast)).toEqual([]);
    }
    expect(Object.keys(DOUBLE_CAST_ALLOWED).length).toBeLessThanOrEqual(3);
  });

  it('leaves a single cast alone', async () => {
    expect(await errors('renderer/db/x.ts', "export const x = (JSON.parse('1') as number) + 1;\n")).toEqual([]);
  });
});
