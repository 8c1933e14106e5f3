import { accountMessages } from "@/lib/account-messages";
import { getSession } from "@/lib/dal";
import { requestEmailVerification } from "@/lib/fauna/account-links";
import { FaunaUnavailableError, shopperMessages, TooManyAttemptsError } from "@/lib/fauna/errors";
import { answer, isSameOriginJson, refusedOrigin, tooManyAttempts } from "@/lib/http/json-api";
import { logError } from "@/lib/log";
import { sendVerificationMail } from "@/lib/mail";
import { currentClient } from "@/lib/request-client";

// "Resend" for the signed-in shopper's own email. Signed in, the shopper knows the
// account exists, so the mail is sent before answering and a failure is told.
export async function POST(request: Request) {
  if (!isSameOriginJson(request)) return refusedOrigin();
  const session = await getSession();
  if (!session) return answer({ message: shopperMessages.sessionExpired }, 401);

  let link;
  try {
    link = await requestEmailVerification(session.email, (await currentClient()).ip);
  } catch (error) {
    if (error instanceof TooManyAttemptsError) return tooManyAttempts(error.retryInSeconds);
    if (!(error instanceof FaunaUnavailableError)) logError("verification request failed", error);
    return answer({ message: shopperMessages.unavailable }, 503);
  }
  if (!link.sent) return answer({ message: accountMessages.alreadyVerified, done: true });
  try {
    await sendVerificationMail(link.email, link.secret);
  } catch (error) {
    logError("verification mail could not be sent", error);
    return answer({ message: accountMessages.mailFailed }, 502);
  }
  return answer({ message: accountMessages.verificationSent(link.email), done: true });
}
