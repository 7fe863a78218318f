import fc from 'fast-check';

/** Strings an attacker or a broken client sends: traversal, controls, huge, odd Unicode, markup. */
export const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '../../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '/etc/passwd',
    'C:\\x',
    '\u0000',
    '\uD800',
    '\u202Eevil',
    '__proto__',
    'constructor',
    'prototype',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '20250101-aaaaaaaaaa',
    'u-0000000000',
    'm-00000000',
    'NaN',
    '1e309',
    '%2e%2e%2f',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 1, max: 300_000 }).map((n) => 'x'.repeat(n)),
);

/** Values of every kind, in JSON (`json`) or as structured clone passes them over IPC. */
export function hostileValue(json: boolean): fc.Arbitrary<unknown> {
  const numbers = fc.oneof(
    fc.integer(),
    fc.double({ noNaN: json, noDefaultInfinity: json }),
    fc.constantFrom(-1, 0, -0, 1.5, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, 1e21),
  );
  const nested = fc.integer({ min: 100, max: 20_000 }).map((depth) => {
    let value: object = { id: 'deep' };
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { id: value };
    // Reports name it by its depth: printing it whole would overflow the stack of the report itself.
    Object.defineProperty(value, fc.toStringMethod, { value: () => `<${depth} levels of nesting>` });
    return value;
  });
  const anything = fc.anything({
    maxDepth: 3,
    withBigInt: !json,
    withDate: !json,
    withMap: !json,
    withSet: !json,
    withTypedArray: !json,
    withSparseArray: !json,
    withNullPrototype: !json,
    withObjectString: true,
    key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'id', 'toString')),
  });
  return fc.oneof(hostileString, numbers, fc.boolean(), fc.constant(null), nested, anything, ...(json ? [] : [fc.constant(undefined)]));
}

type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length > 0) out.push(prefix);
  if (value !== null && typeof value === 'object' && prefix.length < 6) {
    for (const [key, child] of Object.entries(value)) pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

function withAt(value: unknown, path: Path, replacement: unknown, drop: boolean): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  if (drop && rest.length === 0) delete copy[head!];
  // defineProperty keeps a "__proto__" key an ordinary own key, as JSON.parse makes it.
  else Object.defineProperty(copy, head!, { value: withAt(copy[head!], rest, replacement, drop), enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * Malformed variants of a valid input: replaced whole, one field (at any depth) replaced or
 * dropped, or an unknown field added.
 */
export function malformed(valid: unknown, json: boolean): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const value = hostileValue(json);
  const variants: Array<fc.Arbitrary<unknown>> = [value, fc.tuple(fc.string({ maxLength: 12 }), value).map(([key, v]) => withAt(valid, [key], v, false))];
  if (paths.length > 0) {
    const path = fc.integer({ min: 0, max: paths.length - 1 }).map((i) => paths[i]!);
    variants.push(fc.tuple(path, value).map(([p, v]) => withAt(valid, p, v, false)));
    variants.push(path.map((p) => withAt(valid, p, undefined, true)));
  }
  return fc.oneof(...variants);
}
