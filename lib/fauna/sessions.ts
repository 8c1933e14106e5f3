import "server-only";
import { fql, type TimeStub } from "fauna";
import { withShopperToken } from "./client";
import type { ShopperSession } from "./types";

type StoredSession = {
  id: string;
  device: string;
  signedInAt: TimeStub | null;
  lastSeenAt: TimeStub | null;
  expiresAt: TimeStub | null;
  current: boolean;
};

/** The shopper's sessions, newest first (SessionList: their own tokens only). */
export async function listSessions(tokenSecret: string): Promise<ShopperSession[]> {
  const { data } = await withShopperToken(tokenSecret, (client) => client.query<StoredSession[]>(fql`SessionList()`));
  return data.map((session) => ({
    id: session.id,
    device: session.device,
    signedInAt: session.signedInAt?.toDate() ?? null,
    lastSeenAt: session.lastSeenAt?.toDate() ?? null,
    expiresAt: session.expiresAt?.toDate() ?? null,
    current: session.current,
  }));
}

/** Ends one of the shopper's sessions. `ended` is false for an id that is not theirs (or gone). */
export async function endSession(
  tokenSecret: string,
  sessionId: string,
): Promise<{ ended: boolean; current: boolean }> {
  const { data } = await withShopperToken(tokenSecret, (client) =>
    client.query<{ ended: boolean; current: boolean }>(fql`EndSession(${sessionId})`),
  );
  return data;
}

/**
 * Notes that the shopper's session is in use (SessionSeen: this token's lastSeenAt, at
 * most one write per 5 minutes whatever the caller does). `touched` is false when the
 * note was recent enough and nothing was written.
 */
export async function markSessionSeen(tokenSecret: string): Promise<{ touched: boolean; lastSeenAt: Date }> {
  const { data } = await withShopperToken(tokenSecret, (client) =>
    client.query<{ touched: boolean; lastSeenAt: TimeStub }>(fql`SessionSeen()`),
  );
  return { touched: data.touched, lastSeenAt: data.lastSeenAt.toDate() };
}
