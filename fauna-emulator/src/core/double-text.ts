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
  const { digits, exp } = digitsOf(abs);
  if (abs >= 1e-3 && abs < 1e7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      return `${sign}${intPart}.${digits.slice(exp + 1) || "0"}`;
    }
    return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || "0"}E${exp}`;
}
