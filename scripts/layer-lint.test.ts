import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('the layer lint', () => {
  it.each([
    ['shared/model/bad.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;\n"],
    ['shared/model/bad.ts', "import React from 'react';\nexport const x = React;\n"],
    ['shared/model/bad.ts', "import { Dexie } from 'dexie';\nexport const x = Dexie;\n"],
    ['shared/model/bad.ts', "import { createDispatch } from '../../main/host/dispatch';\nexport const x = createDispatch;\n"],
    ['shared/model/bad.ts', "import { $getRoot } from 'lexical';\nexport const x = $getRoot;\n"],
    ['renderer/src/bad.ts', "import { createDispatch } from '../../main/host/dispatch';\nexport const x = createDispatch;\n"],
    ['renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/bad.ts', "import path from 'node:path';\nexport const x = path;\n"],
    ['main/services/corpus/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['main/host/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ])('rejects a wrong import in %s: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toHaveLength(1);
  });

  it.each([
    ['shared/model/ok.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['renderer/src/ok.ts', "import { hostRequests } from '../../shared/contract/host-contract';\nexport const x = hostRequests;\n"],
    ['main/electron/ok.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['main/services/corpus/ok.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
  ])('accepts a right import in %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
