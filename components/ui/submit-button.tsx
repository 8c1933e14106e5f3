"use client";

import clsx from "clsx";
import { useFormStatus } from "react-dom";

type Props = {
  children: React.ReactNode;
  pendingLabel: string;
  variant?: "primary" | "quiet";
  className?: string;
  /** An accessible name that says more than the visible text (which it must start with). */
  label?: string;
};

export function SubmitButton({ children, pendingLabel, variant = "primary", className, label }: Props) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      aria-label={label}
      className={clsx(
        "inline-flex items-center justify-center rounded-md text-sm font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-wait disabled:opacity-70",
        variant === "primary" && "w-full bg-indigo-600 px-4 py-2.5 text-white hover:bg-indigo-500",
        variant === "quiet" && "px-3 py-1.5 text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900",
        className,
      )}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
