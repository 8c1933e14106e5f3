import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { FormAlert } from "@/components/auth/form-alert";
import { LoginForm } from "@/components/auth/login-form";
import { FLASH_HEADER, readFlash } from "@/lib/auth/flash";
import { getSession } from "@/lib/dal";
import { accountMessages } from "@/lib/account-messages";
import { shopperMessages } from "@/lib/fauna/errors";
import { safeNextPath, signupPath } from "@/lib/redirects";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await getSession()) redirect(next ?? "/products");
  // What a form post without JavaScript came back with (lib/auth/flash.ts).
  const initial = await readFlash("login", (await headers()).get(FLASH_HEADER) ?? undefined);

  return (
    <AuthCard
      title="Log in"
      subtitle={
        <>
          New here?{" "}
          <Link href={signupPath(next)} className="font-medium text-indigo-600 hover:text-indigo-500">
            Create an account
          </Link>
        </>
      }
    >
      {params.expired ? (
        <div className="mb-5">
          <FormAlert tone="info" message={shopperMessages.sessionExpired} />
        </div>
      ) : null}
      {params.reset ? (
        <div className="mb-5">
          <FormAlert tone="info" message={accountMessages.passwordReset} />
        </div>
      ) : null}
      <LoginForm next={next} initial={initial} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-indigo-600 hover:text-indigo-500">
          Forgot password?
        </Link>
      </p>
    </AuthCard>
  );
}
