// The schema API (§8): /schema/1/... routes mapped onto the engine's schema methods. Error
// bodies carry only a message: {"error":{"message":"..."}}.
import { ProtocolError, QueryError, SchemaApiError, unauthorized } from "../core/index.js";
import type { Engine } from "../engine/types.js";
import { readBody } from "./body.js";
import { secretFrom } from "./headers.js";
import type { WireRequest, WireResponse } from "./http-types.js";
import { parseSchemaFiles } from "./multipart.js";
import { sendJson } from "./respond.js";

type DiffFormat = "semantic" | "summary" | "textual";

interface Route {
  method: "GET" | "POST";
  run(ctx: Ctx): Promise<unknown> | unknown;
}

interface Ctx {
  engine: Engine;
  secret: string;
  params: Params;
  files(): Promise<{ filename: string; content: string }[]>;
  /** URL-decoded remainder after `/schema/1/files/`. */
  filename: string;
}

const files: Route = {
  method: "GET",
  run: ({ engine, secret, params }) => {
    const r = engine.schemaFiles(secret, { staged: params.staged(), ...params.version() });
    return { version: r.version, files: r.files.map((f) => ({ filename: f.filename })) };
  },
};
const file: Route = {
  method: "GET",
  run: ({ engine, secret, params, filename }) =>
    engine.schemaFile(secret, filename, { staged: params.staged(), ...params.version() }),
};
const diff: Route = {
  method: "POST",
  run: async ({ engine, secret, params, files }) => {
    const r = engine.schemaDiff(secret, await files(), {
      staged: params.staged(),
      ...params.version(),
      format: params.format() ?? "semantic",
    });
    return { version: r.version, diff: r.diff };
  },
};
const update: Route = {
  method: "POST",
  run: async ({ engine, secret, params, files }) => {
    const r = engine.schemaUpdate(secret, await files(), {
      staged: params.staged(),
      ...params.version(),
      override: params.bool("override") ?? true,
    });
    return { version: r.version };
  },
};
const status: Route = {
  method: "GET",
  run: ({ engine, secret, params }) => {
    const format = params.format();
    return engine.schemaStatus(secret, { ...(format ? { format } : {}), ...params.version() });
  },
};
const commit: Route = {
  method: "POST",
  run: ({ engine, secret, params }) => ({ version: engine.schemaCommit(secret, params.version()).version }),
};
const abandon: Route = {
  method: "POST",
  run: ({ engine, secret, params }) => ({ version: engine.schemaAbandon(secret, params.version()).version }),
};

const ROUTES: Record<string, Route> = {
  "/schema/1/files": files,
  "/schema/1/diff": diff,
  "/schema/1/validate": diff,
  "/schema/1/update": update,
  "/schema/1/staged/status": status,
  "/schema/1/status": status,
  "/schema/1/staged/commit": commit,
  "/schema/1/commit": commit,
  "/schema/1/staged/abandon": abandon,
  "/schema/1/abandon": abandon,
};

const FILE_PREFIX = "/schema/1/files/";

const badParam = (name: string, value: string) =>
  new SchemaApiError(`Invalid value '${value}' for parameter '${name}'`, 400);

class Params {
  constructor(private readonly q: URLSearchParams) {}
  bool(name: string): boolean | undefined {
    const v = this.q.get(name);
    if (v === null || v === "") return undefined;
    if (v.toLowerCase() === "true") return true;
    if (v.toLowerCase() === "false") return false;
    throw badParam(name, v);
  }
  staged(): boolean {
    return this.bool("staged") ?? false;
  }
  /** `version=` for the optimistic check, unless `force=true`. */
  version(): { version?: bigint } {
    const v = this.q.get("version");
    if (v === null || v === "" || this.bool("force")) return {};
    if (!/^\d+$/.test(v)) throw badParam("version", v);
    return { version: BigInt(v) };
  }
  /** `format=` or its legacy alias `diff=` (`diff=true` means semantic). */
  format(): DiffFormat | undefined {
    const name = this.q.has("format") ? "format" : "diff";
    const v = this.q.get(name);
    if (v === null || v === "") return undefined;
    const f = v.toLowerCase();
    if (name === "diff" && f === "true") return "semantic";
    if (f === "semantic" || f === "summary" || f === "textual") return f;
    throw badParam(name, v);
  }
}

export async function handleSchema(
  engine: Engine,
  req: WireRequest,
  res: WireResponse,
  url: URL,
  maxBodyBytes: number,
): Promise<void> {
  try {
    const path = url.pathname.replace(/\/+$/, "");
    let route = ROUTES[path];
    let filename = "";
    if (!route && path.startsWith(FILE_PREFIX) && path.length > FILE_PREFIX.length) {
      route = file;
      filename = decodeURIComponent(path.slice(FILE_PREFIX.length));
    }
    if (!route) throw new SchemaApiError("Not found", 404);
    if (req.method !== route.method) throw new SchemaApiError("Method not allowed", 405);
    const secret = secretFrom(req.headers);
    if (secret === null) throw unauthorized();
    const body = route.method === "POST" ? await readBody(req, maxBodyBytes) : Buffer.alloc(0);
    const ctx: Ctx = {
      engine,
      secret,
      params: new Params(url.searchParams),
      filename,
      files: () => parseSchemaFiles(req.headers, body),
    };
    sendJson(res, 200, await route.run(ctx));
  } catch (e) {
    const [code, message] = schemaError(e);
    sendJson(res, code, { error: { message } }, code === 401 ? { "www-authenticate": "Bearer" } : {});
  }
}

function schemaError(e: unknown): [number, string] {
  if (e instanceof SchemaApiError || e instanceof ProtocolError || e instanceof QueryError)
    return [e.httpStatus, e.message];
  if (e instanceof URIError) return [400, "Invalid file name encoding"];
  return [500, `Internal error: ${e instanceof Error ? e.message : String(e)}`];
}
