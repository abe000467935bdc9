import { ActionIcon, Avatar, Combobox, Group, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { IconHash, IconSearch, IconUsersGroup } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { useSearchSuggestions } from "./queries.ts";
import { suggestionOptions, type SuggestionOption } from "./targets.ts";
import { useTypedCombobox } from "./useTypedCombobox.ts";

/** How a suggestion reads in a list: a person with their face and job, a community, a topic, or "search for". */
export function OptionContent({ option }: { option: SuggestionOption }) {
  const { t } = useTranslation("search");
  switch (option.kind) {
    case "person":
      return (
        <Group gap="sm" wrap="nowrap">
          <Avatar src={option.person.avatarUrl} alt="" name={option.person.displayName} color="initials" size="sm" />
          <div style={{ minWidth: 0 }}>
            <Text size="sm">{option.person.displayName}</Text>
            {option.person.jobTitle ? (
              <Text size="xs" c="dimmed">
                {option.person.jobTitle}
              </Text>
            ) : null}
          </div>
        </Group>
      );
    case "community":
      return (
        <Group gap="sm" wrap="nowrap">
          <IconUsersGroup size={18} aria-hidden />
          <Text size="sm">{option.community.name}</Text>
        </Group>
      );
    case "topic":
      return (
        <Group gap="sm" wrap="nowrap">
          <IconHash size={18} aria-hidden />
          <Text size="sm">{option.topic.name}</Text>
        </Group>
      );
    case "search":
      return (
        <Group gap="sm" wrap="nowrap">
          <IconSearch size={18} aria-hidden />
          <Text size="sm">{t("header.searchFor", { query: option.query })}</Text>
        </Group>
      );
  }
}

function OptionGroup({ label, options }: { label: string; options: SuggestionOption[] }) {
  if (options.length === 0) return null;
  return (
    <Combobox.Group label={label}>
      {options.map((option) => (
        <Combobox.Option key={option.value} value={option.value}>
          <OptionContent option={option} />
        </Combobox.Option>
      ))}
    </Combobox.Group>
  );
}

/**
 * The header's search box: people, communities and topics offered as one types (arrows and Enter
 * choose one, which opens its page); Enter alone searches everything for the words typed.
 */
export function HeaderSearch() {
  const { t } = useTranslation("search");
  const navigate = useNavigate();
  const { typed, setTyped, combobox, inputHandlers } = useTypedCombobox();
  const { data } = useSearchSuggestions(typed);
  const options = suggestionOptions(data, typed);
  const count = options.people.length + options.communities.length + options.topics.length;
  const go = (to: string) => {
    setTyped("");
    combobox.closeDropdown();
    void navigate(to);
  };
  return (
    <form
      role="search"
      aria-label={t("header.form")}
      style={{ flex: 1, maxWidth: 420, minWidth: 0 }}
      onSubmit={(event) => {
        event.preventDefault();
        if (options.search) go(options.search.value);
      }}
    >
      <Combobox store={combobox} onOptionSubmit={go} withinPortal>
        <Combobox.Target withExpandedAttribute>
          <TextInput
            role="combobox"
            aria-autocomplete="list"
            aria-label={t("header.label")}
            placeholder={t("header.placeholder")}
            leftSection={<IconSearch size={16} aria-hidden />}
            maxLength={200}
            value={typed}
            {...inputHandlers}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!options.search}>
          <Combobox.Options aria-label={t("header.suggestions")}>
            <OptionGroup label={t("kinds.person")} options={options.people} />
            <OptionGroup label={t("kinds.community")} options={options.communities} />
            <OptionGroup label={t("kinds.topic")} options={options.topics} />
            {options.search ? (
              <Combobox.Option value={options.search.value}>
                <OptionContent option={options.search} />
              </Combobox.Option>
            ) : null}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <VisuallyHidden role="status">{combobox.dropdownOpened && data ? t("header.available", { count }) : ""}</VisuallyHidden>
    </form>
  );
}

/** On a phone, the header has room for an icon only: it opens the search page. */
export function SearchIconLink() {
  const { t } = useTranslation("search");
  return (
    <ActionIcon component={Link} to="/search" variant="subtle" color="gray" size="lg" aria-label={t("header.open")}>
      <IconSearch size={22} aria-hidden />
    </ActionIcon>
  );
}
