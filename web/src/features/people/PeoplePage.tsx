import { Title } from "@mantine/core";

/** Placeholder until this screen is built. */
export function PeoplePage() {
  return <Title order={1}>PeoplePage</Title>;
}
