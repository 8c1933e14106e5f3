// Boots the pool's test worker with tsx's loader (worker threads do not inherit it).
import { register } from "tsx/esm/api";
register();
await import("./pool-worker.ts");
