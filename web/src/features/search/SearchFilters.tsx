import type { SearchKind } from "@ruche/contracts";
import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { Community } from "@ruche/contracts";
import { useDebouncedCallback } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { communityKey } from "../communities/queries.ts";
import { AuthorFilter } from "./AuthorFilter.tsx";
import { useKindLabels } from "./labels.ts";
import { useFilterCommunities } from "./queries.ts";
import { contentFiltersApply, datesReversed, hasFilters, noFilters, searchKinds, type SearchState } from "./search-state.ts";

interface SearchFiltersProps {
  state: SearchState;
  onChange: (change: Partial<SearchState>) => void;
}

/** The viewer's communities, and the one chosen even when it is not theirs (from a shared link). */
function useCommunityChoices(chosenId: string) {
  const mine = useFilterCommunities().data ?? [];
  const missing = chosenId !== "" && !mine.some((community) => community.id === chosenId);
  const chosen = useQuery({
    queryKey: communityKey(chosenId),
    queryFn: () => api<Community>("GET", `/communities/${encodeURIComponent(chosenId)}`),
    enabled: missing,
    retry: false,
  });
  const all = missing && chosen.data ? [chosen.data, ...mine] : mine;
  return all.map((community) => ({ value: community.id, label: community.name }));
}

/**
 * Narrows a search by kind, community, author, topic and dates. Each filter applies at once; the
 * topic, typed letter by letter, once typing pauses.
 */
export function SearchFilters({ state, onChange }: SearchFiltersProps) {
  const { t } = useTranslation("search");
  const kinds = useKindLabels();
  const communities = useCommunityChoices(state.communityId);
  const [topic, setTopic] = useState(state.topic);
  // The topic typed follows the URL when something else changes it (removing every filter).
  const [appliedTopic, setAppliedTopic] = useState(state.topic);
  if (state.topic !== appliedTopic) {
    setAppliedTopic(state.topic);
    setTopic(state.topic);
  }
  const applyTopic = useDebouncedCallback((value: string) => onChange({ topic: value }), 400);
  const content = contentFiltersApply(state.kind);
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" fw={600} size="sm" p={0}>
        {t("filters.label")}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <Select
          label={t("filters.kind")}
          data={[{ value: "", label: t("filters.allKinds") }, ...searchKinds.map((kind) => ({ value: kind, label: kinds.plural[kind] }))]}
          value={state.kind}
          onChange={(value) => onChange({ kind: (searchKinds.find((kind) => kind === value) ?? "") as SearchKind | "" })}
          allowDeselect={false}
        />
        <Select
          label={t("filters.community")}
          placeholder={t("filters.anyCommunity")}
          data={communities}
          value={state.communityId || null}
          onChange={(value) => onChange({ communityId: value ?? "" })}
          searchable
          clearable
          clearButtonProps={{ "aria-label": t("filters.clearCommunity") }}
          nothingFoundMessage={t("filters.noCommunity")}
          disabled={!content}
        />
        <AuthorFilter authorId={state.authorId} disabled={!content} onChange={(authorId) => onChange({ authorId })} />
        <TextInput
          label={t("filters.topic")}
          placeholder={t("filters.topicPlaceholder")}
          value={topic}
          maxLength={100}
          onChange={(event) => {
            setTopic(event.currentTarget.value);
            applyTopic(event.currentTarget.value);
          }}
          disabled={!content}
        />
        <TextInput type="date" label={t("filters.from")} value={state.from} max={state.to || undefined} onChange={(event) => onChange({ from: event.currentTarget.value })} disabled={!content} />
        <TextInput
          type="date"
          label={t("filters.to")}
          value={state.to}
          min={state.from || undefined}
          onChange={(event) => onChange({ to: event.currentTarget.value })}
          error={datesReversed(state) ? t("filters.datesReversed") : undefined}
          disabled={!content}
        />
      </SimpleGrid>
      <Group justify="space-between" gap="xs">
        {content ? <span /> : <Text size="sm" c="dimmed">{t("filters.namesOnly")}</Text>}
        {hasFilters(state) ? (
          <Button variant="subtle" size="compact-sm" onClick={() => onChange(noFilters)}>
            {t("filters.clear")}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
