import "server-only";
import { headers } from "next/headers";
import { clientIpFrom, deviceFrom, type ClientInfo } from "./client-info";

/** The client of the request being served: its address for rate limits, its browser for the session list. */
export async function currentClient(): Promise<ClientInfo> {
  return clientOf(await headers());
}

/** The client a request's headers describe (a route handler has them at hand). */
export function clientOf(requestHeaders: Headers): ClientInfo {
  return {
    ip: clientIpFrom(requestHeaders, { onVercel: process.env.VERCEL === "1" }),
    device: deviceFrom(requestHeaders.get("user-agent")),
  };
}
