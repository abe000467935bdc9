import type { LoginBody, SessionResponse } from "@ruche/contracts";
import { Alert, Anchor, Button, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { api, ApiError } from "../../api/client.ts";
import { applyApiError } from "../../api/errors.ts";
import { useSession, useSessionStarted } from "../../api/session.ts";
import { PasswordField } from "./PasswordField.tsx";
import { ResendVerificationButton } from "./ResendVerificationButton.tsx";
import { usePageTitle } from "../../components/usePageTitle.ts";

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/** Sign-in with email and password; API errors show next to the field they name. */
export function LoginPage() {
  const { t } = useTranslation("auth");
  usePageTitle(t("login.title"));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const sessionStarted = useSessionStarted();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<LoginBody>({ initialValues: { email: "", password: "" } });
  const login = useMutation({
    mutationFn: (body: LoginBody) => api<SessionResponse>("POST", "/auth/login", { body }),
    onSuccess: (opened) => {
      sessionStarted(opened);
      void navigate(safeNext(params.get("next")), { replace: true });
    },
    onError: (error) => setFormError(applyApiError(form, error, t, ["email", "password"])),
  });
  const unverified = login.error instanceof ApiError && login.error.code === "email_not_verified";

  // Someone already signed in (a bookmarked /login, the back button) goes straight on.
  if (session.data && login.isIdle) return <Navigate to={safeNext(params.get("next"))} replace />;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        login.mutate(values);
      })}
    >
      <Stack>
        <Title order={1} size="h2">
          {t("login.title")}
        </Title>
        {formError ? (
          <Alert color="red" role="alert" title={t("login.failed")}>
            {formError}
          </Alert>
        ) : null}
        {unverified ? <ResendVerificationButton email={login.variables?.email ?? ""} /> : null}
        <TextInput label={t("fields.email")} type="email" autoComplete="email" required {...form.getInputProps("email")} />
        <PasswordField label={t("fields.password")} autoComplete="current-password" required {...form.getInputProps("password")} />
        <Button type="submit" loading={login.isPending}>
          {t("login.submit")}
        </Button>
        <Anchor component={Link} to="/password-reset" size="sm">
          {t("login.forgot")}
        </Anchor>
      </Stack>
    </form>
  );
}
