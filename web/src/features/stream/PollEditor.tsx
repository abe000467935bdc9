import { ActionIcon, Button, Fieldset, Group, Radio, Stack, Switch, Text, TextInput } from "@mantine/core";
import { IconPlus, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { MAX_POLL_OPTIONS, MIN_POLL_OPTIONS, type PollDraft } from "./composer.ts";

interface PollEditorProps {
  poll: PollDraft;
  onChange: (poll: PollDraft) => void;
  onRemove: () => void;
  error?: string | undefined;
}

/** The options of a poll, one field each, with a way to add and remove them (two at least). */
function PollOptions({ poll, onChange }: Pick<PollEditorProps, "poll" | "onChange">) {
  const { t } = useTranslation("stream");
  const setOption = (index: number, label: string) => onChange({ ...poll, options: poll.options.map((option, at) => (at === index ? label : option)) });
  const removeOption = (index: number) => onChange({ ...poll, options: poll.options.filter((_, at) => at !== index) });
  return (
    <Stack gap="xs">
      {poll.options.map((option, index) => (
        // Options have no identity but their place; the list only grows at its end or loses a row.
        <Group key={index} gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            flex={1}
            label={t("poll.option", { number: index + 1 })}
            value={option}
            maxLength={200}
            onChange={(event) => setOption(index, event.currentTarget.value)}
          />
          {poll.options.length > MIN_POLL_OPTIONS ? (
            <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => removeOption(index)} aria-label={t("poll.removeOption", { number: index + 1 })}>
              <IconX size={16} aria-hidden />
            </ActionIcon>
          ) : null}
        </Group>
      ))}
      {poll.options.length < MAX_POLL_OPTIONS ? (
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange({ ...poll, options: [...poll.options, ""] })} w="fit-content">
          {t("poll.addOption")}
        </Button>
      ) : null}
    </Stack>
  );
}

/** A poll attached to the post being written: its options, single or multiple choice, an optional closing time, and when results show. */
export function PollEditor({ poll, onChange, onRemove, error }: PollEditorProps) {
  const { t } = useTranslation("stream");
  return (
    <Fieldset legend={t("poll.legend")} variant="filled">
      <Stack gap="sm">
        <PollOptions poll={poll} onChange={onChange} />
        <Switch label={t("poll.multiple")} checked={poll.multiple} onChange={(event) => onChange({ ...poll, multiple: event.currentTarget.checked })} />
        <TextInput
          type="datetime-local"
          label={t("poll.closesAt")}
          description={t("poll.closesAtHint")}
          value={poll.closesAt}
          onChange={(event) => onChange({ ...poll, closesAt: event.currentTarget.value })}
          maw={280}
        />
        <Radio.Group
          label={t("poll.resultsVisible")}
          value={poll.resultsVisible}
          onChange={(value) => onChange({ ...poll, resultsVisible: value === "after_close" ? "after_close" : "after_vote" })}
        >
          <Group gap="md" mt={4}>
            <Radio value="after_vote" label={t("poll.afterVote")} />
            <Radio value="after_close" label={t("poll.afterClose")} />
          </Group>
        </Radio.Group>
        {error ? (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        ) : null}
        <Button variant="subtle" color="red" c="red.9" size="compact-sm" onClick={onRemove} w="fit-content">
          {t("poll.remove")}
        </Button>
      </Stack>
    </Fieldset>
  );
}
