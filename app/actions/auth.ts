"use server";

import { redirect } from "next/navigation";
import { logOutCustomer } from "@/lib/fauna/auth";
import { shopperMessages } from "@/lib/fauna/errors";
import { logError } from "@/lib/log";
import { destroySession, readSession } from "@/lib/session";

// Log-in and sign-up are route handlers (app/api/login, app/api/signup; lib/auth/post.ts),
// so a throttled attempt can be answered 429 with Retry-After.

export type LogOutState = { message: string } | undefined;

// Deletes the token in Fauna, then the cookie (also when the token had already expired).
// When Fauna cannot delete it, the cookie stays: the token would otherwise live on for up
// to an hour with nothing left that could end it, and the shopper is told so.
export async function logOut(_previous: LogOutState): Promise<LogOutState> {
  const { token } = await readSession();
  if (token) {
    try {
      await logOutCustomer(token);
    } catch (error) {
      logError("UserLogout failed; the session stays so a retry can end it", error);
      return { message: shopperMessages.logOutFailed };
    }
  }
  await destroySession();
  redirect("/");
}
