import { ActionIcon, Button, Group, Input, Select, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconCalendarWeek, IconPlus, IconTrash } from "@tabler/icons-react";
import type { ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { weekdayName, weekdays } from "./format.ts";
import { MAX_SPANS, weekdayPreset, workingRow, type ProfileValues } from "./profile-form.ts";

type ProfileForm = UseFormReturnType<ProfileValues>;

// 130 px each on a wide screen; on a phone both shrink so the row keeps its remove button in view.
const timeInputStyle = { flex: "1 1 130px", minWidth: 0, maxWidth: 140 };

function SpanRow({ form, index }: { form: ProfileForm; index: number }) {
  const { t, i18n } = useTranslation("people");
  const span = form.getValues().workingHours[index];
  if (!span) return null;
  const path = `workingHours.${index}`;
  const position = index + 1;
  const rowError = form.errors[path];
  // An error about the whole span marks both times invalid; its message shows under the row.
  const timeProps = (part: "start" | "end") => {
    const props = form.getInputProps(`${path}.${part}`);
    const onChange = (event: ChangeEvent<HTMLInputElement>) => {
      form.clearFieldError(path);
      props.onChange(event);
    };
    return { ...props, onChange, error: props.error ?? Boolean(rowError) };
  };
  // Compact rows ("Monday 09:00 – 18:00"): each input is named for its span rather than labelled on screen.
  return (
    <Stack gap={4} role="group" aria-label={t("hours.span", { position, day: weekdayName(span.day, i18n.language) })}>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <Select
          aria-label={t("hours.day", { position })}
          w={{ base: "100%", xs: 150 }}
          allowDeselect={false}
          data={weekdays(i18n.language).map(({ day, name }) => ({ value: String(day), label: name }))}
          value={String(span.day)}
          onChange={(value) => {
            form.clearFieldError(path);
            form.setFieldValue(`${path}.day`, Number(value ?? span.day));
          }}
          error={form.errors[`${path}.day`]}
        />
        <Group align="flex-start" gap="xs" wrap="nowrap" w={{ base: "100%", xs: "auto" }}>
          <TextInput type="time" aria-label={t("hours.start", { position })} style={timeInputStyle} {...timeProps("start")} />
          <Text aria-hidden mt={6}>
            –
          </Text>
          <TextInput type="time" aria-label={t("hours.end", { position })} style={timeInputStyle} {...timeProps("end")} />
          <ActionIcon variant="subtle" color="red" size="lg" mt={1} aria-label={t("hours.remove", { position })} onClick={() => form.removeListItem("workingHours", index)}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      {typeof rowError === "string" ? <Input.Error role="alert">{rowError}</Input.Error> : null}
    </Stack>
  );
}

/** One row per span of working time (day, start, end), with add, remove and a usual-week preset. */
export function WorkingHoursEditor({ form }: { form: ProfileForm }) {
  const { t } = useTranslation("people");
  const rows = form.getValues().workingHours;
  const last = rows.at(-1);
  const addSpan = () => form.insertListItem("workingHours", workingRow({ day: last ? (last.day % 7) + 1 : 1, start: last?.start ?? "09:00", end: last?.end ?? "18:00" }));
  const listError = form.errors.workingHours;
  return (
    <Stack gap="sm">
      <div>
        <Text fw={500} size="sm" id="working-hours-label">
          {t("hours.label")}
        </Text>
        <Text size="xs" c="dimmed">
          {t("hours.description")}
        </Text>
      </div>
      <Stack gap="xs" aria-labelledby="working-hours-label" role="group">
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("hours.empty")}
          </Text>
        ) : null}
        {rows.map((row, index) => (
          <SpanRow key={row.key} form={form} index={index} />
        ))}
      </Stack>
      {typeof listError === "string" ? <Input.Error>{listError}</Input.Error> : null}
      <Group gap="xs">
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={addSpan} disabled={rows.length >= MAX_SPANS}>
          {t("hours.add")}
        </Button>
        <Button variant="default" leftSection={<IconCalendarWeek size={16} aria-hidden />} onClick={() => form.setFieldValue("workingHours", weekdayPreset())}>
          {t("hours.preset")}
        </Button>
      </Group>
    </Stack>
  );
}
