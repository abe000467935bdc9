import { PasswordInput, type PasswordInputProps } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

/**
 * A password input whose show/hide toggle is labelled and works from the keyboard (Tab, then
 * Enter or Space); `withRules` states the server's rules under the label.
 */
export function PasswordField({ withRules = false, ...props }: PasswordInputProps & { withRules?: boolean }) {
  const { t } = useTranslation("auth");
  const [visible, { toggle }] = useDisclosure(false);
  return (
    <PasswordInput
      description={withRules ? t("password.rules") : undefined}
      visible={visible}
      onVisibilityChange={toggle}
      visibilityToggleButtonProps={{
        "aria-label": t("password.show"),
        tabIndex: 0,
        // Mantine's toggle answers Space only; a button also answers Enter.
        onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
          if (event.key !== "Enter") return;
          event.preventDefault();
          toggle();
        },
      }}
      {...props}
    />
  );
}
