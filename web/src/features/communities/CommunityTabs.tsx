import type { Community } from "@ruche/contracts";
import { Badge, Tabs, VisuallyHidden } from "@mantine/core";
import type { ComponentType, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { CommunityPosts } from "../stream/CommunityPosts.tsx";
import { AboutTab } from "./AboutTab.tsx";
import { tabPath, type CommunityTab } from "./community-tabs.ts";
import { InvitationsTab } from "./InvitationsTab.tsx";
import { MembersTab } from "./MembersTab.tsx";
import { useJoinRequests } from "./queries.ts";
import { RequestsTab } from "./RequestsTab.tsx";
import { SettingsTab } from "./SettingsTab.tsx";

const panels: Record<CommunityTab, ComponentType<{ community: Community }>> = {
  posts: CommunityPosts,
  about: AboutTab,
  members: MembersTab,
  requests: RequestsTab,
  invitations: InvitationsTab,
  settings: SettingsTab,
};

/** "Requests", with how many wait when some do. */
function RequestsLabel({ community }: { community: Community }) {
  const { t } = useTranslation("communities");
  const requests = useJoinRequests(community.id);
  const pages = requests.data?.pages ?? [];
  const count = pages.reduce((total, page) => total + page.items.length, 0);
  const more = pages.at(-1)?.nextCursor ? "+" : "";
  return (
    <>
      {t("tabs.requests")}
      {count > 0 ? (
        <>
          <Badge ml={6} size="sm" color="red.8" aria-hidden>
            {`${count}${more}`}
          </Badge>
          <VisuallyHidden>{` (${t("requests.count", { count })})`}</VisuallyHidden>
        </>
      ) : null}
    </>
  );
}

/**
 * The community page's tabs; each has its own URL, so a tab can be linked to and Back returns to
 * the last one. A lone tab (what a visitor of a closed community gets) needs no tab bar.
 */
export function CommunityTabs({ community, tabs, current }: { community: Community; tabs: CommunityTab[]; current: CommunityTab }) {
  const { t } = useTranslation("communities");
  const navigate = useNavigate();
  if (tabs.length === 1) return <AboutTab community={community} />;
  const labels: Record<CommunityTab, ReactNode> = {
    posts: t("tabs.posts"),
    about: t("tabs.about"),
    members: t("tabs.members"),
    requests: <RequestsLabel community={community} />,
    invitations: t("tabs.invitations"),
    settings: t("tabs.settings"),
  };
  return (
    <Tabs
      value={current}
      keepMounted={false}
      onChange={(value) => {
        const chosen = tabs.find((tab) => tab === value);
        if (chosen) void navigate(tabPath(community.id, chosen));
      }}
    >
      <Tabs.List aria-label={t("tabs.label")}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab} value={tab}>
            {labels[tab]}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => {
        const Panel = panels[tab];
        return (
          <Tabs.Panel key={tab} value={tab} pt="md">
            <Panel community={community} />
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}
