import type { AcceptInvitationBody, InvitationPreview, SessionResponse } from "@ruche/contracts";
import { Alert, Button, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../api/client.ts";
import { applyApiError } from "../../api/errors.ts";
import { useSessionStarted } from "../../api/session.ts";
import { LoginLink } from "./LoginLink.tsx";
import { PasswordField } from "./PasswordField.tsx";
import { requiredText } from "./validators.ts";

type Choices = Pick<AcceptInvitationBody, "displayName" | "password">;

/** Creates the invited person's account, signs them in and opens their profile to fill in. */
export function AcceptInvitationForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation("auth");
  const navigate = useNavigate();
  const sessionStarted = useSessionStarted();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Choices>({
    initialValues: { displayName: "", password: "" },
    validate: { displayName: requiredText(t), password: requiredText(t) },
  });
  const accept = useMutation({
    mutationFn: (body: AcceptInvitationBody) => api<SessionResponse>("POST", "/invitations/accept", { body }),
    onSuccess: (session) => {
      sessionStarted(session);
      // Colleagues complete their profile first; guests go straight to the communities they were invited to.
      void navigate(session.user.role === "guest" ? "/" : "/me", { replace: true });
    },
    onError: (error) => setFormError(applyApiError(form, error, t, ["displayName", "password"])),
  });
  const organisation = preview.organisationName;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        accept.mutate({ token, ...values });
      })}
    >
      <Stack>
        <Title order={1} size="h2">
          {t("invitation.join", { organisation })}
        </Title>
        <Text>
          {preview.invitedBy ? t("invitation.invitedBy", { name: preview.invitedBy, organisation }) : t("invitation.invited", { organisation })}{" "}
          {t("invitation.intro")}
        </Text>
        {formError ? (
          <Alert color="red" role="alert" title={t("invitation.failed")}>
            {formError}
          </Alert>
        ) : null}
        <TextInput label={t("fields.email")} description={t("invitation.emailHint")} value={preview.email} readOnly autoComplete="username" />
        <TextInput label={t("fields.displayName")} description={t("invitation.displayNameHint")} autoComplete="name" required {...form.getInputProps("displayName")} />
        <PasswordField label={t("fields.password")} autoComplete="new-password" withRules required {...form.getInputProps("password")} />
        <Button type="submit" loading={accept.isPending}>
          {t("invitation.submit")}
        </Button>
        <LoginLink label={t("invitation.haveAccount")} />
      </Stack>
    </form>
  );
}
