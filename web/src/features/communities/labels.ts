import type { CommunityKind, CommunityRole, CommunityVisibility, PostingPolicy } from "@ruche/contracts";
import { useTranslation } from "react-i18next";

/** The names of kinds, visibilities, roles and posting policies in the user's language (literal keys, so the catalogue test sees them). */
export function useCommunityLabels() {
  const { t } = useTranslation("communities");
  const kind: Record<CommunityKind, string> = {
    company: t("kinds.company"),
    interest: t("kinds.interest"),
    profession: t("kinds.profession"),
    project: t("kinds.project"),
    external: t("kinds.external"),
  };
  const visibility: Record<CommunityVisibility, string> = {
    public: t("visibility.public"),
    closed: t("visibility.closed"),
    secret: t("visibility.secret"),
  };
  const visibilityHelp: Record<CommunityVisibility, string> = {
    public: t("visibility.publicHelp"),
    closed: t("visibility.closedHelp"),
    secret: t("visibility.secretHelp"),
  };
  const role: Record<CommunityRole, string> = { owner: t("roles.owner"), manager: t("roles.manager"), member: t("roles.member") };
  const postingPolicy: Record<PostingPolicy, string> = { all: t("posting.all"), managers: t("posting.managers") };
  return { kind, visibility, visibilityHelp, role, postingPolicy };
}
