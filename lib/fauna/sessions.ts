import "server-only";
import { fql, type TimeStub } from "fauna";
import { withShopperToken } from "./client";
import type { ShopperSession } from "./types";

type StoredSession = {
  id: string;
  device: string;
  signedInAt: TimeStub | null;
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
