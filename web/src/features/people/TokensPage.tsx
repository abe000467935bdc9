import type { AccessToken, AccessTokenPage, CreatedAccessToken } from "@ruche/contracts";
import { Alert, Button, Center, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { CreateTokenForm } from "./CreateTokenForm.tsx";
import { tokensKey } from "./queries.ts";
import { RevokeTokenModal } from "./RevokeTokenModal.tsx";
import { TokenSecret } from "./TokenSecret.tsx";
import { TokensTable } from "./TokensTable.tsx";
import { usePageTitle } from "../../components/usePageTitle.ts";

function useTokens() {
  return useInfiniteQuery({
    queryKey: tokensKey,
    queryFn: ({ pageParam }) => api<AccessTokenPage>("GET", "/me/tokens", { query: { cursor: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The list of tokens, or its loading, empty and error states. */
function TokenList({ onRevoke }: { onRevoke: (token: AccessToken) => void }) {
  const { t } = useTranslation("people");
  const tokens = useTokens();
  const items = tokens.data?.pages.flatMap((page) => page.items) ?? [];
  if (tokens.isPending) {
    return (
      <Skeleton height={120}>
        <VisuallyHidden>{t("common:loading")}</VisuallyHidden>
      </Skeleton>
    );
  }
  if (tokens.isError) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(tokens.error, t)}
      </Alert>
    );
  }
  if (items.length === 0) return <Text c="dimmed">{t("tokens.empty")}</Text>;
  return (
    <Stack>
      <TokensTable tokens={items} onRevoke={onRevoke} />
      {tokens.hasNextPage ? (
        <Center>
          <Button variant="default" onClick={() => void tokens.fetchNextPage()} loading={tokens.isFetchingNextPage}>
            {t("common:loadMore")}
          </Button>
        </Center>
      ) : null}
    </Stack>
  );
}

/** `/me/tokens`: personal access tokens for scripts: create one (its secret shown once), list, revoke. */
export function TokensPage() {
  const { t } = useTranslation("people");
  usePageTitle(t("tokens.title"));
  const [created, setCreated] = useState<CreatedAccessToken | null>(null);
  const [revoking, setRevoking] = useState<AccessToken | null>(null);
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t("tokens.title")}</Title>
        <Text c="dimmed">{t("tokens.intro")}</Text>
      </Stack>
      <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="new-token-title">
        <Stack gap="md">
          <Title order={2} size="h4" id="new-token-title">
            {t("tokens.newTitle")}
          </Title>
          {created ? <TokenSecret created={created} onDone={() => setCreated(null)} /> : <CreateTokenForm onCreated={setCreated} />}
        </Stack>
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby="token-list-title">
        <Title order={2} size="h4" id="token-list-title">
          {t("tokens.listTitle")}
        </Title>
        <TokenList onRevoke={setRevoking} />
      </Stack>
      <RevokeTokenModal token={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}
