import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

/** The way back to the sign-in screen that ends most public screens. */
export function LoginLink({ label }: { label?: string }) {
  const { t } = useTranslation("auth");
  return (
    <Anchor component={Link} to="/login" size="sm">
      {label ?? t("links.login")}
    </Anchor>
  );
}
