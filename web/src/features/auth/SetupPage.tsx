import { Alert, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors.ts";
import { LoginLink } from "./LoginLink.tsx";
import { SetupForm } from "./SetupForm.tsx";
import { useSetupStatus } from "./setupStatus.ts";
import { usePageTitle } from "../../components/usePageTitle.ts";

/** First-run setup: names the organisation and creates its first administrator, while nobody has. */
export function SetupPage() {
  const { t } = useTranslation("auth");
  const status = useSetupStatus();
  // Set when this visitor's own setup succeeds: the form stays until the app takes over, rather
  // than "already set up" flashing by.
  const [finished, setFinished] = useState(false);
  const alreadyDone = status.data?.needed === false && !finished;
  usePageTitle(alreadyDone ? t("setup.doneTitle") : t("setup.title"));

  if (alreadyDone) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t("setup.doneTitle")}
        </Title>
        <Text>{t("setup.doneBody")}</Text>
        <LoginLink />
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={1} size="h2">
        {t("setup.title")}
      </Title>
      {status.isPending ? (
        <Center py="lg">
          <Loader aria-label={t("common:loading")} />
        </Center>
      ) : null}
      {status.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(status.error, t)}
        </Alert>
      ) : null}
      {status.data?.needed || finished ? <SetupForm onFinished={() => setFinished(true)} /> : null}
    </Stack>
  );
}
