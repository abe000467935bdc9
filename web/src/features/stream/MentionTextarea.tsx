import { Avatar, Combobox, Group, Stack, Text, Textarea, VisuallyHidden, useCombobox, type TextareaProps } from "@mantine/core";
import { IconEyeOff } from "@tabler/icons-react";
import { useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { insertMention, insertTopic, triggerAt, type Trigger } from "./autocomplete.ts";
import { useSuggestions, type Suggestion } from "./useSuggestions.ts";

interface MentionTextareaProps extends Omit<TextareaProps, "value" | "onChange"> {
  value: string;
  onChange: (value: string) => void;
  /** The community the text is for: people who cannot read it are flagged in the list. */
  communityId: string | null;
}

function SuggestionOption({ suggestion }: { suggestion: Suggestion }) {
  const { t } = useTranslation("stream");
  if (suggestion.kind === "topic") return <Text size="sm">#{suggestion.name}</Text>;
  const { person, canRead } = suggestion;
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar src={person.avatarUrl} alt="" name={person.displayName} color="initials" size="sm" />
      <Stack gap={0} miw={0}>
        <Text size="sm" fw={500}>
          {person.displayName}
        </Text>
        {person.jobTitle ? (
          <Text size="xs" c="dimmed">
            {person.jobTitle}
          </Text>
        ) : null}
        {canRead ? null : (
          <Group gap={4} wrap="nowrap">
            <IconEyeOff size={14} aria-hidden />
            <Text size="xs" c="orange.9">
              {t("mentions.cannotRead")}
            </Text>
          </Group>
        )}
      </Stack>
    </Group>
  );
}

/**
 * A Markdown textarea that completes `@names` and `#topics` as they are typed: the list opens
 * under the field, arrows move in it, Enter or Tab choose, Escape closes it; with the list closed
 * the keys do what they always do in a textarea. A chosen person becomes mention markup.
 */
export function MentionTextarea({ value, onChange, communityId, ...textareaProps }: MentionTextareaProps) {
  const { t } = useTranslation("stream");
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const { suggestions } = useSuggestions(trigger, communityId);
  const open = trigger !== null && trigger.start !== dismissedAt && suggestions.length > 0;
  const combobox = useCombobox({ opened: open });

  const readCaret = (element: HTMLTextAreaElement) => {
    const next = element.selectionStart === element.selectionEnd ? triggerAt(element.value, element.selectionStart) : null;
    setTrigger(next);
    if (next?.start !== dismissedAt) setDismissedAt(null);
    setActiveId(null);
    combobox.resetSelectedOption();
  };

  const choose = (chosen: string) => {
    const suggestion = suggestions.find((item) => item.value === chosen);
    if (!suggestion || !trigger) return;
    const result = suggestion.kind === "mention" ? insertMention(value, trigger, suggestion.person) : insertTopic(value, trigger, suggestion);
    onChange(result.text);
    setTrigger(null);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(result.caret, result.caret);
    });
  };

  const handleKeys = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open || event.nativeEvent.isComposing) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActiveId(event.key === "ArrowDown" ? combobox.selectNextOption() : combobox.selectPreviousOption());
    } else if ((event.key === "Enter" || event.key === "Tab") && combobox.getSelectedOptionIndex() !== -1) {
      event.preventDefault();
      combobox.clickSelectedOption();
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDismissedAt(trigger?.start ?? null);
    }
  };

  return (
    <Combobox store={combobox} onOptionSubmit={choose} position="bottom-start" width="target" withinPortal>
      <Combobox.DropdownTarget>
        <Combobox.EventsTarget withKeyboardNavigation={false} withAriaAttributes={false}>
          <Textarea
            ref={textarea}
            autosize
            {...textareaProps}
            value={value}
            onChange={(event) => {
              onChange(event.currentTarget.value);
              readCaret(event.currentTarget);
            }}
            onSelect={(event) => readCaret(event.currentTarget)}
            onKeyDown={handleKeys}
            onBlur={() => setDismissedAt(trigger?.start ?? null)}
            aria-autocomplete="list"
            aria-controls={open && combobox.listId ? combobox.listId : undefined}
            aria-activedescendant={open && activeId ? activeId : undefined}
          />
        </Combobox.EventsTarget>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown>
        <Combobox.Options aria-label={trigger?.kind === "topic" ? t("mentions.topicList") : t("mentions.personList")}>
          {suggestions.map((suggestion) => (
            <Combobox.Option key={suggestion.value} value={suggestion.value}>
              <SuggestionOption suggestion={suggestion} />
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
      <VisuallyHidden role="status">{open ? t("mentions.available", { count: suggestions.length }) : ""}</VisuallyHidden>
    </Combobox>
  );
}
