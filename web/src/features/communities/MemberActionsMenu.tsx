import type { Community, CommunityMember } from "@ruche/contracts";
import { ActionIcon, Menu } from "@mantine/core";
import { IconCrown, IconDots, IconShield, IconUser, IconUserMinus, IconUserShare } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "../admin/ConfirmModal.tsx";
import { needsConfirmation, type MemberAction } from "./member-actions.ts";
import { useMemberActions } from "./useMemberActions.ts";

const icons = { makeManager: IconShield, makeMember: IconUser, makeOwner: IconCrown, transferOwnership: IconUserShare, remove: IconUserMinus } satisfies Record<MemberAction, unknown>;

interface MemberActionsMenuProps {
  community: Community;
  member: CommunityMember;
  actions: MemberAction[];
}

/** The per-member menu of the member list; removing someone or moving ownership asks first. */
export function MemberActionsMenu({ community, member, actions }: MemberActionsMenuProps) {
  const { t } = useTranslation("communities");
  const [confirming, setConfirming] = useState<MemberAction | null>(null);
  const act = useMemberActions(community, member);
  const name = member.person.displayName;
  const labels: Record<MemberAction, string> = {
    makeManager: t("members.actions.makeManager"),
    makeMember: t("members.actions.makeMember"),
    makeOwner: t("members.actions.makeOwner"),
    transferOwnership: t("members.actions.transferOwnership"),
    remove: t("members.actions.remove"),
  };
  const request = (action: MemberAction) => (needsConfirmation(action, member) ? setConfirming(action) : act.mutate(action));
  return (
    <>
      {/* No focus placeholder: it is a non-item child of role="menu" (axe), and a menu opens on its first item. */}
      <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t("members.actionsFor", { name })} loading={act.isPending}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {actions.map((action) => {
            const Icon = icons[action];
            return (
              <Menu.Item key={action} c={action === "remove" ? "red.9" : undefined} leftSection={<Icon size={16} aria-hidden />} onClick={() => request(action)}>
                {labels[action]}
              </Menu.Item>
            );
          })}
        </Menu.Dropdown>
      </Menu>
      <MemberActionConfirm
        member={member}
        action={confirming}
        loading={act.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={(action) => act.mutate(action, { onSettled: () => setConfirming(null) })}
      />
    </>
  );
}

interface MemberActionConfirmProps {
  member: CommunityMember;
  action: MemberAction | null;
  loading: boolean;
  onClose: () => void;
  onConfirm: (action: MemberAction) => void;
}

/** The question asked before removing a member, granting or handing over ownership, or demoting an owner. */
function MemberActionConfirm({ member, action, loading, onClose, onConfirm }: MemberActionConfirmProps) {
  const { t } = useTranslation("communities");
  const name = member.person.displayName;
  const questions: Record<MemberAction, { title: string; message: string; confirm: string }> = {
    remove: { title: t("members.confirm.removeTitle", { name }), message: t("members.confirm.removeMessage", { name }), confirm: t("members.actions.remove") },
    makeOwner: { title: t("members.confirm.makeOwnerTitle", { name }), message: t("members.confirm.makeOwnerMessage", { name }), confirm: t("members.actions.makeOwner") },
    transferOwnership: {
      title: t("members.confirm.transferTitle", { name }),
      message: t("members.confirm.transferMessage", { name }),
      confirm: t("members.actions.transferOwnership"),
    },
    makeManager: { title: t("members.confirm.demoteOwnerTitle", { name }), message: t("members.confirm.demoteOwnerMessage", { name }), confirm: t("members.actions.makeManager") },
    makeMember: { title: t("members.confirm.demoteOwnerTitle", { name }), message: t("members.confirm.demoteOwnerMessage", { name }), confirm: t("members.actions.makeMember") },
  };
  const question = action ? questions[action] : null;
  return (
    <ConfirmModal
      opened={action !== null}
      title={question?.title ?? ""}
      message={question?.message ?? ""}
      confirmLabel={question?.confirm ?? ""}
      loading={loading}
      onClose={onClose}
      onConfirm={() => action && onConfirm(action)}
    />
  );
}
