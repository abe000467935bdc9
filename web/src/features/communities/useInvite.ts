import type { CommunityInvitation, CreateCommunityInvitationBody } from "@ruche/contracts";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { applyApiError } from "../../api/errors.ts";
import { notifySuccess } from "../../components/notify.tsx";
import { useCommunitiesChanged } from "./queries.ts";

interface InviteForm {
  setFieldError(path: string, message: string): void;
}

/**
 * Sends one invitation into a community. A refusal (already a member, already invited, guests only
 * in external communities...) shows under `field`, the one the inviter filled in.
 */
export function useInvite(input: { communityId: string; form: InviteForm; field: "userId" | "email"; onSent: () => void }) {
  const { t } = useTranslation("communities");
  const communitiesChanged = useCommunitiesChanged();
  return useMutation({
    mutationFn: (body: CreateCommunityInvitationBody) => api<CommunityInvitation>("POST", `/communities/${input.communityId}/invitations`, { body }),
    onSuccess: async (invitation) => {
      const who = invitation.person?.displayName ?? invitation.email ?? "";
      notifySuccess(t, invitation.guest ? t("invitations.sentToGuest", { who }) : t("invitations.sent", { who }));
      input.onSent();
      await communitiesChanged();
    },
    onError: (error) => {
      const message = applyApiError(input.form, error, t, [input.field, "role"]);
      if (message) input.form.setFieldError(input.field, message);
    },
  });
}
