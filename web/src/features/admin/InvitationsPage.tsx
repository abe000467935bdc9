import { Title } from "@mantine/core";

/** Placeholder until this screen is built. */
export function InvitationsPage() {
  return <Title order={1}>InvitationsPage</Title>;
}
