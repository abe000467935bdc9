import { Button, Group, Stack, Title } from "@mantine/core";
import { IconEye, IconKey } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useSession } from "../../api/session.ts";
import { AvatarEditor } from "./AvatarEditor.tsx";
import { ProfileForm } from "./ProfileForm.tsx";
import { ProfileSection } from "./ProfileSections.tsx";
import { usePageTitle } from "../../components/usePageTitle.ts";

/** `/me`: one's own profile, photo and preferences, all editable. */
export function ProfilePage() {
  const { t } = useTranslation("people");
  usePageTitle(t("profile.title"));
  // AppLayout renders this screen only once the session is known.
  const me = useSession().data?.user;
  if (!me) return null;
  return (
    <Stack gap="lg" maw={960}>
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1}>{t("profile.title")}</Title>
        <Group gap="xs">
          <Button component={Link} to={`/people/${me.id}`} variant="default" leftSection={<IconEye size={16} aria-hidden />}>
            {t("profile.viewPublic")}
          </Button>
          <Button component={Link} to="/me/tokens" variant="subtle" leftSection={<IconKey size={16} aria-hidden />}>
            {t("common:nav.tokens")}
          </Button>
        </Group>
      </Group>
      <ProfileSection title={t("avatar.title")}>
        <AvatarEditor me={me} />
      </ProfileSection>
      <ProfileForm me={me} />
    </Stack>
  );
}
