/** The layer rule must really fail `npm run lint` on a wrong import between layers. */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/boundaries').map((m) => m.message);
}

describe('layer boundaries (DESIGN.md §2)', () => {
  it.each([
    ['shared → renderer', 'shared/rules/x.ts', "import { appDatabase } from '../../renderer/db/db';\nexport const x = appDatabase;\n"],
    ['shared → electron', 'shared/x.ts', "import { registerIpc } from '../electron/ipc';\nexport const x = registerIpc;\n"],
    ['shared → Node', 'shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared → Dexie', 'shared/x.ts', "import { Dexie } from 'dexie';\nexport const x = Dexie;\n"],
    ['renderer → electron/', 'renderer/features/x.ts', "import { registerIpc } from '../../electron/ipc';\nexport const x = registerIpc;\n"],
    ['renderer → the electron module', 'renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['electron → renderer', 'electron/x.ts', "import { appDatabase } from '../renderer/db/db';\nexport const x = appDatabase;\n"],
    ['a re-export across layers', 'shared/x.ts', "export * from '../renderer/db/db';\n"],
  ])('refuses %s', async (_what, file, code) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/must not import/);
  });

  it.each([
    ['renderer → shared', 'renderer/x.ts', "import { newId } from '../shared/ids/uuidv7';\nexport const x = newId;\n"],
    ['electron → shared', 'electron/x.ts', "import { IPC_CONTRACT } from '../shared/ipc/contract';\nexport const x = IPC_CONTRACT;\n"],
    ['the renderer’s own electron bridge file', 'renderer/platform/index.ts', "import { createElectronBridge } from './electron';\nexport const x = createElectronBridge;\n"],
  ])('allows %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
