/**
 * The import's write in slices: the main thread issues one slice's requests in a task (Dexie's
 * bulkPut clones every record into IndexedDB there, and the field encryption seals its fields),
 * then waits for the database — so a slice bounds the longest task. A slice is at most
 * `maxRecords` records and about `maxWeight` in weight, where a record weighs 1 plus the elements
 * of its lists: 500 small rows clone in a few ms, while 500 meetings of a large unit, each with its
 * attendance of dozens, made an 87 ms task (issue 18's import profile).
 */

export const WRITE_SLICE_RECORDS = 500;
export const WRITE_SLICE_WEIGHT = 4000;

/** 1 + the elements of the record's top-level lists (a meeting's attendance, topics, resolutions …). */
export function recordWeight(record: object): number {
  let weight = 1;
  for (const value of Object.values(record)) if (Array.isArray(value)) weight += value.length;
  return weight;
}

/** `records` cut into consecutive slices, in order, none empty. */
export function writeSlices<T extends object>(records: readonly T[], maxRecords = WRITE_SLICE_RECORDS, maxWeight = WRITE_SLICE_WEIGHT): T[][] {
  const slices: T[][] = [];
  let slice: T[] = [];
  let weight = 0;
  for (const r of records) {
    const w = recordWeight(r);
    if (slice.length > 0 && (slice.length >= maxRecords || weight + w > maxWeight)) {
      slices.push(slice);
      slice = [];
      weight = 0;
    }
    slice.push(r);
    weight += w;
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
}
