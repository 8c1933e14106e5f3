// A short, fast, non-cryptographic fingerprint of a string, for the pool's bookkeeping on the
// HTTP thread: the lane of a caller (its secret) and the kind of a query (its text). A SHA-256
// there cost about a tenth of that thread's time per request. Collisions only merge two lanes
// or two kinds' run-time averages; 53 bits of a long random secret reveal nothing of it.
export function fingerprint(text: string): string {
  // Two 32-bit multiply-xor lanes over the UTF-16 code units, each finished with an
  // xor-shift-multiply avalanche that mixes in the other lane, joined into a 53-bit integer.
  let a = 0x9e3779b9 ^ text.length;
  let b = 0x85ebca6b ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
  }
  a = Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) ^ Math.imul(b ^ (b >>> 12), 0x297a2d39);
  b = Math.imul(b ^ (b >>> 15), 0x2c1b3c6d) ^ Math.imul(a ^ (a >>> 12), 0x297a2d39);
  a ^= a >>> 16;
  b ^= b >>> 16;
  return ((b & 0x1fffff) * 0x100000000 + (a >>> 0)).toString(36);
}
