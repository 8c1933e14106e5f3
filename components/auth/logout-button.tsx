import { logOut } from "@/app/actions/auth";
import { SubmitButton } from "@/components/ui/submit-button";

export function LogoutButton({ variant = "quiet" }: { variant?: "primary" | "quiet" }) {
  return (
    <form action={logOut}>
      <SubmitButton variant={variant} pendingLabel="Logging out…">
        Log out
      </SubmitButton>
    </form>
  );
}
