import { Button, Center } from "@mantine/core";
import { IconArrowUp } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/**
 * "3 new posts" above a feed. It sits in a polite live region, so a screen reader hears the count
 * without losing its place; the region stays mounted (empty) so the announcement is not missed.
 */
export function NewPostsBanner({ count, onShow }: { count: number; onShow: () => void }) {
  const { t } = useTranslation("notifications");
  return (
    <div aria-live="polite" aria-atomic="true">
      {count > 0 ? (
        <Center>
          <Button radius="xl" size="sm" leftSection={<IconArrowUp size={16} aria-hidden />} onClick={onShow}>
            {t("live.newPosts", { count })}
          </Button>
        </Center>
      ) : null}
    </div>
  );
}
