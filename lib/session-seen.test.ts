import assert from "node:assert/strict";
import { test } from "node:test";
import { isPrefetch, SESSION_SEEN_INTERVAL_MS, sessionSeenDue } from "./session-seen.ts";

const NOW = 1_800_000_000_000;
const due = (lastNoted: string | undefined, extra: { signedIn?: boolean; prefetch?: boolean } = {}) =>
  sessionSeenDue({ signedIn: true, prefetch: false, lastNoted, now: NOW, ...extra });

test("the interval is 5 minutes", () => {
  assert.equal(SESSION_SEEN_INTERVAL_MS, 300_000);
});

test("a signed-in request with no note, or a note 5 minutes old or older, is due", () => {
  assert.equal(due(undefined), true);
  assert.equal(due(String(NOW - SESSION_SEEN_INTERVAL_MS)), true);
  assert.equal(due(String(NOW - 60 * 60_000)), true);
});

test("a note younger than 5 minutes holds the next one back", () => {
  assert.equal(due(String(NOW)), false);
  assert.equal(due(String(NOW - 1_000)), false);
  assert.equal(due(String(NOW - SESSION_SEEN_INTERVAL_MS + 1)), false);
  assert.equal(due(String(NOW + 1_000)), false, "a clock a second ahead is no reason to write");
});

test("a note that cannot be trusted (garbage, far in the future) does not hold anything back", () => {
  for (const value of ["", "soon", "12abc", "-5", "1e21", String(NOW + SESSION_SEEN_INTERVAL_MS + 1), "9".repeat(30)]) {
    assert.equal(due(value), true, value);
  }
});

test("nothing is due without a session, or for a prefetch", () => {
  assert.equal(due(undefined, { signedIn: false }), false);
  assert.equal(due(undefined, { prefetch: true }), false);
});

test("prefetches are told apart from requests the shopper made", () => {
  assert.equal(isPrefetch(new Headers({ "next-router-prefetch": "1" })), true);
  assert.equal(isPrefetch(new Headers({ "sec-purpose": "prefetch" })), true);
  assert.equal(isPrefetch(new Headers({ "sec-purpose": "prefetch;prerender" })), true);
  assert.equal(isPrefetch(new Headers({ purpose: "prefetch" })), true);
  assert.equal(isPrefetch(new Headers({ rsc: "1", "next-router-state-tree": "[]" })), false, "a client navigation");
  assert.equal(isPrefetch(new Headers({ accept: "text/html" })), false);
});
