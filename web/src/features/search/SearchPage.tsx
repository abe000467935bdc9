import { Alert, Button, Code, Group, Skeleton, Stack, TextInput, Title, VisuallyHidden } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { usePageTitle } from "../../components/usePageTitle.ts";
import { LoadMore } from "../admin/LoadMore.tsx";
import { itemsOf } from "../stream/feed-cache.ts";
import { NoResults } from "./NoResults.tsx";
import { SearchFilters } from "./SearchFilters.tsx";
import { SearchResult } from "./SearchResult.tsx";
import { useSearch } from "./queries.ts";
import { datesReversed, hasFilters, MAX_QUERY_LENGTH, noFilters, searchFromUrl, searchQuery, searchToUrl, type SearchState } from "./search-state.ts";

/** The words to search for; the search runs when they are sent, not at every letter. */
function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation("search");
  const [q, setQ] = useState(initial);
  return (
    <form
      role="search"
      aria-label={t("page.form")}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(q.trim());
      }}
    >
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          type="search"
          label={t("page.query")}
          description={
            <>
              {t("page.syntax")} <Code style={{ whiteSpace: "nowrap" }}>{t("page.syntaxExample")}</Code>
            </>
          }
          value={q}
          maxLength={MAX_QUERY_LENGTH}
          onChange={(event) => setQ(event.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          style={{ flex: 1 }}
        />
        <Button type="submit">{t("page.submit")}</Button>
      </Group>
    </form>
  );
}

function ResultsSkeleton() {
  const { t } = useTranslation("search");
  return (
    <Stack gap="sm" aria-busy="true">
      <VisuallyHidden role="status">{t("common:loading")}</VisuallyHidden>
      {[0, 1, 2].map((row) => (
        <Skeleton key={row} height={96} radius="md" />
      ))}
    </Stack>
  );
}

/** The results of the search in the URL, or why there are none and what to try instead. */
function SearchResults({ state, onRemoveFilters }: { state: SearchState; onRemoveFilters: () => void }) {
  const { t } = useTranslation("search");
  const reversed = datesReversed(state);
  const query = reversed ? null : searchQuery(state);
  const results = useSearch(query);
  const items = itemsOf(results.data);
  if (reversed) return <Alert color="yellow">{t("filters.datesReversed")}</Alert>;
  if (!query) return <Alert color="blue">{t("page.start")}</Alert>;
  if (results.isPending) return <ResultsSkeleton />;
  if (results.isError && items.length === 0) {
    // Only excluded words (`-train`): not a failure, a query to complete.
    if (results.error instanceof ApiError && results.error.code === "search_query_empty") {
      return (
        <Alert color="blue" role="status" title={t("page.nothingToSearch")}>
          {t("page.nothingToSearchHelp")}
        </Alert>
      );
    }
    return (
      <Alert color="red" role="alert" title={t("page.loadFailed")}>
        {errorMessage(results.error, t)}
      </Alert>
    );
  }
  if (items.length === 0) return <NoResults query={query.q} filtered={hasFilters(state)} onRemoveFilters={onRemoveFilters} />;
  return (
    <Stack gap="sm">
      <VisuallyHidden role="status">{t("page.shown", { count: items.length })}</VisuallyHidden>
      <Stack component="ul" gap="sm" aria-label={t("page.results", { query: query.q })} style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {items.map((hit) => (
          <li key={`${hit.kind}:${hit.id}`}>
            <SearchResult hit={hit} />
          </li>
        ))}
      </Stack>
      {results.isFetchNextPageError ? (
        <Alert color="red" role="alert" title={t("page.loadMoreFailed")}>
          {errorMessage(results.error, t)}
        </Alert>
      ) : null}
      <LoadMore hasMore={results.hasNextPage} loading={results.isFetchingNextPage} onLoad={() => void results.fetchNextPage()} />
    </Stack>
  );
}

/**
 * `/search?q=...`: the words, the filters and the results, all in the URL so a search can be
 * shared, bookmarked and gone back to. New words add to the history; a filter replaces the entry.
 */
export function SearchPage() {
  const { t } = useTranslation("search");
  const [params, setParams] = useSearchParams();
  const state = searchFromUrl(params);
  const words = state.q.trim();
  usePageTitle(words ? t("page.titleFor", { query: words }) : t("page.title"));
  const update = (change: Partial<SearchState>) => setParams(searchToUrl({ ...state, ...change }), { replace: true });
  return (
    <Stack maw={960} gap="md">
      <Title order={1}>{t("page.title")}</Title>
      {/* Keyed by the words in the URL: a search from the header refills the box. */}
      <SearchForm key={state.q} initial={state.q} onSearch={(q) => setParams(searchToUrl({ ...state, q }))} />
      <SearchFilters state={state} onChange={update} />
      <SearchResults state={state} onRemoveFilters={() => update(noFilters)} />
    </Stack>
  );
}
