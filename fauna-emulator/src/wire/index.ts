// The HTTP layer of the emulator: listener, routes and the value codecs.
export { createHttpServer, type AccessLogEntry, type HttpServer, type HttpServerOptions } from "./server.js";
export { decodeSimple, decodeTagged, ValueDecodeError } from "./decode.js";
export { encodeResult } from "./encode.js";
export { renderDecorated } from "./decorated.js";
export { templateToSource } from "./template.js";
export { parseSchemaFiles } from "./multipart.js";
export { parseJson, stringifyJson, JsonNumber } from "./json.js";
export {
  deadlineOf,
  failureResponse,
  handleApi,
  inProcess,
  type ApiRequest,
  type ApiResponse,
  type Dispatch,
} from "./api.js";
export { DEFAULT_MAX_BODY_BYTES } from "./body.js";
