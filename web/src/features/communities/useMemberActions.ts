import type { Community, CommunityMember } from "@ruche/contracts";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import type { MemberAction } from "./member-actions.ts";
import { useCommunitiesChanged } from "./queries.ts";

function callFor(community: Community, member: CommunityMember, action: MemberAction): Promise<unknown> {
  const base = `/communities/${community.id}`;
  const userId = member.person.id;
  switch (action) {
    case "makeManager":
      return api("PATCH", `${base}/members/${userId}`, { body: { role: "manager" } });
    case "makeMember":
      return api("PATCH", `${base}/members/${userId}`, { body: { role: "member" } });
    case "makeOwner":
      return api("PATCH", `${base}/members/${userId}`, { body: { role: "owner" } });
    case "transferOwnership":
      return api("POST", `${base}/transfer-ownership`, { body: { userId } });
    case "remove":
      return api("DELETE", `${base}/members/${userId}`);
  }
}

/** A manager's actions on one member (roles, ownership, removal); the outcome is notified and the lists refreshed. */
export function useMemberActions(community: Community, member: CommunityMember) {
  const { t } = useTranslation("communities");
  const communitiesChanged = useCommunitiesChanged();
  const name = member.person.displayName;
  const successMessages: Record<MemberAction, string> = {
    makeManager: t("members.done.makeManager", { name }),
    makeMember: t("members.done.makeMember", { name }),
    makeOwner: t("members.done.makeOwner", { name }),
    transferOwnership: t("members.done.transferOwnership", { name }),
    remove: t("members.done.remove", { name }),
  };
  return useMutation({
    mutationFn: (action: MemberAction) => callFor(community, member, action),
    onSuccess: async (_result, action) => {
      notifySuccess(t, successMessages[action]);
      await communitiesChanged();
    },
    onError: (error) => notifyFailure(t, t("members.failed", { name }), error),
  });
}
