import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignupForm } from "@/components/auth/signup-form";
import { FLASH_HEADER, readFlash } from "@/lib/auth/flash";
import { getSession } from "@/lib/dal";
import { loginPath, safeNextPath } from "@/lib/redirects";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignupPage({ searchParams }: PageProps<"/signup">) {
  const next = safeNextPath((await searchParams).next);
  if (await getSession()) redirect(next ?? "/products");
  // What a form post without JavaScript came back with (lib/auth/flash.ts).
  const initial = await readFlash("signup", (await headers()).get(FLASH_HEADER) ?? undefined);

  return (
    <AuthCard
      title="Create your account"
      subtitle={
        <>
          Already have one?{" "}
          <Link href={loginPath(next)} className="font-medium text-indigo-600 hover:text-indigo-500">
            Log in
          </Link>
        </>
      }
    >
      <SignupForm next={next} initial={initial} />
    </AuthCard>
  );
}
