import { Title } from "@mantine/core";

/** Placeholder until this screen is built. */
export function PersonPage() {
  return <Title order={1}>PersonPage</Title>;
}
