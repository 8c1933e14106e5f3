"use client";

import clsx from "clsx";
import { useEffect, useState } from "react";
import { FormField } from "./form-field";

const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;

type Props = { label: string; name: string; errors?: string[]; userInputs?: string[] };

/** A new-password input with zxcvbn's estimate underneath; the action checks it again. */
export function NewPasswordField({ label, name, errors, userInputs = [] }: Props) {
  const [password, setPassword] = useState("");
  const [strength, setStrength] = useState<{ score: number; problem: string | null } | null>(null);
  const inputs = userInputs.join("\n");

  useEffect(() => {
    let current = true;
    // Loaded on first keystroke: the dictionaries are large.
    void import("@/lib/password-policy").then(async ({ passwordStrength, passwordSizeProblem }) => {
      const size = password ? passwordSizeProblem(password) : null;
      const result = !password
        ? null
        : size
          ? { score: 0, problem: size }
          : await passwordStrength(password, inputs.split("\n"));
      if (current) setStrength(result);
    });
    return () => {
      current = false;
    };
  }, [password, inputs]);

  return (
    <FormField
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      hint="8 to 72 characters. A few uncommon words make a strong password."
      errors={errors}
      onChange={setPassword}
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
