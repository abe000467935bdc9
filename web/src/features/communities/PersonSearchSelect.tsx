import type { PeoplePage, PersonSummary } from "@ruche/contracts";
import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { peopleKey } from "../people/queries.ts";

interface PersonSearchSelectProps {
  label: string;
  value: string | null;
  onChange: (personId: string | null) => void;
  error?: string | undefined;
}

/** Picks an active person by searching the directory by name; the API does the matching. */
export function PersonSearchSelect({ label, value, onChange, error }: PersonSearchSelectProps) {
  const { t } = useTranslation("communities");
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    queryKey: [...peopleKey, "search", debounced],
    queryFn: () => api<PeoplePage>("GET", "/people", { query: { q: debounced, limit: 10 } }),
    enabled: debounced !== "",
    placeholderData: keepPreviousData,
  });
  const found = (results.data?.items ?? []).filter((person) => person.active);
  const options = new Map([...(chosen ? [chosen] : []), ...found].map((person) => [person.id, person]));
  const describe = (person: PersonSummary) => [person.displayName, person.jobTitle].filter(Boolean).join(" · ");
  return (
    <Select
      label={label}
      placeholder={t("invitations.personPlaceholder")}
      searchable
      clearable
      clearButtonProps={{ "aria-label": t("invitations.personClear") }}
      searchValue={search}
      onSearchChange={setSearch}
      // The API already searched (ignoring case and accents): show its answer as it is.
      filter={({ options: shown }) => shown}
      nothingFoundMessage={debounced === "" ? t("invitations.personTypeToSearch") : results.isFetching ? t("invitations.personSearching") : t("invitations.personNone")}
      data={[...options.values()].map((person) => ({ value: person.id, label: describe(person) }))}
      value={value}
      onChange={(id) => {
        setChosen(id ? (options.get(id) ?? null) : null);
        onChange(id);
      }}
      error={error}
    />
  );
}
