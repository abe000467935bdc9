import type { Community } from "@ruche/contracts";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { useCommunitiesChanged } from "./queries.ts";

/** A step the viewer takes in or out of a community. */
export type MembershipChange =
  | { kind: "join" }
  | { kind: "leave" }
  | { kind: "request"; message: string | null }
  | { kind: "withdraw"; requestId: string }
  | { kind: "accept"; invitationId: string }
  | { kind: "decline"; invitationId: string };

function callFor(communityId: string, change: MembershipChange): Promise<unknown> {
  const base = `/communities/${communityId}`;
  switch (change.kind) {
    case "join":
    case "leave":
      return api("POST", `${base}/${change.kind}`);
    case "request":
      return api("POST", `${base}/requests`, { body: change.message ? { message: change.message } : {} });
    case "withdraw":
      return api("DELETE", `${base}/requests/${change.requestId}`);
    case "accept":
    case "decline":
      return api("POST", `${base}/invitations/${change.invitationId}/${change.kind}`);
  }
}

/**
 * Joins, leaves, asks, withdraws, accepts or declines, then refreshes the communities screens and
 * says what happened. `onHidden` runs when the step takes the community out of the viewer's
 * sight (leaving or declining a secret community), so its page can move elsewhere.
 */
export function useMembershipChange(community: Community, options: { onHidden?: () => void | Promise<void> } = {}) {
  const { t } = useTranslation("communities");
  const communitiesChanged = useCommunitiesChanged();
  const name = community.name;
  const successMessages: Record<MembershipChange["kind"], string> = {
    join: t("membership.joined", { name }),
    leave: t("membership.left", { name }),
    request: t("membership.requested", { name }),
    withdraw: t("membership.withdrawn", { name }),
    accept: t("membership.accepted", { name }),
    decline: t("membership.declined", { name }),
  };
  return useMutation({
    mutationFn: (change: MembershipChange) => callFor(community.id, change),
    onSuccess: async (_result, change) => {
      notifySuccess(t, successMessages[change.kind]);
      const hidden = community.visibility === "secret" && (change.kind === "leave" || change.kind === "decline");
      if (hidden) await options.onHidden?.();
      await communitiesChanged();
    },
    onError: (error) => notifyFailure(t, t("membership.failed", { name }), error),
  });
}
