import type { CreateAccessTokenBody, CreatedAccessToken } from "@ruche/contracts";
import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { applyApiError } from "../../api/errors.ts";
import { tokensKey } from "./queries.ts";

/** The form's values: the expiry stays "" while the field is empty (no expiry). */
interface TokenValues {
  name: string;
  expiresInDays: number | string;
}

/** Names a new access token and, optionally, how many days it lasts. */
export function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedAccessToken) => void }) {
  const { t } = useTranslation("people");
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TokenValues>({
    initialValues: { name: "", expiresInDays: "" },
    validate: { name: (value) => (value.trim() ? null : t("common:validation.required")) },
  });
  const create = useMutation({
    mutationFn: (body: CreateAccessTokenBody) => api<CreatedAccessToken>("POST", "/me/tokens", { body }),
    onSuccess: (created) => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: tokensKey });
      onCreated(created);
    },
    onError: (error) => setFormError(applyApiError(form, error, t, ["name", "expiresInDays"])),
  });
  const submit = ({ name, expiresInDays }: TokenValues) => {
    setFormError(null);
    create.mutate(typeof expiresInDays === "number" ? { name: name.trim(), expiresInDays } : { name: name.trim() });
  };

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      {formError ? (
        <Alert color="red" role="alert" title={t("tokens.createFailed")} mb="sm">
          {formError}
        </Alert>
      ) : null}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
          <TextInput label={t("tokens.name")} description={t("tokens.nameHint")} required maxLength={80} {...form.getInputProps("name")} />
          <NumberInput
            label={t("tokens.expiresInDays")}
            description={t("tokens.expiresHint")}
            min={1}
            max={3650}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps("expiresInDays")}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={create.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
            {t("tokens.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
