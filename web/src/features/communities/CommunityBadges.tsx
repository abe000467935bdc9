import type { Community, CommunityRole, CommunityVisibility } from "@ruche/contracts";
import { Badge, Group, Text } from "@mantine/core";
import { IconArchive, IconEyeOff, IconLock, IconShieldCheck, IconUserShare, IconWorld } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../api/session.ts";
import { useCommunityLabels } from "./labels.ts";

const visibilityIcons = { public: IconWorld, closed: IconLock, secret: IconEyeOff } satisfies Record<CommunityVisibility, unknown>;

/** Who can find and enter the community: an icon and its name, never the icon alone. */
function VisibilityLabel({ visibility }: { visibility: CommunityVisibility }) {
  const labels = useCommunityLabels();
  const Icon = visibilityIcons[visibility];
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={16} aria-hidden />
      <Text size="sm" span>
        {labels.visibility[visibility]}
      </Text>
    </Group>
  );
}

/** The warning worn by communities with people from outside the organisation. */
function ExternalBadge() {
  const { t } = useTranslation("communities");
  return (
    // Black on this orange keeps AA contrast (white does not), and reads as a warning label.
    <Badge color="orange.9" c="black" variant="filled" tt="none" leftSection={<IconUserShare size={14} aria-hidden />} style={{ whiteSpace: "normal", height: "auto" }}>
      {t("external.badge")}
    </Badge>
  );
}

// Shades whose text keeps AA contrast on the light badge background.
const roleColours: Record<CommunityRole, string> = { owner: "grape", manager: "indigo", member: "gray" };

/** The viewer's or a member's role in the community. */
export function CommunityRoleBadge({ role }: { role: CommunityRole }) {
  const labels = useCommunityLabels();
  return (
    <Badge variant="light" color={roleColours[role]} tt="none">
      {labels.role[role]}
    </Badge>
  );
}

/**
 * Kind, visibility, the viewer's role, and the external and archived markers, in one row. An
 * administrator who manages the community without a manager's role there is shown as such.
 */
export function CommunityBadges({ community }: { community: Community }) {
  const { t } = useTranslation("communities");
  const labels = useCommunityLabels();
  const admin = useSession().data?.user.role === "admin";
  const managesAsAdmin = admin && community.canManage && community.myRole !== "owner" && community.myRole !== "manager";
  return (
    <Group gap="xs">
      {/* An external community's marker already names its kind. */}
      {community.kind === "external" && community.external ? null : (
        <Badge variant="outline" color="gray.8" tt="none">
          {labels.kind[community.kind]}
        </Badge>
      )}
      <VisibilityLabel visibility={community.visibility} />
      {community.myRole ? <CommunityRoleBadge role={community.myRole} /> : null}
      {managesAsAdmin ? (
        <Badge variant="light" color="red.9" tt="none" leftSection={<IconShieldCheck size={14} aria-hidden />}>
          {t("roles.adminAccess")}
        </Badge>
      ) : null}
      {community.archivedAt ? (
        <Badge variant="light" color="gray" tt="none" leftSection={<IconArchive size={14} aria-hidden />}>
          {t("archived.badge")}
        </Badge>
      ) : null}
      {community.external ? <ExternalBadge /> : null}
    </Group>
  );
}
