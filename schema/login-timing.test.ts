// Hole found in review: a failed log-in for a known email took about twice as long as
// for an unknown one (no bcrypt ran for unknown emails), which told an attacker which
// emails have accounts. Both paths must now cost the same, within noise.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { logIn, signUp, startTestFauna, uniqueEmail, type TestFauna } from "./test-support.ts";
import { pairedRatio, settledTiming } from "./timing.ts";

let fauna: TestFauna;
before(async () => {
  fauna = await startTestFauna();
});
after(async () => {
  await fauna?.close();
});

async function failedLogIn(email: string): Promise<void> {
  const result = await logIn(fauna, email, "not the password");
  assert.deepEqual(result, { ok: false, reason: "invalid" });
}

test("a failed log-in costs the same for a known and an unknown email", async () => {
  const measure = async () => {
    // Four failures per email stay under the lock (the fifth locks and skips bcrypt).
    const known = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async (i) => {
        const email = uniqueEmail(`known${i}`);
        await signUp(fauna, email, "correct horse");
        return email;
      }),
    );
    // Warm-up, so neither side pays for first-use work (the decoy credential, caches).
    await failedLogIn(uniqueEmail("warm"));
    await failedLogIn(known[0]!);
    // known[0] has failed once already: 23 pairs keep every email at four failures or fewer.
    return pairedRatio(
      23,
      (i) => failedLogIn(known[(i + 1) % known.length]!),
      () => failedLogIn(uniqueEmail("nobody")),
      [0.75, 1.33],
    );
  };
  const verdict = await settledTiming(measure);
  assert.ok(verdict.ok, `known vs unknown email: ${verdict.detail}`);
});
