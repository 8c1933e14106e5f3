import "server-only";
import { sendAfterResponse, sendVerificationMail } from "../mail";
import { saveSession } from "../session";
import type { AuthForm } from "./form-state";
import { handleAuthPost } from "./post";

/** The POST handler of /api/login or /api/signup: the answer, plus the session cookie and the verification mail. */
export function authRoute(form: AuthForm) {
  return async function POST(request: Request): Promise<Response> {
    const { response, token, account } = await handleAuthPost(form, request);
    if (account) {
      sendAfterResponse("email verification", () => sendVerificationMail(account.email, account.verificationSecret));
    }
    // Next adds the cookies set here to the response returned.
    if (token) await saveSession({ token: token.secret, expiresAt: token.expiresAt, email: token.email });
    return response;
  };
}
