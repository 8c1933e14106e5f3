import { authRoute } from "@/lib/auth/route";

// The sign-up form posts here (lib/auth/post.ts): a rate-limited one is 429 with Retry-After.
export const POST = authRoute("signup");
