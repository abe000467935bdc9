import { Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnnouncementBanners } from "./AnnouncementBanners.tsx";
import { Composer } from "./Composer.tsx";
import { PostFeed } from "./PostFeed.tsx";

/**
 * The home page's stream: unread announcements first, then the composer, then the posts of the
 * viewer's communities, of the people and topics they follow, newest first.
 */
export function HomeStream() {
  const { t } = useTranslation("stream");
  return (
    <Stack gap="lg">
      <AnnouncementBanners />
      <Composer />
      <Stack gap="sm" component="section" aria-labelledby="home-feed-heading">
        <Title order={2} size="h3" id="home-feed-heading">
          {t("feed.homeTitle")}
        </Title>
        <PostFeed source={{ kind: "home" }} label={t("feed.homeTitle")} empty={t("feed.homeEmpty")} />
      </Stack>
    </Stack>
  );
}
