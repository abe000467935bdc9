import { Alert, Stack, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors.ts";

/** Why a mailed link cannot be used, in the user's language, and what to do about it. */
export function LinkProblem({ error, title, advice }: { error: unknown; title: string; advice?: string }) {
  const { t } = useTranslation("auth");
  return (
    <Alert color="red" role="alert" title={title} icon={<IconAlertCircle aria-hidden />}>
      <Stack gap="xs">
        <Text size="sm">{errorMessage(error, t)}</Text>
        {advice ? <Text size="sm">{advice}</Text> : null}
      </Stack>
    </Alert>
  );
}
