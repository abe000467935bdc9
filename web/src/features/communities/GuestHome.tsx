import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSession } from "../../api/session.ts";
import { DirectoryResults } from "./DirectoryResults.tsx";
import { defaultDirectory } from "./directory-view.ts";
import { useInvitationCount } from "./queries.ts";

/** Where a guest lands: the invitations awaiting them, then the communities they belong to, which are all they see. */
export function GuestHome() {
  const { t } = useTranslation("communities");
  const user = useSession().data?.user;
  const invitations = useInvitationCount();
  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1}>{t("common:home.welcome", { name: user?.displayName ?? "" })}</Title>
      <Text>{t("guestHome.intro")}</Text>
      {invitations ? <DirectoryResults applied={{ ...defaultDirectory, view: "invited" }} guest /> : null}
      <DirectoryResults applied={{ ...defaultDirectory, view: "mine" }} guest />
    </Stack>
  );
}
