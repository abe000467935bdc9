import { Title } from "@mantine/core";

/** Placeholder until this screen is built. */
export function PasswordResetPage() {
  return <Title order={1}>PasswordResetPage</Title>;
}
