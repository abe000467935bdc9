import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useOrganisation } from "../../api/session.ts";

/** Names the browser tab after the screen, then the organisation (Ruche before it has a name). */
export function usePageTitle(screen: string): void {
  const { t } = useTranslation();
  const organisation = useOrganisation().data?.name || t("appName");
  useDocumentTitle(`${screen} · ${organisation}`);
}
