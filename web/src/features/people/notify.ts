import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";

/** A short success message; its close button is named in the user's language (axe requires a name). */
export function notifySuccess(message: string, t: TFunction): void {
  notifications.show({ color: "green", message, closeButtonProps: { "aria-label": t("common:close") } });
}

/** A neutral message, e.g. "nothing to save". */
export function notifyInfo(message: string, t: TFunction): void {
  notifications.show({ message, closeButtonProps: { "aria-label": t("common:close") } });
}
