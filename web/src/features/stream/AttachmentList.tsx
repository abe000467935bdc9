import type { Attachment } from "@ruche/contracts";
import { Anchor, Group, Image, Modal, SimpleGrid, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconFile } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatBytes } from "./format.ts";

/** An image in full, over the page, with its download link. */
function ImageViewer({ image, onClose }: { image: Attachment; onClose: () => void }) {
  const { t } = useTranslation("stream");
  return (
    <Modal opened onClose={onClose} title={image.name} size="auto" closeButtonProps={{ "aria-label": t("common:close") }} centered>
      <Stack>
        <Image src={image.url} alt={image.name} maw="min(90vw, 1200px)" mah="75vh" fit="contain" />
        <Anchor href={image.url} download={image.name}>
          {t("attachments.download", { name: image.name })}
        </Anchor>
      </Stack>
    </Modal>
  );
}

function FileRow({ file }: { file: Attachment }) {
  const { i18n } = useTranslation("stream");
  return (
    <Group component="li" gap="sm" wrap="nowrap">
      <IconFile size={20} aria-hidden />
      <Stack gap={0} miw={0}>
        <Anchor href={file.url} download={file.name} size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
          {file.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {formatBytes(file.byteSize, i18n.language)}
        </Text>
      </Stack>
    </Group>
  );
}

/**
 * A post's or comment's attachments: images as thumbnails that open the image, other files as
 * download links with their size. Every link goes through the API, which checks the reader may
 * see the post.
 */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation("stream");
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const images = attachments.filter((attachment) => attachment.kind === "image");
  const files = attachments.filter((attachment) => attachment.kind === "file");
  if (attachments.length === 0) return null;
  return (
    <Stack gap="sm">
      {images.length > 0 ? (
        <SimpleGrid component="ul" cols={{ base: 2, sm: images.length === 1 ? 1 : 3 }} spacing="xs" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("attachments.images")}>
          {images.map((image) => (
            <li key={image.id}>
              <UnstyledButton onClick={() => setViewing(image)} aria-label={t("attachments.open", { name: image.name })} display="block" w="100%">
                {images.length === 1 ? (
                  <Image src={image.thumbnailUrl ?? image.url} alt="" radius="sm" mah={320} w="auto" maw="100%" fit="contain" />
                ) : (
                  <Image src={image.thumbnailUrl ?? image.url} alt="" radius="sm" h={140} fit="cover" />
                )}
              </UnstyledButton>
            </li>
          ))}
        </SimpleGrid>
      ) : null}
      {files.length > 0 ? (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("attachments.files")}>
          {files.map((file) => (
            <FileRow key={file.id} file={file} />
          ))}
        </Stack>
      ) : null}
      {viewing ? <ImageViewer image={viewing} onClose={() => setViewing(null)} /> : null}
    </Stack>
  );
}
