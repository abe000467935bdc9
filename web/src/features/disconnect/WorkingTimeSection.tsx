import type { WorkingTime } from "@ruche/contracts";
import { Alert, Button, Checkbox, Group, Paper, Skeleton, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { useUpdateWorkingTime, useWorkingTime } from "./queries.ts";
import { weekdays, workingTimeBody, workingTimeProblems, workingTimeValues, type WorkingTimeValues } from "./working-time-form.ts";

function WorkingTimeForm({ workingTime }: { workingTime: WorkingTime }) {
  const { t } = useTranslation("disconnect");
  const update = useUpdateWorkingTime();
  const form = useForm<WorkingTimeValues>({
    initialValues: workingTimeValues(workingTime),
    validate: (values) => {
      const problems = workingTimeProblems(values);
      return Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, t(`workingTime.problems.${problem}`)]));
    },
  });
  const submit = form.onSubmit((values) =>
    update.mutate(workingTimeBody(values), {
      onSuccess: (updated) => {
        form.setInitialValues(workingTimeValues(updated));
        form.setValues(workingTimeValues(updated));
        notifySuccess(t, t("common:saved"));
      },
      onError: (error) => notifyFailure(t, t("workingTime.saveFailed"), error),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Checkbox.Group label={t("workingTime.days")} {...form.getInputProps("workingDays")}>
          <Group gap="md" mt="xs">
            {weekdays.map((day) => (
              <Checkbox key={day} value={String(day)} label={t(`workingTime.weekdays.${day}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group grow maw={420}>
          <TextInput type="time" label={t("workingTime.starts")} required {...form.getInputProps("workStarts")} />
          <TextInput type="time" label={t("workingTime.ends")} required {...form.getInputProps("workEnds")} />
        </Group>
        <Text size="sm" c="dimmed">
          {t("workingTime.timezone", { zone: workingTime.timezone })}
        </Text>
        <Switch label={t("workingTime.managersMayUrge")} description={t("workingTime.managersMayUrgeHint")} {...form.getInputProps("managersMayUrge", { type: "checkbox" })} />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t("common:save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The organisation's working time, on the admins' organisation page: outside it, email and push wait. */
export function WorkingTimeSection() {
  const { t } = useTranslation("disconnect");
  const workingTime = useWorkingTime();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="working-time-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="working-time-heading">
          {t("workingTime.title")}
        </Title>
        <Text size="sm">{t("workingTime.intro")}</Text>
        {workingTime.isPending ? <Skeleton height={180} aria-label={t("common:loading")} /> : null}
        {workingTime.isError ? (
          <Alert color="red" role="alert" title={t("workingTime.loadFailed")}>
            {errorMessage(workingTime.error, t)}
          </Alert>
        ) : null}
        {workingTime.data ? <WorkingTimeForm workingTime={workingTime.data} /> : null}
      </Stack>
    </Paper>
  );
}
