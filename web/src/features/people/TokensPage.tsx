import { Title } from "@mantine/core";

/** Placeholder until this screen is built. */
export function TokensPage() {
  return <Title order={1}>TokensPage</Title>;
}
