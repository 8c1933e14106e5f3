// JVM `Double.toString`, the text form of FQL Doubles that both the language (debug strings)
// and the wire (tagged and decorated formats) must write identically.

/** The shortest round-tripping digits and decimal exponent of a positive finite double. */
export function digitsOf(abs: number): { digits: string; exp: number } {
  const [m, e] = abs.toExponential().split("e");
  return { digits: m!.replace(".", ""), exp: Number(e) };
}

/** JVM `Double.toString`: "1.0", "0.001", "1.0E7", "1.0E-4", "NaN", "Infinity". */
export function javaDoubleString(d: number): string {
  if (Number.isNaN(d)) return "NaN";
  if (d === Infinity) return "Infinity";
  if (d === -Infinity) return "-Infinity";
  if (d === 0) return Object.is(d, -0) ? "-0.0" : "0.0";
  const sign = d < 0 ? "-" : "";
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    // JavaScript writes this range in plain notation with the same shortest digits.
    const plain = String(abs);
    return sign + (plain.includes(".") ? plain : `${plain}.0`);
  }
  const { digits, exp } = digitsOf(abs);
  return `${sign}${digits[0]}.${digits.slice(1) || "0"}E${exp}`;
}
