import type { NetworkRole } from "@ruche/contracts";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A network role's name in the user's language (literal keys, so the catalogue test sees them). */
export function useRoleLabels(): Record<NetworkRole, string> {
  const { t } = useTranslation("admin");
  return { admin: t("roles.admin"), member: t("roles.member"), guest: t("roles.guest") };
}

// Shades whose text keeps AA contrast on the light badge background.
const colours: Record<NetworkRole, string> = { admin: "indigo", member: "gray", guest: "grape" };

/** A person's or an invitation's role, as a badge whose text says it. */
export function RoleBadge({ role }: { role: NetworkRole }) {
  const labels = useRoleLabels();
  return (
    <Badge variant="light" color={colours[role]} tt="none" miw="max-content">
      {labels[role]}
    </Badge>
  );
}
