import { accountMessages } from "@/lib/account-messages";
import { requestPasswordReset } from "@/lib/fauna/account-links";
import { FaunaUnavailableError, shopperMessages, TooManyAttemptsError } from "@/lib/fauna/errors";
import { answer, isSameOriginJson, readSmallJson, refusedOrigin, tooManyAttempts } from "@/lib/http/json-api";
import { logError, logSecurityEvent } from "@/lib/log";
import { sendAfterResponse, sendPasswordResetMail } from "@/lib/mail";
import { currentClient } from "@/lib/request-client";
import { fieldErrorsOf, forgotPasswordSchema } from "@/lib/validation";

// Whether an account exists never shows: the answer is the same, and the mail (when
// there is one) goes out after the response.
export async function POST(request: Request) {
  if (!isSameOriginJson(request)) return refusedOrigin();
  const parsed = forgotPasswordSchema.safeParse((await readSmallJson(request)) ?? {});
  if (!parsed.success) return answer({ fieldErrors: fieldErrorsOf(parsed.error) }, 400);

  try {
    const link = await requestPasswordReset(parsed.data.email, (await currentClient()).ip);
    if (link.sent) sendAfterResponse("password reset", () => sendPasswordResetMail(link.email, link.secret));
  } catch (error) {
    if (error instanceof TooManyAttemptsError) {
      logSecurityEvent("password reset refused, rate limited");
      return tooManyAttempts(error.retryInSeconds);
    }
    if (!(error instanceof FaunaUnavailableError)) logError("password reset request failed", error);
    return answer({ message: shopperMessages.unavailable }, 503);
  }
  return answer({ message: accountMessages.resetRequested, done: true });
}
