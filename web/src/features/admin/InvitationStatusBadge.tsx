import type { InvitationStatus } from "@ruche/contracts";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Each status's name in the user's language (literal keys, so the catalogue test sees them). */
export function useInvitationStatusLabels(): Record<InvitationStatus, string> {
  const { t } = useTranslation("admin");
  return {
    pending: t("invitations.statuses.pending"),
    accepted: t("invitations.statuses.accepted"),
    revoked: t("invitations.statuses.revoked"),
    expired: t("invitations.statuses.expired"),
  };
}

const colours: Record<InvitationStatus, string> = { pending: "blue", accepted: "green", revoked: "gray", expired: "orange" };

/** An invitation's status in words; the dot's colour only repeats it. */
export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  const labels = useInvitationStatusLabels();
  return (
    <Badge variant="dot" color={colours[status]} tt="none" miw="max-content">
      {labels[status]}
    </Badge>
  );
}
