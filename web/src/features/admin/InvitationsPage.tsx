import type { InvitationStatus } from "@ruche/contracts";
import { Select, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AdminPage } from "./AdminPage.tsx";
import { InvitationsList } from "./InvitationsList.tsx";
import { useInvitationStatusLabels } from "./InvitationStatusBadge.tsx";
import { InviteButton } from "./InviteButton.tsx";
import { EmptyList, ListError, ListSkeleton } from "./ListStates.tsx";
import { LoadMore } from "./LoadMore.tsx";
import { useInvitations } from "./useInvitations.ts";

type StatusFilter = InvitationStatus | "all";
const statuses: InvitationStatus[] = ["pending", "accepted", "revoked", "expired"];

/** /admin/invitations: every invitation, filtered by status, with resend and revoke for the live ones. */
export function InvitationsPage() {
  const { t } = useTranslation("admin");
  const labels = useInvitationStatusLabels();
  const [filter, setFilter] = useState<StatusFilter>("all");
  const invitations = useInvitations(filter === "all" ? undefined : filter);
  const items = invitations.data?.pages.flatMap((page) => page.items) ?? [];
  const options = [{ value: "all", label: t("invitations.allStatuses") }, ...statuses.map((status) => ({ value: status, label: labels[status] }))];

  return (
    <AdminPage title={t("invitations.title")} actions={<InviteButton />}>
      <Select
        label={t("invitations.filter")}
        data={options}
        value={filter}
        onChange={(value) => setFilter((value ?? "all") as StatusFilter)}
        allowDeselect={false}
        maw={260}
      />
      <Stack gap="md">
        {invitations.isPending ? <ListSkeleton /> : null}
        {invitations.isError ? <ListError error={invitations.error} /> : null}
        {invitations.isSuccess && items.length === 0 ? (
          <EmptyList message={filter === "all" ? t("invitations.empty") : t("invitations.noneWithStatus")} />
        ) : null}
        {items.length > 0 ? <InvitationsList invitations={items} /> : null}
        <LoadMore hasMore={invitations.hasNextPage} loading={invitations.isFetchingNextPage} onLoad={() => void invitations.fetchNextPage()} />
      </Stack>
    </AdminPage>
  );
}
