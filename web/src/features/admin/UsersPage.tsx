import { Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AdminPage } from "./AdminPage.tsx";
import { InviteButton } from "./InviteButton.tsx";
import { EmptyList, ListError, ListSkeleton } from "./ListStates.tsx";
import { LoadMore } from "./LoadMore.tsx";
import { PeopleList } from "./PeopleList.tsx";
import { useAdminPeople } from "./useAdminPeople.ts";

/** /admin/users: everyone, deactivated accounts included, with their role, status and an actions menu each. */
export function UsersPage() {
  const { t } = useTranslation("admin");
  const [search, setSearch] = useState("");
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const people = useAdminPeople(debouncedSearch);
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <AdminPage title={t("users.title")} actions={<InviteButton />}>
      <TextInput
        type="search"
        label={t("users.search")}
        placeholder={t("users.searchPlaceholder")}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
      />
      <Stack gap="md">
        {people.isPending ? <ListSkeleton /> : null}
        {people.isError ? <ListError error={people.error} /> : null}
        {people.isSuccess && items.length === 0 ? <EmptyList message={debouncedSearch ? t("users.noMatch") : t("users.empty")} /> : null}
        {items.length > 0 ? <PeopleList people={items} /> : null}
        <LoadMore hasMore={people.hasNextPage} loading={people.isFetchingNextPage} onLoad={() => void people.fetchNextPage()} />
      </Stack>
    </AdminPage>
  );
}
