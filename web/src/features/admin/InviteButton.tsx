import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconUserPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { InviteModal } from "./InviteModal.tsx";

/** The "Invite" button of the users and invitations screens, with its modal. */
export function InviteButton() {
  const { t } = useTranslation("admin");
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={open}>
        {t("invite.open")}
      </Button>
      <InviteModal opened={opened} onClose={close} />
    </>
  );
}
