import { Button, Popover, Stack, TextInput, type MantineSize } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fromLocalInput, nextFullHour, toLocalInput } from "./time.ts";

interface SendLaterPickerProps {
  disabled: boolean;
  pending: boolean;
  /** The field error to show under the date-time input (the server's, about sendAt). */
  error: string | undefined;
  /** The chosen instant, as ISO; null when the input is incomplete. */
  onPick: (sendAt: string | null) => void;
  opened: boolean;
  onOpenedChange: (opened: boolean) => void;
  size?: MantineSize;
}

/** "Send later": a button that opens a date-time input (the next full hour by default) and a confirm button. */
export function SendLaterPicker({ disabled, pending, error, onPick, opened, onOpenedChange, size }: SendLaterPickerProps) {
  const { t } = useTranslation("scheduling");
  const [when, setWhen] = useState(() => toLocalInput(nextFullHour(new Date())));
  return (
    <Popover opened={opened} onChange={onOpenedChange} position="top-end" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default" size={size} disabled={disabled} onClick={() => onOpenedChange(!opened)}>
          {t("sendLater.open")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput type="datetime-local" label={t("sendLater.when")} value={when} onChange={(event) => setWhen(event.currentTarget.value)} error={error} />
          <Button loading={pending} onClick={() => onPick(fromLocalInput(when))}>
            {t("sendLater.confirm")}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
