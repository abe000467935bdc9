import type { PasswordResetRequestBody } from "@ruche/contracts";
import { Alert, Button, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconMailCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { applyApiError } from "../../api/errors.ts";
import { LoginLink } from "./LoginLink.tsx";
import { usePageTitle } from "../../components/usePageTitle.ts";
import { emailAddress } from "./validators.ts";

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account, so the
 * screen never tells a stranger who has one.
 */
export function ResetRequestForm() {
  const { t } = useTranslation("auth");
  usePageTitle(t("reset.requestTitle"));
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PasswordResetRequestBody>({ initialValues: { email: "" }, validate: { email: emailAddress(t) } });
  const request = useMutation({
    mutationFn: (body: PasswordResetRequestBody) => api<null>("POST", "/auth/password-reset", { body }),
    onError: (error) => setFormError(applyApiError(form, error, t, ["email"])),
  });

  if (request.isSuccess) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t("reset.requestTitle")}
        </Title>
        <Alert color="teal" role="status" title={t("reset.sentTitle")} icon={<IconMailCheck aria-hidden />}>
          {/* A long address must wrap on a phone rather than overflow. */}
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {t("reset.sent", { email: request.variables.email })}
          </Text>
        </Alert>
        <LoginLink />
      </Stack>
    );
  }
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        request.mutate({ email: values.email.trim() });
      })}
    >
      <Stack>
        <Title order={1} size="h2">
          {t("reset.requestTitle")}
        </Title>
        <Text>{t("reset.requestIntro")}</Text>
        {formError ? (
          <Alert color="red" role="alert" title={t("reset.requestFailed")}>
            {formError}
          </Alert>
        ) : null}
        <TextInput label={t("fields.email")} type="email" autoComplete="email" required {...form.getInputProps("email")} />
        <Button type="submit" loading={request.isPending}>
          {t("reset.requestSubmit")}
        </Button>
        <LoginLink />
      </Stack>
    </form>
  );
}
