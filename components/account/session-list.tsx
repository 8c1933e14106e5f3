import { endSession } from "@/app/actions/account";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ShopperSession } from "@/lib/fauna/types";

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * The shopper's sessions (their Fauna tokens), each with "Log out". "Last seen" is noted
 * at most every 5 minutes (lib/session-seen.ts), so it can be that much behind.
 */
export function SessionList({ sessions }: { sessions: ShopperSession[] }) {
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" className="text-lg font-semibold">
        Where you&apos;re signed in
      </h2>
      <p className="mt-1 text-sm text-neutral-600">
        Log out any session you don&apos;t recognize, then change your password.
      </p>
      <ul className="mt-4 divide-y divide-neutral-200 rounded-lg border border-neutral-200">
        {sessions.map((session) => (
          <li key={session.id} data-testid="session" className="flex items-center gap-3 px-4 py-3">
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-neutral-900">
                <span className="truncate">{session.device}</span>
                {session.current ? (
                  <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-indigo-200">
                    This device
                  </span>
                ) : null}
              </p>
              <p className="mt-0.5 text-xs text-neutral-500">
                {session.signedInAt ? `Signed in ${timeFormat.format(session.signedInAt)} UTC` : "Signed in earlier"}
              </p>
              {session.lastSeenAt ? (
                <p data-testid="last-seen" className="text-xs text-neutral-500">
                  Last seen {timeFormat.format(session.lastSeenAt)} UTC
                </p>
              ) : null}
            </div>
            <form action={endSession}>
              <input type="hidden" name="sessionId" value={session.id} />
              <SubmitButton
                variant="quiet"
                pendingLabel="Logging out…"
                label={`Log out ${session.device}${session.current ? " (this device)" : ""}`}
                className="ring-1 ring-neutral-300"
              >
                Log out
              </SubmitButton>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
