import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useSession } from "../api/session.ts";
import { GuestHome } from "../features/communities/GuestHome.tsx";

/** Where a signed-in person lands (guests: their communities); the stream replaces it when posts arrive. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  if (user?.role === "guest") return <GuestHome />;
  return (
    <Stack>
      <Title order={1}>{t("home.welcome", { name: user?.displayName ?? "" })}</Title>
      <Text>{t("home.intro")}</Text>
      <Anchor component={Link} to="/communities">
        {t("nav.communities")}
      </Anchor>
      <Anchor component={Link} to="/people">
        {t("nav.people")}
      </Anchor>
    </Stack>
  );
}
