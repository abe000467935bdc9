import type { ResendVerificationBody } from "@ruche/contracts";
import { Alert, Button, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyApiError } from "../../api/errors.ts";
import { useResendVerification } from "./useResendVerification.ts";
import { emailAddress } from "./validators.ts";

/** Sends a new email-verification link to an address, for when the first one expired or went missing. */
export function ResendVerificationForm() {
  const { t } = useTranslation("auth");
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ResendVerificationBody>({ initialValues: { email: "" }, validate: { email: emailAddress(t) } });
  const resend = useResendVerification();

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        resend.mutate({ email: values.email.trim() }, { onError: (error) => setFormError(applyApiError(form, error, t, ["email"])) });
      })}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("verify.resendTitle")}
        </Title>
        {resend.isSuccess ? (
          <Alert color="teal" role="status">
            {t("verify.resent")}
          </Alert>
        ) : (
          <Text size="sm">{t("verify.resendIntro")}</Text>
        )}
        {formError ? (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput label={t("fields.email")} type="email" autoComplete="email" required {...form.getInputProps("email")} />
        <Button type="submit" variant="light" loading={resend.isPending}>
          {t("verify.resendSubmit")}
        </Button>
      </Stack>
    </form>
  );
}
