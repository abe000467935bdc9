import { Button, Center } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
}

/** "Show more" under a keyset-paginated list, while there is more. */
export function LoadMore({ hasMore, loading, onLoad }: LoadMoreProps) {
  const { t } = useTranslation("admin");
  if (!hasMore) return null;
  return (
    <Center>
      <Button variant="default" loading={loading} onClick={onLoad}>
        {t("common:loadMore")}
      </Button>
    </Center>
  );
}
