import { describe, expect, it, vi } from 'vitest';
import type { ProjectData } from './archive-schema';
import { exportInput } from '../../test-support/export-fixture';
import { exportJob } from './export-job';
import { fromJobMessage, rowsJsonOnce, toJobMessage, withStoredRows } from './export-job-message';

const input = exportInput();
const data: ProjectData = {
  articles: input.articles.map((article) => ({ id: article.id, path: article.path, sha256: '', createdAt: 1, updatedAt: 1 })),
  articleMeta: [], legend: [...input.legend], entityTypes: [...input.entityTypes], entities: [...input.entities], annotations: input.annotations.filter(() => true), rejectedHits: [], notes: [...input.notes],
};
const options = { baseName: 'corpus', csvBom: false };

describe('an export job as posted to a worker', () => {
  it('gives back the job it was made from, through a structured clone as postMessage makes', () => {
    for (const formats of [['markdown', 'archive'], ['csv'], ['archive']] as const) {
      const job = exportJob(formats, input, data, options);
      expect(fromJobMessage(structuredClone(toJobMessage(job, rowsJsonOnce())))).toEqual(job);
    }
  });

  it('writes the rows once when the data holds the input\'s very rows, and the worker shares them again', () => {
    const message = toJobMessage(exportJob(['w3c', 'archive'], input, data, options), rowsJsonOnce());
    expect(message.data?.annotations).toEqual({ sameAsInput: true });
    const job = fromJobMessage(structuredClone(message));
    expect(job.data?.annotations).toBe(job.input?.annotations);
  });

  it('writes other rows of the data on their own, and each array of rows once for every worker', () => {
    const fewer = { ...data, annotations: data.annotations.slice(1) };
    const rowsJson = rowsJsonOnce();
    const stringify = vi.spyOn(JSON, 'stringify');
    const first = toJobMessage(exportJob(['w3c', 'archive'], input, fewer, options), rowsJson);
    const second = toJobMessage(exportJob(['markdown'], input, fewer, options), rowsJson);
    expect(stringify).toHaveBeenCalledTimes(2);
    stringify.mockRestore();
    expect(first.data?.annotations).toEqual({ json: JSON.stringify(fewer.annotations) });
    expect(second.input?.annotations).toEqual(first.input?.annotations);
    expect(fromJobMessage(first).data?.annotations).toEqual(fewer.annotations);
  });

  it('refuses a message naming its input\'s rows without an input', () => {
    const message = toJobMessage(exportJob(['w3c', 'archive'], input, data, options), rowsJsonOnce());
    expect(() => fromJobMessage({ ...message, input: null })).toThrow(/carries no input/);
  });

  it('naming a database, sends no rows: the worker\'s stored rows become the data\'s, and the input keeps those of its articles', () => {
    const placeholders = exportJob(['w3c', 'archive'], { ...input, annotations: [] }, { ...data, annotations: [] }, options);
    const stringify = vi.spyOn(JSON, 'stringify');
    const message = toJobMessage(placeholders, rowsJsonOnce(), 'research-workbench');
    expect(stringify).not.toHaveBeenCalled();
    stringify.mockRestore();
    expect(message).toMatchObject({ database: 'research-workbench', input: { annotations: { stored: true } }, data: { annotations: { stored: true } } });
    // A row of an article the input does not hold (an article no longer in the corpus) stays in the data alone.
    const elsewhere = { ...data.annotations[0]!, id: 'elsewhere' as never, articleId: 'gone' as never };
    const job = fromJobMessage(structuredClone(message), [...data.annotations, elsewhere]);
    expect(job.data?.annotations).toEqual([...data.annotations, elsewhere]);
    expect(job.input?.annotations).toEqual(input.annotations);
    expect(job).toEqual(withStoredRows(placeholders, [...data.annotations, elsewhere]));
    expect(() => fromJobMessage(message)).toThrow(/stored in "research-workbench", but none were read/);
  });
});
