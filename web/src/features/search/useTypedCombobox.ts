import { useCombobox } from "@mantine/core";
import { useState, type ChangeEvent } from "react";

/**
 * A search box whose suggestions open as one types: what was typed, the combobox's store, and the
 * input's handlers (the list opens on typing and on focus when something is typed, closes when the
 * box is emptied or left). The header's box and the author filter behave alike through it.
 */
export function useTypedCombobox() {
  const [typed, setTyped] = useState("");
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const inputHandlers = {
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      setTyped(event.currentTarget.value);
      combobox.resetSelectedOption();
      if (event.currentTarget.value.trim() === "") combobox.closeDropdown();
      else combobox.openDropdown();
    },
    onFocus: () => {
      if (typed.trim() !== "") combobox.openDropdown();
    },
    onBlur: () => combobox.closeDropdown(),
  };
  return { typed, setTyped, combobox, inputHandlers };
}
