import { Title } from "@mantine/core";

/** Placeholder until this screen is built. */
export function OrganisationPage() {
  return <Title order={1}>OrganisationPage</Title>;
}
