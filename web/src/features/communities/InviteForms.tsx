import type { Community } from "@ruche/contracts";
import { Box, Button, Flex, Group, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { isEmail, useForm } from "@mantine/form";
import { IconMail, IconUserPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useCommunityLabels } from "./labels.ts";
import { PersonSearchSelect } from "./PersonSearchSelect.tsx";
import { useInvite } from "./useInvite.ts";

type InvitedRole = "member" | "manager";

/** Who to invite, widest, with the role beside it (under it on phones). */
function InviteeAndRole({ invitee, role }: { invitee: ReactNode; role: ReactNode }) {
  return (
    <Flex direction={{ base: "column", sm: "row" }} gap="sm" align={{ base: "stretch", sm: "flex-start" }}>
      <Box flex={1}>{invitee}</Box>
      {role}
    </Flex>
  );
}

/** The role an invitee will have on accepting. */
function InvitedRoleSelect(props: { value: InvitedRole; onChange: (role: InvitedRole) => void; error?: string | undefined }) {
  const { t } = useTranslation("communities");
  const labels = useCommunityLabels();
  return (
    <Select
      label={t("invitations.role")}
      data={[
        { value: "member", label: labels.role.member },
        { value: "manager", label: labels.role.manager },
      ]}
      allowDeselect={false}
      value={props.value}
      onChange={(role) => props.onChange(role === "manager" ? "manager" : "member")}
      error={props.error}
      w={{ base: "100%", sm: 180 }}
    />
  );
}

/** Invites someone who has an account, found by name. */
export function InvitePersonForm({ community }: { community: Community }) {
  const { t } = useTranslation("communities");
  const form = useForm<{ userId: string | null; role: InvitedRole }>({
    initialValues: { userId: null, role: "member" },
    validate: { userId: (value) => (value ? null : t("invitations.personRequired")) },
  });
  const invite = useInvite({ communityId: community.id, form, field: "userId", onSent: () => form.reset() });
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="invite-person-heading">
      <form noValidate onSubmit={form.onSubmit((values) => {
          if (values.userId) invite.mutate({ userId: values.userId, role: values.role });
        })}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="invite-person-heading">
            {t("invitations.byName")}
          </Title>
          <InviteeAndRole
            invitee={
              <PersonSearchSelect
                label={t("invitations.person")}
                value={form.getValues().userId}
                onChange={(userId) => form.setFieldValue("userId", userId)}
                error={typeof form.errors.userId === "string" ? form.errors.userId : undefined}
              />
            }
            role={<InvitedRoleSelect value={form.getValues().role} onChange={(role) => form.setFieldValue("role", role)} />}
          />
          <Group>
            <Button type="submit" leftSection={<IconUserPlus size={16} aria-hidden />} loading={invite.isPending}>
              {t("invitations.invite")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Invites by email address into an external community: an address without an account gets a guest account. */
export function InviteByEmailForm({ community }: { community: Community }) {
  const { t } = useTranslation("communities");
  const form = useForm<{ email: string; role: InvitedRole }>({
    initialValues: { email: "", role: "member" },
    validate: { email: isEmail(t("common:validation.email")) },
  });
  const invite = useInvite({ communityId: community.id, form, field: "email", onSent: () => form.reset() });
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="invite-email-heading">
      <form noValidate onSubmit={form.onSubmit((values) => invite.mutate({ email: values.email.trim(), role: values.role }))}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="invite-email-heading">
            {t("invitations.byEmail")}
          </Title>
          <Text size="sm">{t("invitations.guestExplanation")}</Text>
          <InviteeAndRole
            invitee={<TextInput label={t("invitations.email")} type="email" autoComplete="off" maxLength={254} {...form.getInputProps("email")} />}
            role={<InvitedRoleSelect value={form.getValues().role} onChange={(role) => form.setFieldValue("role", role)} />}
          />
          <Group>
            <Button type="submit" leftSection={<IconMail size={16} aria-hidden />} loading={invite.isPending}>
              {t("invitations.sendEmail")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
