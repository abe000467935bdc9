import type { Community } from "@ruche/contracts";
import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

interface RequestToJoinModalProps {
  community: Community;
  opened: boolean;
  loading: boolean;
  onSend: (message: string | null) => void;
  onClose: () => void;
}

/** Asks to join a closed community, with an optional word for its managers. */
export function RequestToJoinModal({ community, opened, loading, onSend, onClose }: RequestToJoinModalProps) {
  const { t } = useTranslation("communities");
  const [message, setMessage] = useState("");
  const close = () => {
    setMessage("");
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t("request.title", { name: community.name })} closeButtonProps={{ "aria-label": t("common:close") }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSend(message.trim() || null);
        }}
      >
        <Stack>
          <Text size="sm">{t("request.intro")}</Text>
          <Textarea
            label={t("request.message")}
            description={t("request.messageHint")}
            autosize
            minRows={3}
            maxLength={1000}
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" loading={loading}>
              {t("request.send")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
