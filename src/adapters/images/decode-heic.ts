// HEIC (iPhone photos and screenshots) to JPEG: sharp's bundled libheif reads AVIF but not HEVC-coded HEIC, so
// heic-convert decodes those in wasm.
export async function decodeHeic(bytes: Uint8Array): Promise<Buffer> {
  const { default: convert } = await import("heic-convert");
  return Buffer.from(await convert({ buffer: bytes as unknown as ArrayBufferLike, format: "JPEG", quality: 0.92 }));
}
