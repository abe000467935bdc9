import type { Announcement, AnnouncementReadersPage } from "@ruche/contracts";
import { Button, Group, Modal, Stack, Tabs } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconEye } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { EmptyList, ListError, ListSkeleton } from "../admin/ListStates.tsx";
import { LoadMore } from "../admin/LoadMore.tsx";
import { PersonLink } from "../people/PersonLink.tsx";
import { streamKey } from "./queries.ts";
import { TimeAgo } from "./TimeAgo.tsx";

/** One side of the receipts: who has read the announcement, or who has not yet. */
function Readers({ postId, read }: { postId: string; read: boolean }) {
  const { t } = useTranslation("stream");
  const readers = useInfiniteQuery({
    queryKey: [...streamKey, "readers", postId, read],
    queryFn: ({ pageParam }) => api<AnnouncementReadersPage>("GET", `/posts/${postId}/readers`, { query: { read, cursor: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = readers.data?.pages.flatMap((page) => page.items) ?? [];
  if (readers.isPending) return <ListSkeleton />;
  if (readers.isError) return <ListError error={readers.error} />;
  if (items.length === 0) return <EmptyList message={read ? t("receipts.nobodyYet") : t("receipts.everybody")} />;
  return (
    <Stack gap="sm">
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label={read ? t("receipts.read") : t("receipts.unread")}>
        {items.map((reader) => (
          <Group component="li" key={reader.person.id} justify="space-between" wrap="nowrap">
            <PersonLink person={reader.person} />
            {reader.acknowledgedAt ? <TimeAgo timestamp={reader.acknowledgedAt} /> : null}
          </Group>
        ))}
      </Stack>
      <LoadMore hasMore={readers.hasNextPage} loading={readers.isFetchingNextPage} onLoad={() => void readers.fetchNextPage()} />
    </Stack>
  );
}

/**
 * "x of y read" under an announcement, for its author, the community's managers and admins:
 * opens who has read it and who has not.
 */
export function ReadReceipts({ postId, announcement }: { postId: string; announcement: Announcement }) {
  const { t } = useTranslation("stream");
  const [opened, modal] = useDisclosure();
  const [tab, setTab] = useState<string | null>("read");
  if (announcement.readCount === null || announcement.audienceCount === null) return null;
  return (
    <>
      <Button variant="subtle" size="compact-sm" leftSection={<IconEye size={14} aria-hidden />} onClick={modal.open} w="fit-content">
        {t("receipts.summary", { count: announcement.readCount, total: announcement.audienceCount })}
      </Button>
      <Modal opened={opened} onClose={modal.close} title={t("receipts.title")} closeButtonProps={{ "aria-label": t("common:close") }} centered>
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List grow aria-label={t("receipts.title")}>
            <Tabs.Tab value="read">{t("receipts.read")}</Tabs.Tab>
            <Tabs.Tab value="unread">{t("receipts.unread")}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="read" pt="md">
            <Readers postId={postId} read />
          </Tabs.Panel>
          <Tabs.Panel value="unread" pt="md">
            <Readers postId={postId} read={false} />
          </Tabs.Panel>
        </Tabs>
      </Modal>
    </>
  );
}
