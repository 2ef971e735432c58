import path from 'node:path';
import { installedElectronBinary } from './electron-binary';
import { ELECTRON_MISSING } from './fixtures';

/** Says up front, once, why the Electron project's tests will be reported as skipped. */
export default function globalSetup(): void {
  if (!installedElectronBinary(path.resolve(import.meta.dirname, '..', '..'))) {
    console.log(`\n[electron project] SKIPPED: ${ELECTRON_MISSING}.\n`);
  }
}
