import type { InvitationPreview } from "@ruche/contracts";
import { Center, Loader, Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { AcceptInvitationForm } from "./AcceptInvitationForm.tsx";
import { LinkProblem } from "./LinkProblem.tsx";
import { LoginLink } from "./LoginLink.tsx";
import { missingToken } from "./linkProblems.ts";
import { usePageTitle } from "../../components/usePageTitle.ts";

/** An invitation link: who invites whom where, then a name and password to create the account. */
export function AcceptInvitationPage() {
  const { t } = useTranslation("auth");
  usePageTitle(t("invitation.title"));
  const token = useSearchParams()[0].get("token") ?? "";
  const preview = useQuery({
    queryKey: ["invitation-preview", token],
    queryFn: () => api<InvitationPreview>("GET", "/invitations/preview", { query: { token } }),
    enabled: token !== "",
    // A link's answer does not change by asking again; accepting it would only make it "used".
    retry: false,
    staleTime: Infinity,
  });

  if (preview.data) return <AcceptInvitationForm token={token} preview={preview.data} />;
  const error = token ? preview.error : missingToken;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t("invitation.title")}
      </Title>
      {error ? (
        <>
          <LinkProblem error={error} title={t("invitation.unusable")} advice={t("invitation.unusableAdvice")} />
          <LoginLink />
        </>
      ) : (
        <Center py="lg">
          <Loader aria-label={t("common:loading")} />
        </Center>
      )}
    </Stack>
  );
}
