// core: the floor every layer stands on. The FQL value model, its ordering and equality, the
// typed errors, the text forms of scalars that the language and the wire must agree on, and
// the names of Fauna's built-in resources.
export * from "./values.js";
export * from "./compare.js";
export * from "./errors.js";
export * from "./calendar.js";
export * from "./double-text.js";
export * from "./native-resources.js";
