// A response's Content-Disposition as a browser reads it: the type and the file name (filename* wins over filename).
import { parse } from "content-disposition";

export function disposition(res: Response): { type: string; filename: string | undefined; ascii: string | undefined } {
  const header = res.headers.get("content-disposition");
  if (!header) throw new Error(`no Content-Disposition on ${res.url || "the response"}`);
  const ascii = parse(header, { extended: false }).parameters.filename;
  const { type, parameters } = parse(header);
  return { type, filename: parameters.filename, ascii };
}
