import type { AccessToken } from "@ruche/contracts";
import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { notifySuccess } from "../../components/notify.tsx";
import { tokensKey } from "./queries.ts";

/** Asks before revoking a token: scripts that use it stop working at once. */
export function RevokeTokenModal({ token, onClose }: { token: AccessToken | null; onClose: () => void }) {
  const { t } = useTranslation("people");
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => api<null>("DELETE", `/me/tokens/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tokensKey });
      notifySuccess(t, t("tokens.revoked", { name: token?.name ?? "" }));
      close();
    },
  });
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal opened={token !== null} onClose={close} title={t("tokens.revokeTitle")} closeButtonProps={{ "aria-label": t("common:close") }} centered>
      <Stack>
        <Text>{t("tokens.revokeBody", { name: token?.name ?? "" })}</Text>
        {revoke.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(revoke.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common:cancel")}
          </Button>
          <Button color="red.9" loading={revoke.isPending} onClick={() => token && revoke.mutate(token.id)}>
            {t("tokens.revoke")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
