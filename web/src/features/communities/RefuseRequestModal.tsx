import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

interface RefuseRequestModalProps {
  name: string;
  opened: boolean;
  loading: boolean;
  onRefuse: (reason: string | null) => void;
  onClose: () => void;
}

/** Refuses a request to join, with an optional reason that the requester will read. */
export function RefuseRequestModal({ name, opened, loading, onRefuse, onClose }: RefuseRequestModalProps) {
  const { t } = useTranslation("communities");
  const [reason, setReason] = useState("");
  const close = () => {
    setReason("");
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t("requests.refuseTitle", { name })} closeButtonProps={{ "aria-label": t("common:close") }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onRefuse(reason.trim() || null);
        }}
      >
        <Stack>
          <Textarea
            label={t("requests.reason")}
            description={t("requests.reasonHint")}
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" color="red" loading={loading}>
              {t("requests.refuse")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
