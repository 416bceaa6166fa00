// Ids for new levels and branches, made where they are created (browser or server): they are the
// rows' primary keys once saved, so the editor can keep its references across autosaves.
// crypto.randomUUID only exists in secure contexts; getRandomValues exists everywhere.

/** A random RFC 4122 version-4 UUID. */
export function newId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
