import type { ReactionKind } from "@ruche/contracts";
import { useTranslation } from "react-i18next";

/** The reactions' names in the user's language (literal keys, so the catalogue test sees them). */
export function useReactionLabels(): Record<ReactionKind, string> {
  const { t } = useTranslation("stream");
  return {
    like: t("reactions.kinds.like"),
    celebrate: t("reactions.kinds.celebrate"),
    support: t("reactions.kinds.support"),
    insightful: t("reactions.kinds.insightful"),
    curious: t("reactions.kinds.curious"),
  };
}

/** What a toggle on a post did, or failed to do, by action and direction. */
export function useToggleMessages() {
  const { t } = useTranslation("stream");
  return {
    done: {
      bookmark: { on: t("actions.bookmarked"), off: t("actions.unbookmarked") },
      follow: { on: t("actions.followed"), off: t("actions.unfollowed") },
      pin: { on: t("actions.pinned"), off: t("actions.unpinned") },
    },
    failed: {
      bookmark: { on: t("actions.bookmarkFailed"), off: t("actions.unbookmarkFailed") },
      follow: { on: t("actions.followFailed"), off: t("actions.unfollowFailed") },
      pin: { on: t("actions.pinFailed"), off: t("actions.unpinFailed") },
    },
  };
}
