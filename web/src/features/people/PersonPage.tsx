import type { Person } from "@ruche/contracts";
import { Alert, Anchor, Avatar, Badge, Button, Group, SimpleGrid, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { api, ApiError } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { useSession } from "../../api/session.ts";
import { AboutCard, ContactCard, OrgChartCard } from "./PersonSections.tsx";
import { personKey } from "./queries.ts";
import { usePageTitle } from "../../components/usePageTitle.ts";
import { PersonPosts } from "../stream/PersonPosts.tsx";

// A malformed id is a 400 and an unknown or hidden person a 404: both mean "no such person here".
const isMissing = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 400);

function PersonHeader({ person, isMe }: { person: Person; isMe: boolean }) {
  const { t } = useTranslation("people");
  const place = [person.department, person.location].filter(Boolean).join(" · ");
  return (
    <Group justify="space-between" align="flex-start" gap="md">
      <Group gap="lg" wrap="nowrap" align="center" miw={0}>
        <Avatar src={person.avatarUrl} alt={t("avatar.alt", { name: person.displayName })} name={person.displayName} color="initials" size={88} />
        <Stack gap={4} miw={0}>
          <Title order={1}>{person.displayName}</Title>
          {person.jobTitle ? <Text size="lg">{person.jobTitle}</Text> : null}
          {place ? <Text c="dimmed">{place}</Text> : null}
          {!person.active ? (
            <Badge variant="outline" color="gray">
              {t("person.deactivated")}
            </Badge>
          ) : null}
        </Stack>
      </Group>
      {isMe ? (
        <Button component={Link} to="/me" variant="light" leftSection={<IconPencil size={16} aria-hidden />}>
          {t("person.edit")}
        </Button>
      ) : null}
    </Group>
  );
}

function PersonNotFound() {
  const { t } = useTranslation("people");
  return (
    <Stack>
      <Title order={1}>{t("person.notFound")}</Title>
      <Text>{t("person.notFoundBody")}</Text>
      <Anchor component={Link} to="/people">
        {t("person.backToDirectory")}
      </Anchor>
    </Stack>
  );
}

function PersonSkeleton() {
  const { t } = useTranslation("people");
  return (
    <Stack aria-busy="true">
      <VisuallyHidden>{t("common:loading")}</VisuallyHidden>
      <Group>
        <Skeleton circle height={88} />
        <Stack gap="xs" flex={1}>
          <Skeleton height={28} width="40%" />
          <Skeleton height={14} width="30%" />
        </Stack>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Skeleton height={200} />
        <Skeleton height={200} />
      </SimpleGrid>
    </Stack>
  );
}

/** `/people/:id`: someone's profile, their working hours and their place in the org chart. */
export function PersonPage() {
  const { t } = useTranslation("people");
  const { id = "" } = useParams();
  const myId = useSession().data?.user.id;
  const person = useQuery({
    queryKey: personKey(id),
    queryFn: () => api<Person>("GET", `/people/${encodeURIComponent(id)}`),
    retry: (failures, error) => !isMissing(error) && failures < 1,
  });
  usePageTitle(person.data?.displayName ?? (isMissing(person.error) ? t("person.notFound") : ""));

  if (person.isPending) return <PersonSkeleton />;
  if (isMissing(person.error)) return <PersonNotFound />;
  if (!person.data) {
    return (
      <Stack>
        <Title order={1}>{t("person.title")}</Title>
        <Alert color="red" role="alert">
          {errorMessage(person.error, t)}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={1100}>
      <PersonHeader person={person.data} isMe={person.data.id === myId} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: "start" }}>
        <Stack gap="lg">
          <ContactCard person={person.data} />
          <OrgChartCard person={person.data} />
        </Stack>
        <AboutCard person={person.data} />
      </SimpleGrid>
      <PersonPosts personId={person.data.id} name={person.data.displayName} isMe={person.data.id === myId} />
    </Stack>
  );
}
