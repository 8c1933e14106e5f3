import { z } from "zod";

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }));

export const logInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password." }).min(1, { error: "Enter your password." }),
});

export const signUpSchema = z.object({
  email,
  password: z
    .string({ error: "Choose a password." })
    .min(1, { error: "Choose a password.", abort: true })
    .min(8, { error: "Use at least 8 characters." })
    // bcrypt ignores everything after 72 bytes.
    .max(72, { error: "Use at most 72 characters." }),
});

export type FieldErrors = Partial<Record<"email" | "password", string[]>>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}
