import { describeImportPlan, planImport, type ImportMode, type ImportPlan } from '../../../shared/export/archive-merge';
import type { ProjectData } from '../../../shared/export/archive-schema';
import { parseProjectArchive } from '../../../shared/export/project-archive';
import type { WorkbenchDb } from '../db/workbench-db';
import { readProjectData, writeProjectData } from './project-data';

const EMPTY_PROJECT: ProjectData = { articles: [], articleMeta: [], legend: [], entityTypes: [], entities: [], annotations: [], rejectedHits: [], notes: [] };

export interface ArchiveImportReport {
  plan: ImportPlan;
  /** The plan in words, for the status bar and the dialog. */
  summary: string;
}

/**
 * Imports a project archive's text: checks it whole (`parseProjectArchive` throws an
 * `ArchiveProblem` naming what is wrong), plans against the current project, then writes in one
 * transaction. Nothing changes when any step fails.
 */
export async function importProjectArchive(db: WorkbenchDb, text: string, mode: ImportMode): Promise<ArchiveImportReport> {
  const archive = parseProjectArchive(text);
  // Replacing ignores what the project holds (the plan is the archive), so it is not read: reading
  // a large project's 50,000 annotations cost seconds for nothing.
  const current = mode === 'replace' ? EMPTY_PROJECT : await readProjectData(db);
  const plan = planImport(current, archive, mode);
  // Marks for the benchmark: how the time splits between checking the file and writing it.
  performance.mark('archive-planned');
  await writeProjectData(db, plan.rows, mode === 'replace');
  performance.mark('archive-written');
  return { plan, summary: `${mode === 'replace' ? 'Project replaced by the archive' : 'Archive merged'}: ${describeImportPlan(plan)}` };
}
