import type { FieldErrors } from "../validation";

/** What the log-in and sign-up forms show after a refused attempt (never a password). */
export type AuthFormState =
  | {
      email: string;
      fieldErrors?: FieldErrors;
      message?: string;
    }
  | undefined;

/** The two forms whose posts go to /api/login and /api/signup. */
export type AuthForm = "login" | "signup";
