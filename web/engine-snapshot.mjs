// The engine's memory snapshot on this device: packed, stored in and read back from Cache Storage.
//
// A snapshot is Python's whole WebAssembly memory (about 31 MB), more than half of it in pages that
// hold only zeros. It is stored without those pages (a bitmap says which pages are kept), then
// gzipped: the same 5–6 MB on the device as gzipping the whole memory, but a repeat visit inflates
// 14 MB instead of 31, which was its longest step (about 0.6 s of 1.1 s, measured in bench/).
//
// Packed layout, before gzip: "SPG1", the memory's length (uint32, little-endian), one bit per
// 4 KiB page (1 = stored), then the stored pages in order. A last partial page is stored whole-sized.

const MAGIC = [0x53, 0x50, 0x47, 0x31]; // "SPG1"
const PAGE = 4096;
const HEADER = MAGIC.length + 4;

export function pack(memory) {
  const pages = Math.ceil(memory.length / PAGE);
  const bitmap = new Uint8Array(Math.ceil(pages / 8));
  const kept = [];
  for (let page = 0; page < pages; page += 1) {
    const start = page * PAGE;
    if (!allZero(memory, start, Math.min(start + PAGE, memory.length))) {
      bitmap[page >> 3] |= 1 << (page & 7);
      kept.push(page);
    }
  }
  const packed = new Uint8Array(HEADER + bitmap.length + kept.length * PAGE);
  packed.set(MAGIC, 0);
  new DataView(packed.buffer).setUint32(MAGIC.length, memory.length, true);
  packed.set(bitmap, HEADER);
  let at = HEADER + bitmap.length;
  for (const page of kept) {
    packed.set(memory.subarray(page * PAGE, Math.min((page + 1) * PAGE, memory.length)), at);
    at += PAGE;
  }
  return packed;
}

export function unpack(packed) {
  if (packed.length < HEADER || MAGIC.some((byte, index) => packed[index] !== byte)) {
    throw new Error("not a packed snapshot");
  }
  const length = new DataView(packed.buffer, packed.byteOffset).getUint32(MAGIC.length, true);
  const pages = Math.ceil(length / PAGE);
  const bitmapEnd = HEADER + Math.ceil(pages / 8);
  const memory = new Uint8Array(length);
  let at = bitmapEnd;
  for (let page = 0; page < pages; page += 1) {
    if (!(packed[HEADER + (page >> 3)] & (1 << (page & 7)))) continue;
    const start = page * PAGE;
    const size = Math.min(PAGE, length - start);
    if (at + size > packed.length) throw new Error("packed snapshot is cut short");
    memory.set(packed.subarray(at, at + size), start);
    at += PAGE;
  }
  return memory;
}

function allZero(bytes, start, end) {
  // Whole 32-bit words where the page is aligned (WebAssembly memory always is), bytes elsewhere.
  if (start % 4 === 0 && end % 4 === 0 && bytes.byteOffset % 4 === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + start, (end - start) / 4);
    for (let index = 0; index < words.length; index += 1) if (words[index] !== 0) return false;
    return true;
  }
  for (let index = start; index < end; index += 1) if (bytes[index] !== 0) return false;
  return true;
}

// ---- Cache Storage -----------------------------------------------------------------------------

export async function readSnapshot(cacheName, url) {
  try {
    if (!self.caches) return null;
    const cache = await caches.open(cacheName);
    return (await cache.match(url)) || null;
  } catch (error) {
    return null; // no Cache Storage (e.g. private mode): start as usual
  }
}

// A damaged or foreign entry rejects, and the worker starts Python the usual way.
export async function unpacked(response) {
  const plain = response.body.pipeThrough(new DecompressionStream("gzip"));
  return unpack(new Uint8Array(await new Response(plain).arrayBuffer()));
}

export async function storeSnapshot(cacheName, url, memory) {
  const gzipped = new Blob([pack(memory)]).stream().pipeThrough(new CompressionStream("gzip"));
  const body = await new Response(gzipped).arrayBuffer();
  const cache = await caches.open(cacheName);
  await cache.put(url, new Response(body, { headers: { "Content-Type": "application/gzip" } }));
}

export async function dropSnapshot(cacheName, url) {
  await caches.open(cacheName).then((cache) => cache.delete(url)).catch(() => {});
}
