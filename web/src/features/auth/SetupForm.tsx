import type { SessionResponse, SetupBody, SetupStatus } from "@ruche/contracts";
import { Alert, Button, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api, ApiError } from "../../api/client.ts";
import { applyApiError } from "../../api/errors.ts";
import { useSessionStarted } from "../../api/session.ts";
import { AdministratorFields, OrganisationFields } from "./SetupFields.tsx";
import { setupKey } from "./setupStatus.ts";
import { browserTimeZone } from "../../components/timeZones.ts";
import { emailAddress, requiredText } from "./validators.ts";

// API field paths, mirrored by the form's own paths so errors land next to their field.
const apiFields = ["organisationName", "defaultLanguage", "defaultTimezone", "admin.email", "admin.displayName", "admin.password"];

function useSetupForm() {
  const { t, i18n } = useTranslation("auth");
  return useForm<SetupBody>({
    initialValues: {
      organisationName: "",
      defaultLanguage: i18n.language === "en" ? "en" : "fr",
      defaultTimezone: browserTimeZone(),
      admin: { displayName: "", email: "", password: "" },
    },
    validate: {
      organisationName: requiredText(t),
      defaultTimezone: requiredText(t),
      admin: { displayName: requiredText(t), email: emailAddress(t), password: requiredText(t) },
    },
  });
}

/** The setup form: the organisation, then its first administrator, who is signed in on success. */
export function SetupForm({ onFinished }: { onFinished: () => void }) {
  const { t } = useTranslation("auth");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessionStarted = useSessionStarted();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useSetupForm();
  const setup = useMutation({
    mutationFn: (body: SetupBody) => api<SessionResponse>("POST", "/setup", { body }),
    onSuccess: (session) => {
      sessionStarted(session);
      onFinished();
      queryClient.setQueryData<SetupStatus>(setupKey, { needed: false });
      void navigate("/", { replace: true });
    },
    onError: (error) => {
      setFormError(applyApiError(form, error, t, apiFields));
      // Someone else finished setup meanwhile: the page then says so.
      if (error instanceof ApiError && error.code === "setup_already_done") void queryClient.invalidateQueries({ queryKey: setupKey });
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        setup.mutate(values);
      })}
    >
      <Stack>
        <Text>{t("setup.intro")}</Text>
        {formError ? (
          <Alert color="red" role="alert" title={t("setup.failed")}>
            {formError}
          </Alert>
        ) : null}
        <OrganisationFields form={form} />
        <AdministratorFields form={form} />
        <Button type="submit" loading={setup.isPending}>
          {t("setup.submit")}
        </Button>
      </Stack>
    </form>
  );
}
