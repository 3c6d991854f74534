/** Reading the database fixtures (tests/fixtures/db/v<n>.json), whose typed arrays are written as JSON objects. */

const TYPED_ARRAYS = { Float64Array, Uint32Array, Uint16Array, Uint8Array } as const;

/** {"$typedArray": name, "values": [...]} (NaN written as null) back into the typed array IndexedDB stored. */
export function reviveTypedArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveTypedArrays);
  if (typeof value !== 'object' || value === null) return value;
  if ('$typedArray' in value && 'values' in value && Array.isArray(value.values)) {
    const make = TYPED_ARRAYS[value.$typedArray as keyof typeof TYPED_ARRAYS];
    return make.from(value.values.map((n: number | null) => n ?? Number.NaN));
  }
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, reviveTypedArrays(inner)]));
}
