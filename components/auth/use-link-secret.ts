"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The secret an emailed link carries in its fragment (`#token=…`): browsers never send
 * a fragment to a server, so it stays out of access logs and Referer headers. Read, then
 * dropped from the address bar and history; read again when another link is opened in
 * the same tab (only the fragment changes then, and the page does not reload).
 * `undefined` until read; null when there is none.
 */
export function useLinkSecret(): string | null | undefined {
  const latest = useRef<string | null>(null);
  const [secret, setSecret] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const read = () => {
      const value = new URLSearchParams(window.location.hash.slice(1)).get("token");
      if (window.location.hash) window.history.replaceState(null, "", window.location.pathname);
      // Effects may run twice (React's strict mode); the fragment is gone the second time.
      if (value) latest.current = value;
      setSecret(latest.current);
    };
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);
  return secret;
}
