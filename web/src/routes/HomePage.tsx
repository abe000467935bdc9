import { Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSession } from "../api/session.ts";
import { GuestHome } from "../features/communities/GuestHome.tsx";
import { HomeStream } from "../features/stream/HomeStream.tsx";

/** Where a signed-in person lands: the stream of their communities; guests see their communities first, then their stream. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  if (user?.role === "guest") {
    return (
      <Stack gap="xl" maw={1200}>
        <GuestHome />
        <HomeStream />
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t("home.welcome", { name: user?.displayName ?? "" })}</Title>
      <HomeStream />
    </Stack>
  );
}
