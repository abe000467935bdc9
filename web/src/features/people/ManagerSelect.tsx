import type { PeoplePage, PersonSummary } from "@ruche/contracts";
import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { peopleKey } from "./queries.ts";

interface ManagerSelectProps {
  value: string | null;
  onChange: (managerId: string | null) => void;
  error?: string | undefined;
  /** The person being edited, who cannot be their own manager. */
  selfId: string;
  /** Their manager as saved, so the field shows a name before any search. */
  current: PersonSummary | null;
}

/** Eligible managers: active members and admins (guests cannot manage). */
const eligible = (person: PersonSummary, selfId: string) => person.active && person.role !== "guest" && person.id !== selfId;

/** Picks a manager by searching the directory; the field shows names and can be cleared. */
export function ManagerSelect({ value, onChange, error, selfId, current }: ManagerSelectProps) {
  const { t } = useTranslation("people");
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    queryKey: [...peopleKey, "managers", debounced],
    queryFn: () => api<PeoplePage>("GET", "/people", { query: { q: debounced, limit: 20 } }),
    placeholderData: keepPreviousData,
  });
  const known = [chosen, current, ...(results.data?.items ?? [])].filter((person): person is PersonSummary => person !== null);
  const options = new Map(known.filter((person) => eligible(person, selfId) || person.id === value).map((person) => [person.id, person]));
  const data = [...options.values()].map((person) => ({ value: person.id, label: person.displayName }));
  return (
    <Select
      label={t("fields.manager")}
      placeholder={t("fields.managerPlaceholder")}
      searchable
      clearable
      clearButtonProps={{ "aria-label": t("fields.managerClear") }}
      searchValue={search}
      onSearchChange={setSearch}
      // The API already searched (ignoring case and accents): show its answer as it is.
      filter={({ options: shown }) => shown}
      nothingFoundMessage={results.isFetching ? t("fields.managerSearching") : t("fields.managerNone")}
      data={data}
      value={value}
      onChange={(id) => {
        setChosen(id ? (options.get(id) ?? null) : null);
        onChange(id);
      }}
      error={error}
    />
  );
}
