import { Alert, Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors.ts";
import { useResendVerification } from "./useResendVerification.ts";

/** For a sign-in refused until the address is confirmed: mails a new link to the address just typed. */
export function ResendVerificationButton({ email }: { email: string }) {
  const { t } = useTranslation("auth");
  const resend = useResendVerification();
  if (resend.isSuccess) {
    return (
      <Alert color="teal" role="status">
        {t("verify.resent")}
      </Alert>
    );
  }
  return (
    <>
      <Button type="button" variant="light" loading={resend.isPending} onClick={() => resend.mutate({ email })}>
        {t("verify.resendSubmit")}
      </Button>
      {resend.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(resend.error, t)}
        </Alert>
      ) : null}
    </>
  );
}
