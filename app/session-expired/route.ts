import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { getSession } from "@/lib/dal";
import { isTokenAccepted } from "@/lib/fauna/auth";
import { expiredLoginPath, safeNextPath } from "@/lib/redirects";
import { destroySession } from "@/lib/session";

// Pages cannot write cookies, so they send a rejected session here to be cleared.
// A token Fauna still accepts is left alone, so a link to this route cannot log anyone out.
export async function GET(request: NextRequest) {
  const next = safeNextPath(request.nextUrl.searchParams.get("next"));
  const session = await getSession();
  if (session && (await isTokenAccepted(session.token))) redirect(next ?? "/products");
  await destroySession();
  redirect(expiredLoginPath(next));
}
