import { Title } from "@mantine/core";

/** Placeholder until this screen is built. */
export function SetupPage() {
  return <Title order={1}>SetupPage</Title>;
}
