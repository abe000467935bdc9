import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { errorMessage } from "../api/errors.ts";

// Every app notification goes through here. No `title`: Mantine greys the message under a title below AA contrast; the close button gets a name.
const closeButton = (t: TFunction) => ({ closeButtonProps: { "aria-label": t("common:close") } });

/** A success message, shown briefly. */
export function notifySuccess(t: TFunction, message: string): void {
  notifications.show({ color: "green", message, ...closeButton(t) });
}

/** A neutral message, e.g. "nothing to save". */
export function notifyInfo(t: TFunction, message: string): void {
  notifications.show({ message, ...closeButton(t) });
}

/** An API failure of an action without a form (e.g. `last_admin`): what failed, then why, in the user's language. */
export function notifyFailure(t: TFunction, what: string, error: unknown): void {
  const message = (
    <>
      <Text size="sm" fw={600}>
        {what}
      </Text>
      <Text size="sm">{errorMessage(error, t)}</Text>
    </>
  );
  notifications.show({ color: "red", message, autoClose: 8000, ...closeButton(t) });
}
