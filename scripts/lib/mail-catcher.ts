// A local mail catcher (MailDev 3) for `npm run dev` and the e2e stack: an SMTP server
// and a web inbox, both on 127.0.0.1 and free ports, keeping mail in a private temporary
// directory. Its REST API lists what arrived: GET <webUrl>/api/email.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type MailCatcher = {
  /** What the app's SMTP_URL should be. */
  smtpUrl: string;
  /** The inbox in a browser, and the REST API under /api. */
  webUrl: string;
  close(): Promise<void>;
};

export async function startMailCatcher(): Promise<MailCatcher> {
  const mailDirectory = mkdtempSync(join(tmpdir(), "storefront-mail-"));
  // MailDev is an ES module only; these scripts run as CommonJS under tsx.
  const { MailDev } = await import("maildev");
  const maildev = new MailDev({ smtp: 0, web: 0, ip: "127.0.0.1", webIp: "127.0.0.1", mailDirectory, silent: true });
  const { smtp, api } = await maildev.start();
  if (!api) throw new Error("MailDev started without its web API");
  return {
    smtpUrl: `smtp://127.0.0.1:${smtp.getPort()}`,
    webUrl: `http://127.0.0.1:${api.getPort()}`,
    async close() {
      await maildev.stop();
      rmSync(mailDirectory, { recursive: true, force: true });
    },
  };
}
