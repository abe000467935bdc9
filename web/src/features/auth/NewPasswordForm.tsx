import type { PasswordResetConfirmBody } from "@ruche/contracts";
import { Alert, Button, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCircleCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api } from "../../api/client.ts";
import { applyApiError } from "../../api/errors.ts";
import { sessionKey } from "../../api/session.ts";
import { LinkProblem } from "./LinkProblem.tsx";
import { isLinkProblem } from "./linkProblems.ts";
import { LoginLink } from "./LoginLink.tsx";
import { PasswordField } from "./PasswordField.tsx";
import { usePageTitle } from "../../components/usePageTitle.ts";
import { requiredText } from "./validators.ts";

/** Sets a new password from a reset link; every session of the account ends, this browser's too. */
export function NewPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation("auth");
  usePageTitle(t("reset.newTitle"));
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { password: "" }, validate: { password: requiredText(t) } });
  const confirm = useMutation({
    mutationFn: (body: PasswordResetConfirmBody) => api<null>("POST", "/auth/password-reset/confirm", { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionKey }),
    onError: (error) => setFormError(isLinkProblem(error) ? null : applyApiError(form, error, t, ["password"])),
  });

  if (confirm.isSuccess) return <PasswordChanged />;
  if (isLinkProblem(confirm.error)) return <ResetLinkUnusable error={confirm.error} />;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        confirm.mutate({ token, password: values.password });
      })}
    >
      <Stack>
        <Title order={1} size="h2">
          {t("reset.newTitle")}
        </Title>
        <Text>{t("reset.newIntro")}</Text>
        {formError ? (
          <Alert color="red" role="alert" title={t("reset.failed")}>
            {formError}
          </Alert>
        ) : null}
        <PasswordField label={t("fields.newPassword")} autoComplete="new-password" withRules required {...form.getInputProps("password")} />
        <Button type="submit" loading={confirm.isPending}>
          {t("reset.newSubmit")}
        </Button>
      </Stack>
    </form>
  );
}

function ResetLinkUnusable({ error }: { error: unknown }) {
  const { t } = useTranslation("auth");
  return (
    <Stack>
      <Title order={1} size="h2">
        {t("reset.newTitle")}
      </Title>
      <LinkProblem error={error} title={t("reset.linkUnusable")} advice={t("reset.linkAdvice")} />
      <Button component={Link} to="/password-reset" variant="light">
        {t("reset.newLink")}
      </Button>
      <LoginLink />
    </Stack>
  );
}

function PasswordChanged() {
  const { t } = useTranslation("auth");
  return (
    <Stack>
      <Title order={1} size="h2">
        {t("reset.doneTitle")}
      </Title>
      <Alert color="teal" role="status" icon={<IconCircleCheck aria-hidden />}>
        {t("reset.done")}
      </Alert>
      <Button component={Link} to="/login">
        {t("links.signIn")}
      </Button>
    </Stack>
  );
}
