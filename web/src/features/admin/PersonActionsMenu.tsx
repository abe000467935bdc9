import type { NetworkRole, PersonSummary } from "@ruche/contracts";
import { ActionIcon, Menu } from "@mantine/core";
import { IconDots, IconUserCheck, IconUserCog, IconUserOff } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../api/session.ts";
import { ConfirmModal } from "./ConfirmModal.tsx";
import { useRoleLabels } from "./RoleBadge.tsx";
import { usePersonActions, type PersonAction } from "./usePersonActions.ts";

/** The per-person menu of the users screen: change role, deactivate, reactivate; risky ones ask first. */
export function PersonActionsMenu({ person }: { person: PersonSummary }) {
  const { t } = useTranslation("admin");
  const isSelf = useSession().data?.user.id === person.id;
  const [confirming, setConfirming] = useState<PersonAction | null>(null);
  const actions = usePersonActions(person);
  // Deactivating signs the person out everywhere; an admin changing their own role leaves this area.
  const request = (action: PersonAction) => {
    if (action.kind === "deactivate" || (isSelf && action.kind === "role")) setConfirming(action);
    else actions.mutate(action);
  };
  const roleItems: { role: NetworkRole; label: string }[] = [
    { role: "member", label: t("users.makeMember") },
    { role: "admin", label: t("users.makeAdmin") },
    { role: "guest", label: t("users.makeGuest") },
  ];
  return (
    <>
      {/* No focus placeholder: it is a non-item child of role="menu" (axe), and a menu opens on its first item. */}
      <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t("users.actionsFor", { name: person.displayName })} loading={actions.isPending}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t("users.role")}</Menu.Label>
          {roleItems
            .filter((item) => item.role !== person.role)
            .map((item) => (
              <Menu.Item key={item.role} leftSection={<IconUserCog size={16} aria-hidden />} onClick={() => request({ kind: "role", role: item.role })}>
                {item.label}
              </Menu.Item>
            ))}
          <Menu.Divider />
          {person.active ? (
            <Menu.Item c="red.9" leftSection={<IconUserOff size={16} aria-hidden />} onClick={() => request({ kind: "deactivate" })}>
              {t("users.deactivate")}
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconUserCheck size={16} aria-hidden />} onClick={() => request({ kind: "reactivate" })}>
              {t("users.reactivate")}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <PersonActionConfirm
        person={person}
        action={confirming}
        isSelf={isSelf}
        loading={actions.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={(action) => actions.mutate(action, { onSettled: () => setConfirming(null) })}
      />
    </>
  );
}

interface PersonActionConfirmProps {
  person: PersonSummary;
  action: PersonAction | null;
  isSelf: boolean;
  loading: boolean;
  onClose: () => void;
  onConfirm: (action: PersonAction) => void;
}

/** The question asked before deactivating someone, or before admins change their own role. */
function PersonActionConfirm({ person, action, isSelf, loading, onClose, onConfirm }: PersonActionConfirmProps) {
  const { t } = useTranslation("admin");
  const roleLabels = useRoleLabels();
  const name = person.displayName;
  const deactivating = action?.kind !== "role";
  let message = action?.kind === "role" ? t("users.changeOwnRoleMessage", { role: roleLabels[action.role] }) : "";
  if (deactivating) message = isSelf ? t("users.deactivateSelfMessage") : t("users.deactivateMessage", { name });
  return (
    <ConfirmModal
      opened={action !== null}
      title={deactivating ? t("users.deactivateTitle", { name }) : t("users.changeOwnRoleTitle")}
      message={message}
      confirmLabel={deactivating ? t("users.deactivate") : t("users.changeOwnRole")}
      loading={loading}
      onClose={onClose}
      onConfirm={() => action && onConfirm(action)}
    />
  );
}
