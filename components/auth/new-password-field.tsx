"use client";

import clsx from "clsx";
import { useEffect, useRef, useState } from "react";
import { passwordSizeProblem } from "@/lib/password-size";
import { FormField } from "./form-field";

const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;

type Props = {
  label: string;
  name: string;
  errors?: string[];
  userInputs?: string[];
  /** Show the password as text (the form's "Show password" box). */
  shown?: boolean;
  /** The password, when the form keeps it (controlled); else the field keeps its own. */
  value?: string;
  onChange?: (value: string) => void;
  /** What is wrong with the password as typed now (null: nothing), once known. */
  onProblem?: (problem: string | null) => void;
};

/** A new-password input with zxcvbn's estimate underneath; the action checks it again. */
export function NewPasswordField({
  label,
  name,
  errors,
  userInputs = [],
  shown = false,
  value,
  onChange,
  onProblem,
}: Props) {
  const [own, setOwn] = useState("");
  const password = value ?? own;
  // The last rating zxcvbn gave; size problems need no rating and are derived as the shopper types.
  const [rated, setRated] = useState<{ score: number; problem: string | null } | null>(null);
  const size = password ? passwordSizeProblem(password) : null;
  const strength = !password ? null : size ? { score: 0, problem: size } : rated;
  const inputs = userInputs.join("\n");
  // Only what the shopper typed is reported: a fresh field keeps the server's message.
  const typed = useRef(false);

  useEffect(() => {
    let current = true;
    if ((!password || size) && typed.current) onProblem?.(size);
    if (!password) return;
    // zxcvbn and its dictionaries (~230 KB gzipped) load on the first keystroke, not
    // with the page, and are ready by the time the password is long enough to rate.
    void import("@/lib/password-policy").then(async ({ passwordStrength }) => {
      if (size) return;
      const result = await passwordStrength(password, inputs.split("\n"));
      if (!current) return;
      setRated(result);
      onProblem?.(result.problem);
    });
    return () => {
      current = false;
    };
    // onProblem is left out on purpose: a new callback identity is no new password.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [password, inputs, size]);

  return (
    <FormField
      label={label}
      name={name}
      type={shown ? "text" : "password"}
      autoComplete="new-password"
      hint="8 to 72 characters. A few uncommon words make a strong password."
      errors={errors}
      value={value}
      onChange={(next) => {
        typed.current = true;
        if (value === undefined) setOwn(next);
        onChange?.(next);
      }}
    >
      {strength ? (
        <p aria-live="polite" data-testid="password-strength" className="mt-1.5 text-sm">
          <span className={clsx("font-medium", strength.score >= 3 ? "text-green-700" : "text-amber-700")}>
            {LABELS[strength.score] ?? LABELS[0]}
          </span>
          {strength.problem ? <span className="text-neutral-600"> — {strength.problem}</span> : null}
        </p>
      ) : null}
    </FormField>
  );
}
