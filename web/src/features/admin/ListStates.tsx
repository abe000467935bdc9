import { Alert, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors.ts";

/** Placeholder rows while a list loads (the label tells screen readers what is happening). */
export function ListSkeleton() {
  const { t } = useTranslation("admin");
  return (
    <Stack gap="sm" aria-busy="true" aria-label={t("common:loading")} role="status">
      {[0, 1, 2, 3].map((row) => (
        <Skeleton key={row} height={48} radius="md" />
      ))}
    </Stack>
  );
}

/** A list that could not be loaded, in the user's language. */
export function ListError({ error }: { error: unknown }) {
  const { t } = useTranslation("admin");
  return (
    <Alert color="red" role="alert" title={t("loadFailed")}>
      {errorMessage(error, t)}
    </Alert>
  );
}

/** What an empty list says. */
export function EmptyList({ message }: { message: string }) {
  return (
    <Text c="dimmed" ta="center" py="xl">
      {message}
    </Text>
  );
}
