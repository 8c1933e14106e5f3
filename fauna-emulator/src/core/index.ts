// core: the floor every layer stands on. The FQL value model, its ordering and equality, the
// typed errors, and the text forms of scalars that the language and the wire must agree on.
export * from "./values.js";
export * from "./compare.js";
export * from "./errors.js";
export * from "./calendar.js";
export * from "./double-text.js";
