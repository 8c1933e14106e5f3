import { logOutEverywhere } from "@/app/actions/account";
import { SubmitButton } from "@/components/ui/submit-button";

export function LogoutEverywhereButton() {
  return (
    <form action={logOutEverywhere}>
      <SubmitButton variant="quiet" pendingLabel="Logging out everywhere…" className="w-full ring-1 ring-neutral-300">
        Log out of all devices
      </SubmitButton>
    </form>
  );
}
