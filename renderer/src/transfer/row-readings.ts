import type { AnnotationRecord } from '../../../shared/model/annotation';

/*
 * An export worker's readings of the annotation rows, by database: a read ahead (the Export
 * dialog opening, or Export clicked after something changed) always reads afresh; a job takes the
 * latest reading, or starts one when none was asked for.
 */
export class RowReadings {
  private readonly readings = new Map<string, Promise<AnnotationRecord[]>>();

  constructor(private readonly read: (database: string) => Promise<AnnotationRecord[]>) {}

  /** Starts a new reading of `database`, which later jobs take instead of any earlier one. */
  readAhead(database: string): Promise<AnnotationRecord[]> {
    const reading = this.read(database);
    this.readings.set(database, reading);
    return reading;
  }

  /** The latest reading of `database`, or a new one. */
  rows(database: string): Promise<AnnotationRecord[]> {
    return this.readings.get(database) ?? this.readAhead(database);
  }
}
