/*
 * A copy-on-write walk over request inputs (plain objects and arrays, as JSON and structured clone
 * carry them), shared by the two bridges' senders: the HTTP bridge takes byte arrays and long
 * strings out of a request (`raw-parts.ts`), Electron's compacts byte arrays (`compact-bytes.ts`).
 */

/** Where a value sits in a request: object keys and array indexes from its top. */
export type JsonPath = Array<string | number>;

/** An object whose prototype is Object's (or none): not an array, a typed array, a Date… */
export function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * `value` with each leaf (anything but an array or a plain object, a byte array included) replaced
 * by what `leaf` returns for it, given its path from the top: one array, changed as the walk goes
 * on, so a leaf that keeps it copies it. Arrays and plain objects on the path of a replaced leaf
 * are copied; nothing else is, and with no leaf replaced `value` itself comes back.
 */
export function mapPlainTree(value: unknown, leaf: (value: unknown, path: JsonPath) => unknown): unknown {
  const path: JsonPath = [];
  const visit = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object' || !(Array.isArray(node) || isPlainObject(node))) return leaf(node, path);
    if (Array.isArray(node)) {
      let copy: unknown[] | null = null;
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        const item = visit(node[i]);
        path.pop();
        if (item !== node[i]) (copy ??= [...node])[i] = item;
      }
      return copy ?? node;
    }
    let copy: Record<string, unknown> | null = null;
    for (const key of Object.keys(node)) {
      path.push(key);
      const item = visit(node[key]);
      path.pop();
      if (item !== node[key]) (copy ??= { ...node })[key] = item;
    }
    return copy ?? node;
  };
  return visit(value);
}
