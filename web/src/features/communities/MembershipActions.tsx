import type { Community } from "@ruche/contracts";
import { Badge, Button, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCheck, IconDoorExit, IconHourglass, IconLogin, IconSend, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../api/session.ts";
import { ConfirmModal } from "../admin/ConfirmModal.tsx";
import { communityAction } from "./community-action.ts";
import { RequestToJoinModal } from "./RequestToJoinModal.tsx";
import { useMembershipChange, type MembershipChange } from "./useMembershipChange.ts";

interface MembershipActionsProps {
  community: Community;
  /** Whether to offer "leave" (on the community's own page, not on directory cards). */
  withLeave?: boolean;
  onHidden?: () => void | Promise<void>;
}

/** The button(s) for the viewer's next step: join, ask, withdraw, answer an invitation or leave. */
export function MembershipActions({ community, withLeave = false, onHidden }: MembershipActionsProps) {
  const { t } = useTranslation("communities");
  const user = useSession().data?.user;
  const change = useMembershipChange(community, { onHidden });
  const [requesting, request] = useDisclosure(false);
  const [leaving, leave] = useDisclosure(false);
  if (!user) return null;
  const action = communityAction(community, user);
  const busy = (kind: MembershipChange["kind"]) => change.isPending && change.variables.kind === kind;
  // What it takes to come back, by visibility.
  const comingBack = { public: t("leave.public"), closed: t("leave.closed"), secret: t("leave.secret") };

  switch (action.kind) {
    case "join":
      return (
        <Button leftSection={<IconLogin size={16} aria-hidden />} loading={busy("join")} onClick={() => change.mutate({ kind: "join" })}>
          {t("actions.join")}
        </Button>
      );
    case "request":
      return (
        <>
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={request.open}>
            {t("actions.request")}
          </Button>
          <RequestToJoinModal
            community={community}
            opened={requesting}
            loading={busy("request")}
            onClose={request.close}
            onSend={(message) => change.mutate({ kind: "request", message }, { onSuccess: request.close })}
          />
        </>
      );
    case "withdrawRequest":
      return (
        <Group gap="xs">
          <Badge variant="light" color="indigo" tt="none" size="lg" leftSection={<IconHourglass size={14} aria-hidden />}>
            {t("actions.requested")}
          </Badge>
          <Button variant="subtle" loading={busy("withdraw")} onClick={() => change.mutate({ kind: "withdraw", requestId: action.requestId })}>
            {t("actions.withdraw")}
          </Button>
        </Group>
      );
    case "answerInvitation":
      return (
        <Group gap="xs">
          <Button leftSection={<IconCheck size={16} aria-hidden />} loading={busy("accept")} onClick={() => change.mutate({ kind: "accept", invitationId: action.invitationId })}>
            {t("actions.accept")}
          </Button>
          <Button variant="default" leftSection={<IconX size={16} aria-hidden />} loading={busy("decline")} onClick={() => change.mutate({ kind: "decline", invitationId: action.invitationId })}>
            {t("actions.decline")}
          </Button>
        </Group>
      );
    case "leave":
      if (!withLeave) return null;
      return (
        <>
          <Button variant="default" leftSection={<IconDoorExit size={16} aria-hidden />} onClick={leave.open}>
            {t("actions.leave")}
          </Button>
          <ConfirmModal
            opened={leaving}
            title={t("leave.title", { name: community.name })}
            message={comingBack[community.visibility]}
            confirmLabel={t("actions.leave")}
            loading={busy("leave")}
            onClose={leave.close}
            onConfirm={() => change.mutate({ kind: "leave" }, { onSettled: leave.close })}
          />
        </>
      );
    case "none":
      return null;
  }
}
