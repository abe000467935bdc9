import { Title } from "@mantine/core";

/** Placeholder until this screen is built. */
export function UsersPage() {
  return <Title order={1}>UsersPage</Title>;
}
