/** Width and height from a PNG's IHDR chunk; throws unless the bytes start as a PNG does. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const magic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!magic.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const view = Buffer.from(bytes);
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}
