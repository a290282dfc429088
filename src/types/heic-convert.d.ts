// heic-convert ships no types; this is the part we call.
declare module "heic-convert" {
  export default function convert(options: {
    buffer: ArrayBufferLike;
    format: "JPEG" | "PNG";
    quality?: number;
  }): Promise<ArrayBuffer>;
}
