import { SimpleGrid, Stack, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import type { ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import type { DirectoryFilters } from "./directory-filters.ts";

interface Props {
  filters: DirectoryFilters;
  onChange: (filters: DirectoryFilters) => void;
}

/** The directory's search box and its three filters. */
export function DirectoryFilterFields({ filters, onChange }: Props) {
  const { t } = useTranslation("people");
  const set = (name: keyof DirectoryFilters) => (event: ChangeEvent<HTMLInputElement>) => onChange({ ...filters, [name]: event.currentTarget.value });
  return (
    <Stack gap="sm" role="search">
      <TextInput
        type="search"
        label={t("directory.search")}
        placeholder={t("directory.searchPlaceholder")}
        leftSection={<IconSearch size={16} aria-hidden />}
        maxLength={200}
        value={filters.q}
        onChange={set("q")}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label={t("fields.department")} maxLength={120} value={filters.department} onChange={set("department")} />
        <TextInput label={t("fields.location")} maxLength={120} value={filters.location} onChange={set("location")} />
        <TextInput label={t("directory.skill")} maxLength={60} value={filters.skill} onChange={set("skill")} />
      </SimpleGrid>
    </Stack>
  );
}
