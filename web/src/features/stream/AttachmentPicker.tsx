import "@mantine/dropzone/styles.css";
import { MAX_ATTACHMENTS } from "@ruche/contracts";
import { ActionIcon, Button, Group, Progress, Stack, Text } from "@mantine/core";
import { Dropzone } from "@mantine/dropzone";
import { IconAlertTriangle, IconCheck, IconPaperclip, IconUpload, IconX } from "@tabler/icons-react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors.ts";
import { formatBytes } from "./format.ts";
import type { Upload } from "./useUploads.ts";

function UploadStatus({ upload }: { upload: Upload }) {
  const { t } = useTranslation("stream");
  if (upload.status === "failed") {
    return (
      <Group gap={4} wrap="nowrap">
        <IconAlertTriangle size={14} color="var(--mantine-color-red-9)" aria-hidden />
        <Text size="xs" c="red.9">
          {errorMessage(upload.error, t)}
        </Text>
      </Group>
    );
  }
  if (upload.status === "done") {
    return (
      <Group gap={4} wrap="nowrap">
        <IconCheck size={14} color="var(--mantine-color-green-9)" aria-hidden />
        <Text size="xs" c="dimmed">
          {t("attachments.uploaded")}
        </Text>
      </Group>
    );
  }
  const percent = Math.round(upload.progress * 100);
  return <Progress value={percent} size="sm" aria-label={t("attachments.uploading", { name: upload.name, percent })} animated />;
}

function UploadRow({ upload, onRemove }: { upload: Upload; onRemove: () => void }) {
  const { t, i18n } = useTranslation("stream");
  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="sm">
      <Stack gap={2} miw={0} flex={1}>
        <Text size="sm" truncate="end">
          {upload.name}{" "}
          <Text span size="xs" c="dimmed">
            {formatBytes(upload.byteSize, i18n.language)}
          </Text>
        </Text>
        <UploadStatus upload={upload} />
      </Stack>
      <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t("attachments.remove", { name: upload.name })}>
        <IconX size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

interface AttachmentPickerProps {
  uploads: Upload[];
  onAdd: (files: File[]) => void;
  onRemove: (key: string) => void;
}

/**
 * Files for a post: dropped on the zone or chosen with the button (the zone itself is not a
 * keyboard stop; the button is), each listed with its upload's progress and a way to remove it.
 */
export function AttachmentPicker({ uploads, onAdd, onRemove }: AttachmentPickerProps) {
  const { t } = useTranslation("stream");
  const openPicker = useRef<() => void>(null);
  const full = uploads.length >= MAX_ATTACHMENTS;
  return (
    <Stack gap="xs">
      <Dropzone
        onDrop={onAdd}
        openRef={openPicker}
        activateOnClick={false}
        activateOnKeyboard={false}
        disabled={full}
        p="sm"
        inputProps={{ "aria-label": t("attachments.choose") }}
      >
        <Group justify="center" gap="sm" mih={40} style={{ pointerEvents: "none" }}>
          <Dropzone.Accept>
            <IconUpload size={20} aria-hidden />
          </Dropzone.Accept>
          <Dropzone.Idle>
            <IconPaperclip size={20} aria-hidden />
          </Dropzone.Idle>
          <Text size="sm" c="dimmed">
            {full ? t("attachments.full", { count: MAX_ATTACHMENTS }) : t("attachments.dropHere")}
          </Text>
          <Button size="xs" variant="default" onClick={() => openPicker.current?.()} disabled={full} style={{ pointerEvents: "all" }}>
            {t("attachments.choose")}
          </Button>
        </Group>
      </Dropzone>
      {uploads.length > 0 ? (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("attachments.list")}>
          {uploads.map((upload) => (
            <UploadRow key={upload.key} upload={upload} onRemove={() => onRemove(upload.key)} />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
