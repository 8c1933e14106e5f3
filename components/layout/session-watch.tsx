"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { sessionEndsFromCookies } from "@/lib/session-cookie";

/**
 * Keeps the header true to the session. The header lives in the root layout, which
 * client-side navigations do not re-render, so a session that ended or changed
 * (log-out in another tab, a rejected token cleared by /session-expired, a new
 * log-in elsewhere) would go unnoticed. After every navigation and when the tab
 * regains focus, this compares the session the header was rendered for with the
 * readable companion cookie, and re-renders the page from the server when they
 * differ; when the session's time is up it does the same, so the header (and a
 * protected page, via lib/dal.ts) shows that it ended.
 */
export function SessionWatch({ expiresAt }: { expiresAt: number | null }) {
  const router = useRouter();
  const pathname = usePathname();
  // One refresh per mismatch: a cookie the server does not agree with must not loop.
  const refreshedFor = useRef<string | null>(null);

  useEffect(() => {
    const check = () => {
      const now = Date.now();
      const cookieEnds = sessionEndsFromCookies(document.cookie);
      const cookieLive = cookieEnds !== null && cookieEnds > now ? cookieEnds : null;
      const headerLive = expiresAt !== null && expiresAt > now ? expiresAt : null;
      if (headerLive === expiresAt && cookieLive === expiresAt) return;
      const key = `${expiresAt}:${headerLive}:${cookieLive}`;
      if (refreshedFor.current === key) return;
      refreshedFor.current = key;
      router.refresh();
    };
    check();
    const onVisible = () => document.visibilityState === "visible" && check();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("focus", check);
    // Timers cap at 2^31 ms; a session lasts an hour.
    const timer =
      expiresAt === null
        ? undefined
        : setTimeout(check, Math.min(Math.max(expiresAt - Date.now(), 0) + 250, 2 ** 31 - 1));
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("focus", check);
      clearTimeout(timer);
    };
  }, [expiresAt, pathname, router]);

  return null;
}
