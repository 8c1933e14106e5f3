// Schema uploads (§8.2): multipart/form-data with one part per file; the part's field name is
// the file path (the CLI also sends filename="blob", which is ignored).
import type { IncomingHttpHeaders } from "node:http";
import busboy from "busboy";
import { SchemaApiError } from "../core/index.js";
import type { SchemaFile } from "../engine/types.js";

export const MAX_SCHEMA_FILES = 1024;

export function parseSchemaFiles(headers: IncomingHttpHeaders, body: Buffer): Promise<SchemaFile[]> {
  const type = headers["content-type"] ?? "";
  if (body.length === 0 && !/multipart\/form-data/i.test(type)) return Promise.resolve([]);
  if (!/^multipart\/form-data/i.test(type)) {
    return Promise.reject(new SchemaApiError("Invalid request body: expected multipart/form-data", 400));
  }
  return new Promise((resolve, reject) => {
    const files: SchemaFile[] = [];
    const pending: Promise<void>[] = [];
    let failed = false;
    const fail = (message: string) => {
      if (!failed) {
        failed = true;
        reject(new SchemaApiError(message, 400));
      }
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers,
        defParamCharset: "utf8",
        limits: { fieldNameSize: 4096, fieldSize: body.length + 1, parts: MAX_SCHEMA_FILES, files: MAX_SCHEMA_FILES },
      });
    } catch (e) {
      fail(`Invalid request body: ${(e as Error).message}`);
      return;
    }
    parser.on("file", (name, stream) => {
      const slot: SchemaFile = { filename: name, content: "" };
      files.push(slot);
      const chunks: Buffer[] = [];
      pending.push(
        new Promise((done) => {
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            slot.content = Buffer.concat(chunks).toString("utf8");
            done();
          });
        }),
      );
    });
    parser.on("field", (name, value) => files.push({ filename: name, content: value }));
    parser.on("partsLimit", () => fail(`Too many schema files: at most ${MAX_SCHEMA_FILES} are allowed`));
    parser.on("filesLimit", () => fail(`Too many schema files: at most ${MAX_SCHEMA_FILES} are allowed`));
    parser.on("error", (e: Error) => fail(`Invalid request body: ${e.message}`));
    parser.on("close", () => {
      void Promise.all(pending).then(() => {
        if (!failed) resolve(files);
      });
    });
    parser.end(body);
  });
}
