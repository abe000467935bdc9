import type { Community } from "@ruche/contracts";
import { Alert, Anchor, Stack, Text } from "@mantine/core";
import { IconArchive, IconCertificate, IconMail, IconMessageX, IconTrash, IconUserShare } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormatDate } from "../admin/useFormatDate.ts";
import { tabPath, type CommunityTab } from "./community-tabs.ts";
import { DeletedCommunityActions } from "./DeletedCommunityActions.tsx";

// Standing notices describe the page rather than interrupt: screen readers meet them in reading order.
const note = "note";

/** A member who still has to accept the charter in force before posting. */
function mustAcceptCharter(community: Community): boolean {
  return community.myRole !== null && community.charter !== null && community.charter.required && community.charter.acceptedAt === null;
}

/** What everyone on the page should know first: outsiders present, archived, deleted, invited, request refused, charter to accept. */
export function CommunityNotices({ community, tab }: { community: Community; tab: CommunityTab }) {
  const { t } = useTranslation("communities");
  const formatDate = useFormatDate();
  const invitation = community.myInvitation;
  const refusal = community.myRefusal;
  const notices = [
    community.external ? (
      <Alert key="external" role={note} color="orange" variant="outline" icon={<IconUserShare aria-hidden />}>
        <Text size="sm" fw={600}>
          {t("external.warning")}
        </Text>
      </Alert>
    ) : null,
    community.deletedAt ? (
      <Alert key="deleted" role={note} color="red" icon={<IconTrash aria-hidden />} title={t("deleted.title")}>
        <DeletedCommunityActions community={community} />
      </Alert>
    ) : null,
    community.archivedAt ? (
      <Alert key="archived" role={note} color="yellow" icon={<IconArchive aria-hidden />} title={t("archived.title", { date: formatDate(community.archivedAt) })}>
        {t("archived.body")}
      </Alert>
    ) : null,
    invitation ? (
      <Alert key="invitation" role={note} color="indigo" icon={<IconMail aria-hidden />} title={t("invitation.title")}>
        {invitation.invitedBy ? t("invitation.byPerson", { name: invitation.invitedBy.displayName, date: formatDate(invitation.createdAt) }) : t("invitation.body")}
      </Alert>
    ) : null,
    refusal ? (
      <Alert key="refusal" role={note} color="gray" icon={<IconMessageX aria-hidden />} title={t("refusal.title", { date: formatDate(refusal.decidedAt) })}>
        {refusal.reason ? <Text size="sm" style={{ whiteSpace: "pre-line" }}>{t("refusal.reason", { reason: refusal.reason })}</Text> : null}
        <Text size="sm">{t("refusal.again")}</Text>
      </Alert>
    ) : null,
    mustAcceptCharter(community) ? (
      <Alert key="charter" role={note} color="indigo" icon={<IconCertificate aria-hidden />} title={t("charter.pendingTitle")}>
        {t("charter.pendingBody")}{" "}
        {tab === "about" ? null : (
          <Anchor component={Link} to={tabPath(community.id, "about")} inherit>
            {t("charter.read")}
          </Anchor>
        )}
      </Alert>
    ) : null,
  ].filter((notice) => notice !== null);
  if (notices.length === 0) return null;
  return <Stack gap="sm">{notices}</Stack>;
}
