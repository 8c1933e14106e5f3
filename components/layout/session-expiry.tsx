"use client";

import { useEffect, useState } from "react";

const minutesLeft = (expiresAt: number, now: number) => Math.max(0, Math.ceil((expiresAt - now) / 60_000));

/** "Session ends in N min", counting down each minute; the server renders the first value. */
export function SessionExpiry({ expiresAt, renderedAt }: { expiresAt: number; renderedAt: number }) {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    // Once hydrated, count from the browser's clock instead of the server's render time.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const minutes = minutesLeft(expiresAt, now);
  const ends = new Date(expiresAt).toISOString();
  return (
    <p className="text-xs text-neutral-500" data-testid="session-expiry" title={`Session ends at ${ends}`}>
      {minutes > 0 ? (
        <>
          Session ends in <time dateTime={ends}>{minutes} min</time>
        </>
      ) : (
        "Session ended — log in again"
      )}
    </p>
  );
}
