import { Box, Button, Group } from "@mantine/core";
import { IconBuilding, IconChartBar, IconMailForward, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";

/** The admin area's sub-navigation: links (not tabs, since each opens its own page) with the current one marked. */
export function AdminNav() {
  const { t } = useTranslation("admin");
  const { pathname } = useLocation();
  const links = [
    { to: "/admin/users", label: t("nav.users"), icon: IconUsers },
    { to: "/admin/invitations", label: t("nav.invitations"), icon: IconMailForward },
    { to: "/admin/organisation", label: t("nav.organisation"), icon: IconBuilding },
    { to: "/admin/reports/disconnect", label: t("scheduling:report.nav"), icon: IconChartBar },
  ];
  // "/admin" alone shows the users screen.
  const current = pathname.replace(/\/$/, "") === "/admin" ? "/admin/users" : pathname;
  return (
    <Box component="nav" aria-label={t("nav.label")} pb="xs" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
      <Group gap="xs">
        {links.map(({ to, label, icon: Icon }) => {
          const active = current.startsWith(to);
          return (
            <Button
              key={to}
              component={Link}
              to={to}
              size="sm"
              variant={active ? "light" : "subtle"}
              fw={active ? 700 : 500}
              aria-current={active ? "page" : undefined}
              leftSection={<Icon size={18} aria-hidden />}
            >
              {label}
            </Button>
          );
        })}
      </Group>
    </Box>
  );
}
