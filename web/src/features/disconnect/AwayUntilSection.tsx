import type { Me, UpdateProfileBody } from "@ruche/contracts";
import { Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useSession } from "../../api/session.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { useProfileChanged } from "../people/queries.ts";
import { instantOfLocalInput, localInputValue } from "./working-time-form.ts";

function AwayUntilForm({ me }: { me: Me }) {
  const { t } = useTranslation("disconnect");
  const profileChanged = useProfileChanged();
  const [value, setValue] = useState(localInputValue(me.awayUntil));
  const save = useMutation({
    mutationFn: (body: UpdateProfileBody) => api<Me>("PATCH", "/me", { body }),
    onSuccess: async (updated) => {
      setValue(localInputValue(updated.awayUntil));
      await profileChanged(updated);
      notifySuccess(t, t("common:saved"));
    },
    onError: (error) => notifyFailure(t, t("away.saveFailed"), error),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ awayUntil: instantOfLocalInput(value) });
      }}
    >
      <Group align="flex-end">
        <TextInput type="datetime-local" label={t("away.until")} description={t("away.hint")} value={value} onChange={(event) => setValue(event.currentTarget.value)} />
        <Button type="submit" loading={save.isPending && save.variables.awayUntil !== null}>
          {t("common:save")}
        </Button>
        {me.awayUntil ? (
          <Button variant="default" loading={save.isPending && save.variables.awayUntil === null} onClick={() => save.mutate({ awayUntil: null })}>
            {t("away.clear")}
          </Button>
        ) : null}
      </Group>
    </form>
  );
}

/** "Away until": an absence during which email and push wait (own hours and time zone are on the profile). */
export function AwayUntilSection() {
  const { t } = useTranslation("disconnect");
  const session = useSession();
  const me = session.data?.user;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="away-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="away-heading">
          {t("away.title")}
        </Title>
        <Text size="sm">{t("away.intro")}</Text>
        {me ? <AwayUntilForm me={me} /> : null}
      </Stack>
    </Paper>
  );
}
