import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useOrganisation } from "../api/session.ts";

/** Names the browser tab after the screen and the organisation ("Annuaire · Acme"). */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const organisation = useOrganisation().data;
  useDocumentTitle(title ? `${title} · ${organisation?.name ?? t("appName")}` : "");
}
