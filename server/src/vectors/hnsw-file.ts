import { AuskunftError } from '@auskunft/core';

/**
 * hnswlib's index file (`HierarchicalNSW::saveIndex`, hnswlib 0.8 as bundled by hnswlib-node 3),
 * parsed into flat typed arrays. The layout, all little-endian:
 *
 *   header, 96 bytes: offsetLevel0 u64, maxElements u64, count u64, sizeDataPerElement u64,
 *     labelOffset u64, offsetData u64, maxLevel i32, entryPoint u32, maxM u64, maxM0 u64, M u64,
 *     mult f64, efConstruction u64
 *   level 0, `count` records of sizeDataPerElement bytes: link count u32 (low 16 bits; byte 2
 *     holds the deleted mark), maxM0 × u32 neighbour ids, dimension × f32 vector, label u64
 *   per element: byte length u32 of its upper-level lists, then per level ≥ 1 one block of
 *     link count u32 + maxM × u32 neighbour ids
 *
 * Neither dimension nor space is stored; the manifest gives the dimension, and the `cosine` space
 * stores normalised vectors, so distance is 1 − dot product.
 */
export interface HnswGraph {
  dimension: number;
  count: number;
  maxLevel: number;
  entryPoint: number;
  /** Vectors of all elements by internal id, `dimension` floats each. */
  vectors: Float32Array;
  /** Passage id (hnswlib label) by internal id. */
  labels: Uint32Array;
  /** Elements marked deleted by internal id (1 = deleted); such elements route but are never returned. */
  deleted: Uint8Array;
  /** Level-0 neighbours: `maxM0 + 1` slots per element, the first holding the count. */
  level0: Uint32Array;
  maxM0: number;
  /** Upper-level neighbours by internal id: `maxM + 1` slots per level, level 1 first; empty for level-0-only elements. */
  upper: Uint32Array[];
  maxM: number;
}

const HEADER_BYTES = 96;
const DELETE_MARK = 0x01;
/** Typed-array views read in platform byte order; where that is little-endian they can copy vectors directly. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Parses an hnswlib index file written with the given vector dimension. Every size and every
 * neighbour id is checked, so a damaged or foreign file fails here with a clear message instead
 * of returning wrong neighbours later.
 */
export function parseHnswFile(bytes: Uint8Array, dimension: number, source = 'vectors.hnsw'): HnswGraph {
  const fail = (detail: string): never => {
    throw new AuskunftError('INDEX_CORRUPT', `${source} is not a readable hnswlib index: ${detail}. Rebuild the index with \`auskunft crawl\`.`);
  };
  if (bytes.byteLength < HEADER_BYTES) fail(`it has ${bytes.byteLength} bytes, fewer than the 96-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u64 = (at: number, name: string): number => {
    const value = view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) fail(`header field ${name} is ${value}`);
    return Number(value);
  };
  const offsetLevel0 = u64(0, 'offsetLevel0');
  const count = u64(16, 'count');
  const sizePerElement = u64(24, 'sizeDataPerElement');
  const labelOffset = u64(32, 'labelOffset');
  const offsetData = u64(40, 'offsetData');
  const maxLevel = view.getInt32(48, true);
  const entryPoint = view.getUint32(52, true);
  const maxM = u64(56, 'maxM');
  const maxM0 = u64(64, 'maxM0');

  const linksBytes0 = 4 + maxM0 * 4;
  if (offsetLevel0 !== 0 || offsetData !== linksBytes0) fail(`unexpected level-0 layout (links at ${offsetLevel0}, data at ${offsetData}, maxM0 ${maxM0})`);
  if (labelOffset !== offsetData + dimension * 4 || sizePerElement !== labelOffset + 8) {
    fail(`its records hold ${(sizePerElement - offsetData - 8) / 4} floats per vector, the manifest says dimension ${dimension}`);
  }
  const level0End = HEADER_BYTES + count * sizePerElement;
  if (level0End > bytes.byteLength) fail(`it is truncated (${count} records need ${level0End} bytes, the file has ${bytes.byteLength})`);
  if (count > 0 && (entryPoint >= count || maxLevel < 0)) fail(`entry point ${entryPoint} at level ${maxLevel} is outside the ${count} elements`);

  const vectors = new Float32Array(count * dimension);
  const labels = new Uint32Array(count);
  const deleted = new Uint8Array(count);
  const level0 = new Uint32Array(count * (maxM0 + 1));
  // Record offsets are multiples of 4, so an aligned buffer allows a typed-array copy per vector.
  const directFloats = LITTLE_ENDIAN && bytes.byteOffset % 4 === 0;
  for (let i = 0; i < count; i++) {
    const record = HEADER_BYTES + i * sizePerElement;
    const links = view.getUint16(record, true);
    if (links > maxM0) fail(`element ${i} lists ${links} neighbours, more than maxM0 ${maxM0}`);
    deleted[i] = view.getUint8(record + 2) & DELETE_MARK;
    const slot = i * (maxM0 + 1);
    level0[slot] = links;
    for (let j = 0; j < links; j++) level0[slot + 1 + j] = checkedId(view.getUint32(record + 4 + j * 4, true), count, fail);
    const data = record + offsetData;
    if (directFloats) vectors.set(new Float32Array(bytes.buffer, bytes.byteOffset + data, dimension), i * dimension);
    else for (let d = 0; d < dimension; d++) vectors[i * dimension + d] = view.getFloat32(data + d * 4, true);
    const label = view.getBigUint64(record + labelOffset, true);
    if (label > 0xffffffffn) fail(`element ${i} has label ${label}, not a passage id`);
    labels[i] = Number(label);
  }

  const blockBytes = 4 + maxM * 4;
  const upper: Uint32Array[] = new Array(count);
  const empty = new Uint32Array(0);
  let at = level0End;
  for (let i = 0; i < count; i++) {
    if (at + 4 > bytes.byteLength) fail(`it is truncated in the upper-level links of element ${i}`);
    const size = view.getUint32(at, true);
    at += 4;
    if (size % blockBytes !== 0 || at + size > bytes.byteLength) fail(`element ${i} has an upper-level list of ${size} bytes`);
    const levels = size / blockBytes;
    if (levels > maxLevel) fail(`element ${i} reaches level ${levels}, above the graph's top level ${maxLevel}`);
    if (levels === 0) {
      upper[i] = empty;
      continue;
    }
    const lists = new Uint32Array(levels * (maxM + 1));
    for (let level = 0; level < levels; level++) {
      const block = at + level * blockBytes;
      const links = view.getUint16(block, true);
      if (links > maxM) fail(`element ${i} lists ${links} neighbours on level ${level + 1}, more than maxM ${maxM}`);
      lists[level * (maxM + 1)] = links;
      for (let j = 0; j < links; j++) lists[level * (maxM + 1) + 1 + j] = checkedId(view.getUint32(block + 4 + j * 4, true), count, fail);
    }
    upper[i] = lists;
    at += size;
  }
  if (at !== bytes.byteLength) fail(`${bytes.byteLength - at} bytes follow the last link list`);
  return { dimension, count, maxLevel, entryPoint, vectors, labels, deleted, level0, maxM0, upper, maxM };
}

function checkedId(id: number, count: number, fail: (detail: string) => never): number {
  return id < count ? id : fail(`a link points to element ${id} of ${count}`);
}
