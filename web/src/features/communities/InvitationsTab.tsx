import type { Community } from "@ruche/contracts";
import { Stack } from "@mantine/core";
import { InviteByEmailForm, InvitePersonForm } from "./InviteForms.tsx";
import { PendingInvitations } from "./PendingInvitations.tsx";

/** The "invitations" tab: invite by name, by email into external communities (guests), and the pending list. */
export function InvitationsTab({ community }: { community: Community }) {
  return (
    <Stack gap="lg">
      <InvitePersonForm community={community} />
      {community.kind === "external" ? <InviteByEmailForm community={community} /> : null}
      <PendingInvitations community={community} />
    </Stack>
  );
}
