import "server-only";

// The mails the shop sends, as text and HTML. Pure, so they can be tested.

export type MailMessage = { to: string; subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function html(heading: string, paragraphs: string[], button: { label: string; href: string }, footer: string): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("");
  return `<!doctype html><html><body style="margin:0;background:#f5f5f5;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#171717">
<div style="max-width:480px;margin:0 auto;padding:32px 16px">
<div style="background:#fff;border:1px solid #e5e5e5;border-radius:12px;padding:24px">
<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(heading)}</h1>${body}
<p style="margin:24px 0"><a href="${escapeHtml(button.href)}" style="display:inline-block;background:#4f46e5;color:#fff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600">${escapeHtml(button.label)}</a></p>
<p style="margin:0;font-size:13px;color:#525252">${escapeHtml(footer)}</p>
</div></div></body></html>`;
}

export function passwordResetMessage(to: string, link: string): MailMessage {
  const intro = "Someone asked to reset the password of your Storefront account. If it was you, choose a new password:";
  const footer =
    "The link works once, for 30 minutes. If you did not ask, ignore this mail: your password stays as it is.";
  return {
    to,
    subject: "Reset your Storefront password",
    text: `${intro}\n\n${link}\n\n${footer}\n`,
    html: html("Reset your password", [intro], { label: "Choose a new password", href: link }, footer),
  };
}

export function verifyEmailMessage(to: string, link: string): MailMessage {
  const intro =
    "Please confirm that this is your email address, so we can reach you about your orders and your account:";
  const footer = "The link works for 24 hours. If you did not create a Storefront account, ignore this mail.";
  return {
    to,
    subject: "Verify your email",
    text: `${intro}\n\n${link}\n\n${footer}\n`,
    html: html("Verify your email", [intro], { label: "Verify my email", href: link }, footer),
  };
}
