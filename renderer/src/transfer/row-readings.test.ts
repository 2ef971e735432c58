import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../shared/model/annotation';
import { RowReadings } from './row-readings';

/** A reader whose n-th read of a database gives n rows-stand-ins, and counts its reads. */
function counting() {
  const reads: string[] = [];
  const read = async (database: string) => {
    reads.push(database);
    return Array.from({ length: reads.length }, () => ({}) as AnnotationRecord);
  };
  return { reads, readings: new RowReadings(read) };
}

describe('RowReadings', () => {
  it('gives a job the reading read ahead, without reading again', async () => {
    const { reads, readings } = counting();
    void readings.readAhead('project');
    expect(await readings.rows('project')).toHaveLength(1);
    expect(await readings.rows('project')).toHaveLength(1);
    expect(reads).toEqual(['project']);
  });

  it('reads afresh at every read ahead, and a job takes the latest (the rows changed since the first)', async () => {
    const { reads, readings } = counting();
    void readings.readAhead('project');
    void readings.readAhead('project');
    expect(await readings.rows('project')).toHaveLength(2);
    expect(reads).toEqual(['project', 'project']);
  });

  it('reads for a job that nothing read ahead for, once, and keeps databases apart', async () => {
    const { reads, readings } = counting();
    expect(await readings.rows('a')).toHaveLength(1);
    expect(await readings.rows('a')).toHaveLength(1);
    expect(await readings.rows('b')).toHaveLength(2);
    expect(reads).toEqual(['a', 'b']);
  });
});
