/**
 * Whether two names are the same to a reader: case is ignored ("evidence" and "Evidence" clash),
 * accents are not ("Évidence" and "Evidence" are two names).
 */
export function sameNameIgnoringCase(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}
