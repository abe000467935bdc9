import type { Me } from "@ruche/contracts";
import { Avatar, Menu, UnstyledButton } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { api, setCsrfToken } from "../api/client.ts";
import { sessionKey } from "../api/session.ts";
import { turnPushOff } from "../features/push/push-browser.ts";

/** The signed-in person's avatar, opening their profile, tokens and sign-out. */
export function UserMenu({ user }: { user: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logOut = async () => {
    // A shared computer must not keep showing this person's notifications to the next one.
    await turnPushOff().catch(() => undefined);
    await api("POST", "/auth/logout").catch(() => undefined);
    setCsrfToken("");
    queryClient.setQueryData(sessionKey, null);
    queryClient.clear();
    void navigate("/login");
  };
  return (
    // No focus placeholder: a bare div inside role="menu" breaks the menu's ARIA structure (axe).
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton aria-label={t("nav.userMenu", { name: user.displayName })}>
          <Avatar src={user.avatarUrl} alt="" name={user.displayName} color="initials" />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.displayName}</Menu.Label>
        <Menu.Item component={Link} to="/me">
          {t("nav.profile")}
        </Menu.Item>
        <Menu.Item component={Link} to="/me/tokens">
          {t("nav.tokens")}
        </Menu.Item>
        <Menu.Item component={Link} to="/settings/notifications">
          {t("notifications:settings.link")}
        </Menu.Item>
        <Menu.Item component={Link} to="/scheduled">
          {t("scheduling:list.title")}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void logOut()}>{t("nav.logout")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
