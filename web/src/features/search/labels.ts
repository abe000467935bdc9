import type { SearchHit, SearchKind } from "@ruche/contracts";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

/** The kinds of result in the user's language: plural for the filter, singular for a result's badge. */
export function useKindLabels(): { plural: Record<SearchKind, string>; singular: Record<SearchKind, string> } {
  const { t } = useTranslation("search");
  return {
    plural: {
      post: t("kinds.post"),
      comment: t("kinds.comment"),
      file: t("kinds.file"),
      person: t("kinds.person"),
      community: t("kinds.community"),
      topic: t("kinds.topic"),
    },
    singular: {
      post: t("kind.post"),
      comment: t("kind.comment"),
      file: t("kind.file"),
      person: t("kind.person"),
      community: t("kind.community"),
      topic: t("kind.topic"),
    },
  };
}

/**
 * What a result without a name of its own (a post, a comment) is called in its link: whose post
 * or comment it is. Others are called by their name, which the search may have highlighted.
 */
export function untitledHitName(hit: SearchHit, t: TFunction): string {
  const author = hit.author?.displayName;
  if (hit.kind === "comment") return author ? t("search:hit.comment", { author }) : t("search:hit.commentByFormer");
  return author ? t("search:hit.post", { author }) : t("search:hit.postByFormer");
}
