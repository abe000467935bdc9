import { useSearchParams } from "react-router-dom";
import { NewPasswordForm } from "./NewPasswordForm.tsx";
import { ResetRequestForm } from "./ResetRequestForm.tsx";

/** A forgotten password: ask for a link by email, or, from that link (`?token=`), choose a new one. */
export function PasswordResetPage() {
  const token = useSearchParams()[0].get("token");
  return token ? <NewPasswordForm token={token} /> : <ResetRequestForm />;
}
