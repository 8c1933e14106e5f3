"use client";

import { useActionState, useSyncExternalStore } from "react";
import type { AuthFormState } from "@/lib/auth/form-state";
import { postJson } from "@/lib/http/post-json";
import { safeNextPath } from "@/lib/redirects";

const noSubscription = () => () => {};

/** False in the server's HTML and while hydrating, true once React runs the page. */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

/**
 * The log-in and sign-up forms post to a route handler (`url`), so a throttled attempt
 * can be answered with 429 and Retry-After. Until React has hydrated, the form is a plain
 * HTML form posting there (the handler answers 303, see lib/auth/post.ts); from then on it
 * is a React form action posting JSON, with the pending state, form reset and answer
 * state of any server action. Passwords never go into the state.
 */
export function useAuthPost(url: string, initial: AuthFormState) {
  const [state, formAction] = useActionState(async (_previous: AuthFormState, formData: FormData) => {
    const fields = Object.fromEntries(
      [...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
    const answer = await postJson(url, fields);
    const target = answer.status === 200 ? safeNextPath(answer.redirectTo) : null;
    if (target) {
      // A full page load: the header and anything else rendered signed out start over
      // with the new session. The button stays pending until the page goes.
      window.location.assign(target);
      return new Promise<AuthFormState>(() => {});
    }
    return { email: fields.email ?? "", message: answer.message, fieldErrors: answer.fieldErrors };
  }, initial);
  const hydrated = useHydrated();
  const formProps = hydrated ? { action: formAction } : { action: url, method: "post" as const };
  return [state, formProps] as const;
}
