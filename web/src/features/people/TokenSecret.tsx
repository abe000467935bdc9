import type { CreatedAccessToken } from "@ruche/contracts";
import { Alert, Button, CopyButton, Group, Stack, TextInput } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** A new token's secret, shown once with a copy button and a warning that it will not come back. */
export function TokenSecret({ created, onDone }: { created: CreatedAccessToken; onDone: () => void }) {
  const { t } = useTranslation("people");
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t("tokens.secretTitle", { name: created.token.name })}>
      <Stack gap="sm">
        <div>{t("tokens.secretWarning")}</div>
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t("tokens.secret")}
            value={created.secret}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            style={{ flex: "1 1 260px" }}
          />
          <CopyButton value={created.secret}>
            {({ copied, copy }) => (
              <Button onClick={copy} color={copied ? "teal" : undefined} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                {copied ? t("tokens.copied") : t("tokens.copy")}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group>
          <Button variant="default" onClick={onDone}>
            {t("tokens.done")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
