// Conformance: FSL roles (reference §6.2–6.5): membership with a predicate, per-action privilege
// predicates — read filters documents, create sees the new document, write sees (old, new),
// delete sees the document, call sees the UDF arguments — and denial as permission_denied.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql, type Client } from "fauna";
import { fails, run, startDb, type TestDb, UNTYPED } from "./support/emulator.js";

const SCHEMA = `
collection Member {
  name: String
  active: Boolean
}

collection Note {
  owner: Ref<Member>
  text: String
  status: String = "draft"
}

function bump(n) {
  n + 1
}

role member {
  membership Member {
    predicate ((m) => m.active == true)
  }

  privileges Note {
    read {
      predicate ((doc) => doc.owner == Query.identity())
    }
    create {
      predicate ((doc) => doc.owner == Query.identity())
    }
    write {
      predicate ((oldDoc, newDoc) => oldDoc.owner == Query.identity() && newDoc.owner == Query.identity() && newDoc.status != "locked")
    }
    delete {
      predicate ((doc) => doc.status == "draft")
    }
  }

  privileges bump {
    call {
      predicate ((n) => n < 10)
    }
  }
}
`;

let db: TestDb;
let alice: Client; // active member
let carol: Client; // inactive member: the role's membership predicate excludes her
let aliceId: string;
let bobId: string;
let aliceNote: string;
let alicePublished: string;
let bobNote: string;

before(async () => {
  db = await startDb({ files: { "main.fsl": SCHEMA } });
  const r = (await run(
    db.admin,
    fql`
    let a = Member.create({ name: "alice", active: true })
    let b = Member.create({ name: "bob", active: true })
    let c = Member.create({ name: "carol", active: false })
    {
      aliceId: a.id,
      bobId: b.id,
      aliceNote: Note.create({ owner: a, text: "a1" }).id,
      alicePublished: Note.create({ owner: a, text: "a2", status: "published" }).id,
      bobNote: Note.create({ owner: b, text: "b1" }).id,
      aliceSecret: Token.create({ document: a }).secret,
      carolSecret: Token.create({ document: c }).secret
    }`,
  )) as Record<string, string>;
  ({ aliceId, bobId, aliceNote, alicePublished, bobNote } = r as Record<string, string> & {
    aliceId: string;
    bobId: string;
    aliceNote: string;
    alicePublished: string;
    bobNote: string;
  });
  alice = db.client(r.aliceSecret!);
  carol = db.client(r.carolSecret!);
});

after(async () => {
  await db?.close();
});

test("a read predicate silently filters Coll.all() to the documents it allows", async () => {
  const ids = (await run(alice, fql`Note.all().map(.id).toArray()`)) as string[];
  assert.deepEqual(ids.sort(), [aliceNote, alicePublished].sort());
});

test("a document the read predicate rejects looks nonexistent to exists()", async () => {
  assert.equal(await run(alice, fql`Note.byId(${bobNote}).exists()`), false);
  assert.equal(await run(alice, fql`Note.byId(${aliceNote}).exists()`), true);
});

test("reading a field of a document the read predicate rejects is permission_denied; `!` on it is null_value", async () => {
  const e = await fails(alice, fql`Note.byId(${bobNote}).text`, UNTYPED);
  assert.equal(e.code, "permission_denied");
  assert.equal(e.message, "Insufficient privileges to perform the action.");
  const n = await fails(alice, fql`Note.byId(${bobNote})!`, UNTYPED);
  assert.equal(n.code, "null_value");
  assert.equal(n.message, "Null value, due to permission denied");
});

test("a create predicate receives the new document: creating for oneself is allowed", async () => {
  const r = await run(alice, fql`Note.create({ owner: Member.byId(${aliceId}), text: "mine" }) { text, status }`);
  assert.deepEqual(r, { text: "mine", status: "draft" });
});

test("a create predicate returning false denies with permission_denied and writes nothing", async () => {
  const before = await run(db.admin, fql`Note.all().count()`);
  const e = await fails(alice, fql`Note.create({ owner: Member.byId(${bobId}), text: "forged" })`);
  assert.equal(e.code, "permission_denied");
  assert.equal(e.message, "Insufficient privileges to perform the action.");
  assert.equal(await run(db.admin, fql`Note.all().count()`), before);
});

test("a write predicate (oldDoc, newDoc) allows an update it accepts", async () => {
  assert.equal(await run(alice, fql`Note.byId(${aliceNote})!.update({ text: "edited" }).text`), "edited");
});

test("a write predicate sees the proposed document: an update it rejects is permission_denied and not applied", async () => {
  const e = await fails(alice, fql`Note.byId(${aliceNote})!.update({ status: "locked" })`);
  assert.equal(e.code, "permission_denied");
  assert.equal(e.message, "Insufficient privileges to perform the action.");
  assert.equal(await run(db.admin, fql`Note.byId(${aliceNote})!.status`), "draft");
});

test("a write predicate sees the stored document: handing one's note to someone else is denied", async () => {
  const e = await fails(alice, fql`Note.byId(${aliceNote})!.update({ owner: Member.byId(${bobId}) })`);
  assert.equal(e.code, "permission_denied");
  assert.equal(await run(db.admin, fql`Note.byId(${aliceNote})!.owner.id`), aliceId);
});

test("a delete predicate is evaluated against the document: deleting a published note is denied", async () => {
  const e = await fails(alice, fql`Note.byId(${alicePublished})!.delete()`);
  assert.equal(e.code, "permission_denied");
  assert.equal(await run(db.admin, fql`Note.byId(${alicePublished}).exists()`), true);
});

test("a delete predicate that returns true allows the delete", async () => {
  const id = (await run(db.admin, fql`Note.create({ owner: Member.byId(${aliceId}), text: "tmp" }).id`)) as string;
  await run(alice, fql`Note.byId(${id})!.delete()`);
  assert.equal(await run(db.admin, fql`Note.byId(${id}).exists()`), false);
});

test("a call predicate receives the UDF's arguments", async () => {
  assert.equal(await run(alice, fql`bump(3)`), 4);
  const e = await fails(alice, fql`bump(30)`);
  assert.equal(e.code, "permission_denied");
  assert.equal(e.message, "Insufficient privileges to perform the action.");
});

test("a membership predicate returning false means the role does not apply (no reads, no creates)", async () => {
  assert.equal(await run(carol, fql`Note.all().count()`), 0);
  const e = await fails(carol, fql`bump(1)`);
  assert.equal(e.code, "permission_denied");
});

test("a role grants nothing beyond its privileges: the member cannot read Member documents", async () => {
  assert.equal(await run(alice, fql`Member.all().count()`), 0);
});

test("role changes apply to existing tokens on their next request (membership predicate re-evaluated)", async () => {
  await run(db.admin, fql`Member.byId(${aliceId})!.update({ active: false })`);
  try {
    assert.equal(await run(alice, fql`Note.all().count()`), 0);
  } finally {
    await run(db.admin, fql`Member.byId(${aliceId})!.update({ active: true })`);
  }
  assert.ok(((await run(alice, fql`Note.all().count()`)) as number) > 0);
});
