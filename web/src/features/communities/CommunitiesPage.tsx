import { Button, Group, Stack, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../api/session.ts";
import { usePageTitle } from "../../components/usePageTitle.ts";
import { CreateCommunityModal } from "./CreateCommunityModal.tsx";
import { DirectoryControls } from "./DirectoryControls.tsx";
import { DirectoryResults } from "./DirectoryResults.tsx";
import { showsSuggestions } from "./directory-view.ts";
import { SuggestedCommunities } from "./SuggestedCommunities.tsx";
import { useDirectoryState } from "./useDirectoryState.ts";

/** "Create a community", for everyone but guests. */
function CreateCommunityButton() {
  const { t } = useTranslation("communities");
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={open}>
        {t("create.open")}
      </Button>
      <CreateCommunityModal opened={opened} onClose={close} />
    </>
  );
}

/** `/communities`: search, filter and browse communities, answer invitations, create one; admins restore deleted ones. */
export function CommunitiesPage() {
  const { t } = useTranslation("communities");
  usePageTitle(t("directory.title"));
  const role = useSession().data?.user.role;
  const guest = role === "guest";
  const { applied, search, setSearch, choose } = useDirectoryState({ admin: role === "admin" });
  const clear = () => {
    setSearch("");
    choose({ kind: "" });
  };
  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1}>{t("directory.title")}</Title>
        {guest ? null : <CreateCommunityButton />}
      </Group>
      <DirectoryControls applied={applied} search={search} onSearch={setSearch} onChoose={choose} admin={role === "admin"} />
      {showsSuggestions(applied) && !guest ? <SuggestedCommunities /> : null}
      <DirectoryResults applied={applied} guest={guest} onClear={clear} />
    </Stack>
  );
}
