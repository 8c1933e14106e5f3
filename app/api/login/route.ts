import { authRoute } from "@/lib/auth/route";

// The log-in form posts here (lib/auth/post.ts): a throttled attempt is 429 with Retry-After.
export const POST = authRoute("login");
