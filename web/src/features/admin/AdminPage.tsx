import { Group, Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "./AdminNav.tsx";

/** The frame of every admin screen: sub-navigation, the screen's heading (and actions beside it), its content. */
export function AdminPage({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation("admin");
  useDocumentTitle(t("documentTitle", { page: title }));
  return (
    <Stack gap="lg" maw={1100}>
      <AdminNav />
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}
