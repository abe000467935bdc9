import type { Invitation } from "@ruche/contracts";
import { ActionIcon, Button, Group, Menu } from "@mantine/core";
import { IconDots, IconMailForward, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "./ConfirmModal.tsx";
import { isActionable, useInvitationActions } from "./useInvitationActions.ts";

type Actions = ReturnType<typeof useInvitationActions>;

/** Resend and revoke (after confirmation) a pending or expired invitation: a menu in the table, buttons on cards. */
export function InvitationActions({ invitation, compact }: { invitation: Invitation; compact: boolean }) {
  const actions = useInvitationActions(invitation);
  if (!isActionable(invitation)) return null;
  return (
    <>
      {compact ? <ActionsMenu invitation={invitation} actions={actions} /> : <ActionButtons invitation={invitation} actions={actions} />}
      <RevokeConfirm invitation={invitation} actions={actions} />
    </>
  );
}

function ActionButtons({ invitation, actions }: { invitation: Invitation; actions: Actions }) {
  const { t } = useTranslation("admin");
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="default" loading={actions.resend.isPending} onClick={() => actions.resend.mutate()} aria-label={t("invitations.resendTo", { email: invitation.email })}>
        {t("invitations.resend")}
      </Button>
      <Button size="xs" variant="subtle" color="red" onClick={actions.askToRevoke} aria-label={t("invitations.revokeTo", { email: invitation.email })}>
        {t("invitations.revoke")}
      </Button>
    </Group>
  );
}

function ActionsMenu({ invitation, actions }: { invitation: Invitation; actions: Actions }) {
  const { t } = useTranslation("admin");
  return (
    // No focus placeholder: it is a non-item child of role="menu" (axe), and a menu opens on its first item.
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t("invitations.actionsFor", { email: invitation.email })} loading={actions.resend.isPending}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconMailForward size={16} aria-hidden />} onClick={() => actions.resend.mutate()}>
          {t("invitations.resend")}
        </Menu.Item>
        <Menu.Item c="red.9" leftSection={<IconX size={16} aria-hidden />} onClick={actions.askToRevoke}>
          {t("invitations.revoke")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function RevokeConfirm({ invitation, actions }: { invitation: Invitation; actions: Actions }) {
  const { t } = useTranslation("admin");
  return (
    <ConfirmModal
      opened={actions.confirming}
      title={t("invitations.revokeTitle")}
      message={t("invitations.revokeMessage", { email: invitation.email })}
      confirmLabel={t("invitations.revoke")}
      loading={actions.revoke.isPending}
      onClose={actions.cancelRevoke}
      onConfirm={() => actions.revoke.mutate()}
    />
  );
}
