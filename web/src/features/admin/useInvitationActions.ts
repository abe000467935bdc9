import type { Invitation } from "@ruche/contracts";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";

/** Resend and revoke one invitation, with the revocation's confirmation state; outcomes are notified. */
export function useInvitationActions(invitation: Invitation) {
  const { t } = useTranslation("admin");
  const queryClient = useQueryClient();
  const [confirming, { open: askToRevoke, close: cancelRevoke }] = useDisclosure(false);
  const done = (message: string) => {
    notifySuccess(t, message);
    void queryClient.invalidateQueries({ queryKey: ["invitations"] });
  };
  const failed = (error: Error) => notifyFailure(t, t("invitations.actionFailed", { email: invitation.email }), error);
  const resend = useMutation({
    mutationFn: () => api<Invitation>("POST", `/invitations/${invitation.id}/resend`),
    onSuccess: () => done(t("invitations.resent", { email: invitation.email })),
    onError: failed,
  });
  const revoke = useMutation({
    mutationFn: () => api<null>("DELETE", `/invitations/${invitation.id}`),
    onSuccess: () => done(t("invitations.revoked", { email: invitation.email })),
    onError: failed,
    onSettled: cancelRevoke,
  });
  return { resend, revoke, confirming, askToRevoke, cancelRevoke };
}

/** Only a pending or expired invitation can be resent or revoked. */
export function isActionable(invitation: Invitation): boolean {
  return invitation.status === "pending" || invitation.status === "expired";
}
