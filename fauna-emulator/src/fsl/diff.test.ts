import assert from "node:assert/strict";
import { test } from "node:test";
import { shopSchemaFiles } from "../../test/support/fixtures.js";
import { diffSchemas, parseSchemaFiles } from "./index.js";
import type { Schema } from "./model.js";

const parse = (src: string, file = "main.fsl"): Schema => parseSchemaFiles(new Map([[file, src]]));

test("pushing onto an empty database lists every added item with its location", () => {
  const text = diffSchemas(null, parseSchemaFiles(shopSchemaFiles()));
  assert.ok(
    text.startsWith("* Adding collection `Store` to collections.fsl:1:1:\n  * Defined fields:\n  + add field `name`\n"),
  );
  assert.match(text, /\* Adding collection `Product` to collections\.fsl:17:1:\n/);
  assert.match(
    text,
    /  \* Indexes:\n  \+ add index `byName`\n  \+ add index `byStore`\n  \+ add index `sortedByPrice`\n/,
  );
  assert.match(text, /  \* Constraints:\n  \+ add unique constraint on \[\.email\]\n/);
  assert.match(text, /\* Adding function `UserSignup` to functions\.fsl:1:1\n\n/);
  assert.match(text, /\* Adding role `customer` to roles\.fsl:1:1:\n  \+ add membership on `Customer`\n/);
  assert.match(text, /  \+ add privileges on `UserLogout`\n/);
});

test("an unchanged schema (even re-parsed) has an empty diff", () => {
  assert.equal(diffSchemas(parseSchemaFiles(shopSchemaFiles()), parseSchemaFiles(shopSchemaFiles())), "");
  assert.equal(diffSchemas(null, parse("")), "");
});

test("collection changes are grouped by category", () => {
  const before = parse(`collection Foo {
  a: Int
  b: String = "x"
  unique [.a]
  check ok ((doc) => doc.ok)
  history_days 0
}`);
  const after = parse(`collection Foo {
  a: Long
  b: String
  c: Boolean?
  compute d = (doc => doc.a)
  unique [.a, .c]
  index byC { terms [.c] }
  check ok ((doc) => doc.ok == true)
  history_days 42
}`);
  assert.equal(
    diffSchemas(before, after),
    `* Modifying collection \`Foo\` at main.fsl:1:1:
  * Defined fields:
  ~ change type of field \`a\` from \`Int\` to \`Long\`
  - remove default value from field \`.b\`
  + add field \`c\`

  * Computed fields:
  + add computed field \`d\`

  * Indexes:
  + add index \`byC\`

  * Constraints:
  + add unique constraint on [.a, .c]
  - remove unique constraint on [.a]
  ~ change check constraint \`ok\` body

  * Configuration:
  ~ change history_days from 0 to 42

`,
  );
});

test("function, role and access-provider changes; removals come after additions", () => {
  const before = parse(`collection C {}
function F(x) { x }
role r {
  membership C
  privileges C { read }
}
role old {}
access provider A { issuer "i"; jwks_uri "j"; role r }`);
  const after = parse(`collection C {}
@role(server)
function F(x, y) { x + y }
role r {
  membership C { predicate ((c) => c.active) }
  privileges C { read { predicate ((d) => true) }; write }
  privileges F { call }
}
access provider A { issuer "i2"; jwks_uri "j"; role r }`);
  assert.equal(
    diffSchemas(before, after),
    `* Modifying function \`F\` at main.fsl:2:1:
  + add role set to server
  ~ change signature
  ~ change body

* Modifying role \`r\` at main.fsl:4:1:
  ~ change membership on \`C\` by adding a predicate
  ~ change privileges on \`C\`
    ~ change read by adding a predicate
    + add write
  + add privileges on \`F\`

* Removing role \`old\` from main.fsl:7:1

* Modifying access provider \`A\` at main.fsl:9:1:
  ~ change issuer from "i" to "i2"

`,
  );
});

test("an item moved to another file is reported with its previous location", () => {
  const before = parseSchemaFiles(new Map([["main.fsl", "collection Foo {}"]]));
  const after = parseSchemaFiles(new Map([["collections.fsl", "\ncollection Foo {}"]]));
  assert.equal(
    diffSchemas(before, after),
    "* Modifying collection `Foo` at collections.fsl:2:1 (previously defined at main.fsl:1:1):\n  No semantic changes.\n\n",
  );
});
