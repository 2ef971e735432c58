import type { z } from 'zod';

/** At most this many problems are spelled out per row; a foreign object would otherwise list dozens. */
const MAX_ISSUES = 3;

/** A zod failure as one readable sentence, for warnings about skipped or refused rows. */
export function describeIssues(error: z.ZodError): string {
  const described = error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'row'}: ${issue.message}`);
  const more = error.issues.length - MAX_ISSUES;
  return more > 0 ? `${described.join('; ')}; and ${more} more` : described.join('; ');
}

/** How to name a stored row that failed validation, even when its id is unusable. */
export function describeRowId(row: unknown, what: string): string {
  if (typeof row === 'object' && row !== null && 'id' in row) {
    const { id } = row;
    if (typeof id === 'string' && id !== '') return id;
    return `(unusable id ${JSON.stringify(id) ?? String(id)})`;
  }
  return `(not ${what}: ${typeof row})`;
}
