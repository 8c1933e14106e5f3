import assert from "node:assert/strict";
import { test } from "node:test";
import { passwordResetMessage, verifyEmailMessage } from "./messages.ts";
import { linkWithSecret, MailNotConfiguredError, mailSettings } from "./settings.ts";

test("links put the secret in the fragment of APP_URL's origin", () => {
  const { appOrigin } = mailSettings({
    APP_URL: "https://shop.example/some/path?x=1",
    SMTP_URL: "smtp://localhost:25",
  });
  assert.equal(appOrigin, "https://shop.example");
  assert.equal(
    linkWithSecret(appOrigin, "/reset-password", "fnE_abc-123"),
    "https://shop.example/reset-password#token=fnE_abc-123",
  );
});

test("production needs APP_URL and every environment needs SMTP_URL; errors name the variable, not a value", () => {
  assert.throws(
    () => mailSettings({ NODE_ENV: "production", SMTP_URL: "smtp://user:hunter2@mail:25" }),
    (error: Error) => error instanceof MailNotConfiguredError && error.message === "APP_URL is not set",
  );
  assert.throws(
    () => mailSettings({ APP_URL: "javascript:alert(1)", SMTP_URL: "smtp://localhost" }),
    MailNotConfiguredError,
  );
  assert.throws(() => mailSettings({ APP_URL: "https://shop.example" }), /SMTP_URL is not set/);
  assert.equal(mailSettings({ SMTP_URL: "smtp://localhost:1025" }).appOrigin, "http://localhost:3000");
  assert.equal(
    mailSettings({ APP_URL: "https://shop.example", SMTP_URL: "smtp://x" }).from,
    "Storefront <no-reply@shop.example>",
  );
  assert.equal(
    mailSettings({ APP_URL: "https://shop.example", SMTP_URL: "smtp://x", MAIL_FROM: "Shop <a@b.c>" }).from,
    "Shop <a@b.c>",
  );
});

test("both mails carry the link in text and HTML, escaped", () => {
  const link = "https://shop.example/reset-password#token=abc&x=<y>";
  const reset = passwordResetMessage("ann@example.com", link);
  assert.equal(reset.subject, "Reset your Storefront password");
  assert.ok(reset.text.includes(link));
  assert.ok(reset.html.includes("https://shop.example/reset-password#token=abc&amp;x=&lt;y&gt;"));
  assert.ok(!reset.html.includes("<y>"));
  const verify = verifyEmailMessage("ann@example.com", "https://shop.example/verify-email#token=abc");
  assert.equal(verify.subject, "Verify your email");
  assert.ok(verify.text.includes("https://shop.example/verify-email#token=abc"));
});
