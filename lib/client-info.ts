// Who is on the other end of a request, as far as rate limits and the session list
// need to know: the client's address and a short name for its browser. Pure, so it
// can be tested; lib/request-client.ts reads the request's headers.
import { isIP } from "node:net";

/** The address rate limits count (an IPv6 client as its /64) and the device a session shows. */
export type ClientInfo = { ip: string; device: string };

export const UNKNOWN_CLIENT_IP = "unknown";

/**
 * The client's address from the request headers. On Vercel the platform sets
 * `x-real-ip` and overwrites `x-forwarded-for` with the client's address. Elsewhere
 * the last `x-forwarded-for` entry is the one the nearest proxy added (`next start`
 * adds the socket's address when the header is missing): the app must sit behind a
 * proxy that sets or appends it, or clients can choose their own address.
 */
export function clientIpFrom(headers: Headers, { onVercel = false } = {}): string {
  const candidates = onVercel
    ? [headers.get("x-real-ip"), headers.get("x-forwarded-for")?.split(",")[0]]
    : [headers.get("x-forwarded-for")?.split(",").at(-1)];
  for (const candidate of candidates) {
    const key = addressKey(candidate?.trim() ?? "");
    if (key) return key;
  }
  return UNKNOWN_CLIENT_IP;
}

/** IPv4 as is; IPv4-mapped IPv6 as IPv4; other IPv6 as its /64, which one subscriber usually holds whole. */
export function addressKey(value: string): string | null {
  // Zone ids ("fe80::1%eth0") and ports are not part of the address.
  const address = value.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isIP(mapped[1]!) === 4 ? mapped[1]! : null;
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return null;
  const groups = expandIpv6(address);
  return `${groups.slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = Array(8 - left.length - right.length).fill("0");
  const groups = tail === undefined ? left : [...left, ...zeros, ...right];
  return groups.map((group) => group.replace(/^0+(?=.)/, ""));
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/Chrome\/|\bCriOS\/|\bChromium\//, "Chrome"],
  [/\bSafari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

/** "Firefox on Linux", "Safari on iPhone", … from a User-Agent header; at most 100 characters. */
export function deviceFrom(userAgent: string | null | undefined): string {
  // Browsers send a few hundred characters; anything longer is not worth reading.
  const agent = (userAgent ?? "").slice(0, 512);
  const browser = BROWSERS.find(([pattern]) => pattern.test(agent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(agent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? (system ? `A browser on ${system}` : "Unknown device");
}
