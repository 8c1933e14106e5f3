// What shoppers read in the reset and verification flows.

export const accountMessages = {
  /** The one answer to "Send reset link", whether or not the email has an account. */
  resetRequested:
    "If an account exists for that email, we sent a link to reset your password. It works for 30 minutes.",
  passwordReset: "Your password has been reset. Log in with your new password.",
  emailVerified: "Email verified",
  alreadyVerified: "Your email is already verified.",
  mailFailed: "We couldn't send the email right now. Please try again later.",
  verificationSent: (email: string) => `We sent a new link to ${email}.`,
} as const;
