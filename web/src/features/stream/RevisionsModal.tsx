import type { PostRevisions } from "@ruche/contracts";
import { Modal, Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ListError, ListSkeleton } from "../admin/ListStates.tsx";
import { withoutMentionMarkup } from "./autocomplete.ts";
import { streamKey } from "./queries.ts";
import { TimeAgo } from "./TimeAgo.tsx";

/** A post's earlier versions, newest first, as written (Markdown shown as plain text, mentions as names). */
export function RevisionsModal({ postId, onClose }: { postId: string; onClose: () => void }) {
  const { t } = useTranslation("stream");
  const revisions = useQuery({
    queryKey: [...streamKey, "revisions", postId],
    queryFn: () => api<PostRevisions>("GET", `/posts/${postId}/revisions`),
  });
  const items = [...(revisions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Modal opened onClose={onClose} title={t("revisions.title")} size="lg" closeButtonProps={{ "aria-label": t("common:close") }} centered>
      {revisions.isPending ? <ListSkeleton /> : null}
      {revisions.isError ? <ListError error={revisions.error} /> : null}
      <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("revisions.title")}>
        {items.map((revision) => (
          <Stack component="li" key={revision.version} gap={4}>
            <Text size="sm" fw={600}>
              {t("revisions.version", { version: revision.version })}
              {revision.editedBy ? ` · ${revision.editedBy.displayName}` : ""} · <TimeAgo timestamp={revision.createdAt} />
            </Text>
            <Paper withBorder p="sm" bg="gray.0">
              <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {withoutMentionMarkup(revision.body)}
              </Text>
            </Paper>
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
