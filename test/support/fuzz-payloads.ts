import fc from 'fast-check';

/** Values a hostile client can put where a field belongs: wrong types, operators, prototype keys, huge text. */
export function hostileValue(maxHugeLength: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom<unknown>(
      { $gt: '' },
      { $ne: null },
      { $where: '1' },
      { $regex: '.*' },
      [{ $gt: '' }],
      JSON.parse('{"__proto__":{"role":"admin"}}'),
      { constructor: { prototype: { role: 'admin' } } },
      '__proto__',
      'constructor',
      '',
      '   ',
      null,
      true,
      -1,
      0.5,
      2 ** 53,
      -(2 ** 31),
      [],
      {},
      'a b',
      '../../etc/passwd',
      "'; DROP TABLE messages; --",
      '\u0000',
      '𝌆'.repeat(40),
    ),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.integer({ min: 1, max: maxHugeLength }).map((n) => 'x'.repeat(n)),
  );
}

/**
 * Payloads derived from a valid one: a field replaced by a hostile value, a field removed, an unknown field
 * added, or a `__proto__` key smuggled in (as JSON on the wire, where it is an own key).
 */
export function mutatedPayload(valid: Record<string, unknown>, maxHugeLength: number): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const unknownField = fc
    .tuple(fc.string({ minLength: 1, maxLength: 20 }), hostileValue(maxHugeLength))
    .filter(([key]) => !keys.includes(key))
    .map(([key, value]) => ({ ...valid, [key]: value }));
  const rest = JSON.stringify(valid).slice(1);
  const protoKey = hostileValue(64).map((value) =>
    JSON.parse(`{"__proto__":${JSON.stringify(value) ?? 'null'}${rest === '}' ? '' : ','}${rest}`),
  );
  // A payload without fields (a heartbeat) can only gain some.
  if (keys.length === 0) return fc.oneof(unknownField, protoKey);
  const replaced = fc
    .tuple(fc.constantFrom(...keys), hostileValue(maxHugeLength))
    .map(([key, value]) => ({ ...valid, [key]: value }));
  const removed = fc.constantFrom(...keys).map((key) => {
    const { [key]: _gone, ...rest } = valid;
    return rest;
  });
  const retyped = fc
    .constantFrom(...keys)
    .chain((key) => sameTypeVariant(valid[key]).map((value) => ({ ...valid, [key]: value })));
  return fc.oneof(replaced, replaced, retyped, retyped, removed, unknownField, protoKey);
}

/** A value of the same type as `value` (another number, id-like string, list): often valid, so it reaches the handler. */
function sameTypeVariant(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'number')
    return fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double({ noNaN: true }));
  if (typeof value === 'string')
    return fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/));
  if (typeof value === 'boolean') return fc.boolean();
  if (Array.isArray(value))
    return fc.array(value.length > 0 ? sameTypeVariant(value[0]) : fc.jsonValue(), { maxLength: 8 });
  return fc.constant(value);
}

/** Any payload for an endpoint: arbitrary JSON, a hostile value, or one derived from the valid payload. */
export function fuzzPayload(valid: Record<string, unknown>, maxHugeLength: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: hostileValue(maxHugeLength) },
    { weight: 5, arbitrary: mutatedPayload(valid, maxHugeLength) },
  );
}
