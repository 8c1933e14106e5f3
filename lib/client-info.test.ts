import assert from "node:assert/strict";
import { test } from "node:test";
import { addressKey, clientIpFrom, deviceFrom } from "./client-info.ts";

const headers = (entries: Record<string, string>) => new Headers(entries);

test("off Vercel the client is the last x-forwarded-for entry: the one the nearest proxy added", () => {
  assert.equal(clientIpFrom(headers({ "x-forwarded-for": "198.51.100.7" })), "198.51.100.7");
  // A client-supplied value in front of the proxy's entry does not count.
  assert.equal(clientIpFrom(headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" })), "198.51.100.7");
  assert.equal(clientIpFrom(headers({ "x-real-ip": "1.2.3.4" })), "unknown", "x-real-ip is only trusted on Vercel");
  assert.equal(clientIpFrom(headers({})), "unknown");
  assert.equal(clientIpFrom(headers({ "x-forwarded-for": "not an address" })), "unknown");
});

test("on Vercel the client is x-real-ip, else the first x-forwarded-for entry (Vercel overwrites both)", () => {
  const onVercel = true;
  assert.equal(
    clientIpFrom(headers({ "x-real-ip": "203.0.113.9", "x-forwarded-for": "203.0.113.9" }), { onVercel }),
    "203.0.113.9",
  );
  assert.equal(clientIpFrom(headers({ "x-forwarded-for": "203.0.113.9" }), { onVercel }), "203.0.113.9");
});

test("IPv6 clients count as their /64; IPv4-mapped addresses as IPv4", () => {
  assert.equal(addressKey("2001:db8:85a3:8d3:1319:8a2e:370:7348"), "2001:db8:85a3:8d3::/64");
  assert.equal(addressKey("2001:DB8:85A3:08D3::1"), "2001:db8:85a3:8d3::/64");
  assert.equal(addressKey("2001:db8::1"), "2001:db8:0:0::/64");
  assert.equal(addressKey("::1"), "0:0:0:0::/64");
  assert.equal(addressKey("fe80::1%eth0"), "fe80:0:0:0::/64");
  assert.equal(addressKey("::ffff:127.0.0.1"), "127.0.0.1");
  assert.equal(addressKey("127.0.0.1"), "127.0.0.1");
  for (const bad of ["", "300.1.1.1", "1.2.3", "abc", "1.2.3.4:80", "<script>"])
    assert.equal(addressKey(bad), null, bad);
});

test("the device is a short browser-on-system name", () => {
  const cases: [string, string][] = [
    ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox on Linux"],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "Safari on macOS",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari on iPhone",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
      "Edge on Windows",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
      "Chrome on Android",
    ],
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36",
      "Chrome on Linux",
    ],
    ["curl/8.5.0", "Unknown device"],
    ["", "Unknown device"],
  ];
  for (const [agent, device] of cases) assert.equal(deviceFrom(agent), device, agent);
  assert.ok(deviceFrom("x".repeat(100_000)).length <= 100);
});
