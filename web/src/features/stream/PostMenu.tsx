import type { Post } from "@ruche/contracts";
import { ActionIcon, Menu } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconDots, IconPencil, IconPin, IconPinnedOff, IconShare3, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "../admin/ConfirmModal.tsx";
import { ShareModal } from "./ShareModal.tsx";
import { usePostActions } from "./usePostActions.ts";

/** The post's menu: edit, pin or unpin, share, delete (after confirming), as the post's permissions allow. */
export function PostMenu({ post, onEdit }: { post: Post; onEdit: () => void }) {
  const { t } = useTranslation("stream");
  const actions = usePostActions(post);
  const [confirming, confirm] = useDisclosure();
  const [sharing, share] = useDisclosure();
  const { can } = post;
  if (post.deletedAt || !(can.edit || can.pin || can.share || can.delete)) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t("menu.label")}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {can.edit ? (
            <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
              {t("menu.edit")}
            </Menu.Item>
          ) : null}
          {can.pin ? (
            <Menu.Item
              leftSection={post.pinned ? <IconPinnedOff size={16} aria-hidden /> : <IconPin size={16} aria-hidden />}
              onClick={() => actions.toggle.mutate({ action: "pin", on: !post.pinned })}
            >
              {post.pinned ? t("menu.unpin") : t("menu.pin")}
            </Menu.Item>
          ) : null}
          {can.share ? (
            <Menu.Item leftSection={<IconShare3 size={16} aria-hidden />} onClick={share.open}>
              {t("menu.share")}
            </Menu.Item>
          ) : null}
          {can.delete ? (
            <Menu.Item color="red.9" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirm.open}>
              {t("menu.delete")}
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={confirming}
        title={t("delete.title")}
        message={t("delete.message")}
        confirmLabel={t("delete.confirm")}
        loading={actions.remove.isPending}
        onConfirm={() => actions.remove.mutate(undefined, { onSuccess: confirm.close })}
        onClose={confirm.close}
      />
      {sharing ? <ShareModal post={post} onClose={share.close} /> : null}
    </>
  );
}
