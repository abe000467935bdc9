import { AppShell, Box, Burger, Center, Group, Loader, NavLink, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation } from "react-router-dom";
import { api } from "../api/client.ts";
import { useLanguageSync, useSession } from "../api/session.ts";
import { NotificationBell } from "../features/notifications/NotificationBell.tsx";
import { HeaderSearch, SearchIconLink } from "../features/search/HeaderSearch.tsx";
import { Brand } from "./Brand.tsx";
import { UserMenu } from "./UserMenu.tsx";

/** Whether a navigation link is the current section ("/me/tokens" belongs to the user menu, not "/me"). */
function isCurrent(pathname: string, to: string): boolean {
  if (to === "/me") return pathname === "/me";
  const section = to === "/admin/users" ? "/admin" : to;
  return pathname === section || pathname.startsWith(`${section}/`);
}

/** The signed-in app: header, navigation and the current screen; sends others to sign in or set up. */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const session = useSession();
  const setup = useQuery({ queryKey: ["setup"], queryFn: () => api<{ needed: boolean }>("GET", "/setup"), enabled: session.data === null });
  useLanguageSync();

  if (session.isPending || (session.data === null && setup.isPending)) {
    return (
      <Center h="100vh">
        <Loader aria-label={t("loading")} />
      </Center>
    );
  }
  if (!session.data) {
    if (setup.data?.needed) return <Navigate to="/setup" replace />;
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  const user = session.data.user;
  const links = [
    { to: "/communities", label: t("nav.communities") },
    { to: "/people", label: t("nav.people") },
    { to: "/bookmarks", label: t("nav.bookmarks") },
    { to: "/me", label: t("nav.profile") },
    ...(user.role === "admin" ? [{ to: "/admin/users", label: t("nav.admin") }] : []),
  ];
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.openMenu")} aria-expanded={opened} aria-controls="main-navigation" />
            <Link to="/" style={{ color: "inherit", textDecoration: "none" }}>
              <Brand />
            </Link>
          </Group>
          <Box visibleFrom="sm" style={{ flex: 1, display: "flex", justifyContent: "center", minWidth: 0 }}>
            <HeaderSearch />
          </Box>
          <Group gap="xs" wrap="nowrap">
            <Box hiddenFrom="sm">
              <SearchIconLink />
            </Box>
            <NotificationBell />
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="main-navigation" p="sm" component="nav" aria-label={t("nav.main")}>
        <Stack gap={4}>
          {links.map((link) => (
            <NavLink
              key={link.to}
              component={Link}
              to={link.to}
              label={link.label}
              active={isCurrent(location.pathname, link.to)}
              onClick={close}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" component="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
