import type { Person, Suggestions } from "@ruche/contracts";
import { Combobox, Pill, PillsInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { personKey } from "../people/queries.ts";
import { OptionContent } from "./HeaderSearch.tsx";
import { useSearchSuggestions } from "./queries.ts";
import { useTypedCombobox } from "./useTypedCombobox.ts";

type SuggestedPerson = Suggestions["people"][number];

/**
 * The chosen author's name: the one just picked, or, when the page comes from a URL, read from
 * their profile. Someone the viewer may not see (404) is named as unknown; the filter still applies.
 */
function useAuthorName(authorId: string, picked: SuggestedPerson | null): string {
  const { t } = useTranslation("search");
  const known = picked?.id === authorId ? picked.displayName : null;
  const person = useQuery({
    queryKey: personKey(authorId),
    queryFn: () => api<Person>("GET", `/people/${encodeURIComponent(authorId)}`),
    enabled: authorId !== "" && known === null,
    retry: false,
    staleTime: 60_000,
  });
  if (known !== null) return known;
  if (person.data) return person.data.displayName;
  return person.isError ? t("filters.unknownAuthor") : t("common:loading");
}

interface AuthorFilterProps {
  authorId: string;
  disabled: boolean;
  onChange: (authorId: string) => void;
}

/**
 * The person whose posts, comments and files are searched: a box that offers people as their name
 * is typed (the header's suggestions, people only), and the one chosen shown as a chip to remove.
 */
export function AuthorFilter({ authorId, disabled, onChange }: AuthorFilterProps) {
  const { t } = useTranslation("search");
  const [picked, setPicked] = useState<SuggestedPerson | null>(null);
  const { typed, setTyped, combobox, inputHandlers } = useTypedCombobox();
  const { data, loading } = useSearchSuggestions(authorId ? "" : typed);
  const people = data?.people ?? [];
  const name = useAuthorName(authorId, picked);
  const field = useRef<HTMLInputElement>(null);
  const chip = useRef<HTMLDivElement>(null);
  // The box and the chip replace each other, and the focus would go with the one that leaves: it
  // moves to the chip's remove button once an author is chosen, back to the box once removed.
  const moveFocus = useRef(false);
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    // Mantine's Pill takes no ref for its remove button: it is the chip's only button.
    (authorId ? chip.current?.querySelector("button") : field.current)?.focus();
  }, [authorId]);

  const choose = (id: string) => {
    setPicked(people.find((person) => person.id === id) ?? null);
    setTyped("");
    combobox.closeDropdown();
    moveFocus.current = true;
    onChange(id);
  };
  const nobody = data !== undefined && people.length === 0 && !loading;
  return (
    <Combobox store={combobox} onOptionSubmit={choose} withinPortal>
      <Combobox.DropdownTarget>
        <PillsInput label={t("filters.author")} disabled={disabled}>
          <Pill.Group>
            {authorId ? (
              <Pill
                ref={chip}
                withRemoveButton
                onRemove={() => {
                  moveFocus.current = true;
                  onChange("");
                }}
                // Mantine hides the remove button from the keyboard (it expects Backspace in a field): here it is the only way.
                removeButtonProps={{ tabIndex: 0, "aria-hidden": false, "aria-label": t("filters.clearAuthor", { name }) }}
              >
                {name}
              </Pill>
            ) : (
              <Combobox.EventsTarget withExpandedAttribute>
                <PillsInput.Field
                  ref={field}
                  role="combobox"
                  aria-autocomplete="list"
                  placeholder={t("filters.anyAuthor")}
                  maxLength={100}
                  value={typed}
                  {...inputHandlers}
                />
              </Combobox.EventsTarget>
            )}
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown hidden={typed.trim() === "" || (people.length === 0 && !nobody)}>
        <Combobox.Options aria-label={t("filters.authorSuggestions")}>
          {people.map((person) => (
            <Combobox.Option key={person.id} value={person.id}>
              <OptionContent option={{ value: person.id, kind: "person", person }} />
            </Combobox.Option>
          ))}
          {nobody ? <Combobox.Empty>{t("filters.noAuthor")}</Combobox.Empty> : null}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
