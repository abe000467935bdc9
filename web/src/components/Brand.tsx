import { Group, Image, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useOrganisation } from "../api/session.ts";

/** The organisation's logo and name, as the app's title. */
export function Brand() {
  const { t } = useTranslation();
  const organisation = useOrganisation().data;
  return (
    <Group gap="xs" wrap="nowrap">
      {organisation?.logoUrl ? <Image src={organisation.logoUrl} alt="" h={32} w="auto" /> : null}
      <Text fw={700} size="lg" truncate>
        {organisation?.name ?? t("appName")}
      </Text>
    </Group>
  );
}
