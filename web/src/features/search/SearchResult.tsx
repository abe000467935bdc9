import type { SearchHit } from "@ruche/contracts";
import { Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { TimeAgo } from "../stream/TimeAgo.tsx";
import { HighlightedText } from "./HighlightedText.tsx";
import { untitledHitName, useKindLabels } from "./labels.ts";
import { hitTarget } from "./targets.ts";

/** Names have no date worth showing: when a person or a topic was first indexed means nothing to a reader. */
const dated = new Set<SearchHit["kind"]>(["post", "comment", "file"]);

/**
 * One result: its kind, where and when, a link named after it (the words found marked), and the
 * excerpt where the words were found.
 */
export function SearchResult({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation("search");
  const kinds = useKindLabels();
  const titled = hit.title.some((piece) => piece.text.trim() !== "");
  const place = hit.kind !== "community" && hit.community ? hit.community.name : null;
  return (
    <Paper withBorder radius="md" p="md" component="article">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color="gray" size="sm">
            {kinds.singular[hit.kind]}
          </Badge>
          {place ? (
            <Text size="sm" c="dimmed">
              {t("hit.in", { community: place })}
            </Text>
          ) : null}
          {dated.has(hit.kind) ? <TimeAgo timestamp={hit.createdAt} /> : null}
        </Group>
        <Anchor component={Link} to={hitTarget(hit)} fw={600}>
          {titled ? <HighlightedText pieces={hit.title} /> : untitledHitName(hit, t)}
        </Anchor>
        {hit.excerpt.length > 0 ? (
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            <HighlightedText pieces={hit.excerpt} />
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
