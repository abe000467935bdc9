import { Title } from "@mantine/core";

/** Placeholder until this screen is built. */
export function AcceptInvitationPage() {
  return <Title order={1}>AcceptInvitationPage</Title>;
}
