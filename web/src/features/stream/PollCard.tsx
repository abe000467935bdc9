import type { Poll, Post } from "@ruche/contracts";
import { Button, Checkbox, Group, Paper, Progress, Radio, Stack, Text } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { notifyFailure } from "../../components/notify.tsx";
import { localeFor } from "../../i18n/locale.ts";
import { fullDateTime } from "./format.ts";
import { leadingOptions, mayRetract, optionShare, pollMode } from "./poll.ts";

/** The options as radio buttons or checkboxes, and the button that votes. */
function Ballot({ poll, voting, onVote }: { poll: Poll; voting: boolean; onVote: (optionIds: string[]) => void }) {
  const { t } = useTranslation("stream");
  const [chosen, setChosen] = useState<string[]>([]);
  const options = poll.options.map((option) =>
    poll.multiple ? <Checkbox key={option.id} value={option.id} label={option.label} /> : <Radio key={option.id} value={option.id} label={option.label} />,
  );
  return (
    <Stack gap="sm">
      {poll.multiple ? (
        <Checkbox.Group label={t("poll.chooseSeveral")} value={chosen} onChange={setChosen}>
          <Stack gap="xs" mt="xs">
            {options}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Radio.Group label={t("poll.chooseOne")} value={chosen[0] ?? null} onChange={(value) => setChosen([value])}>
          <Stack gap="xs" mt="xs">
            {options}
          </Stack>
        </Radio.Group>
      )}
      <Button onClick={() => onVote(chosen)} disabled={chosen.length === 0} loading={voting} w="fit-content" size="sm">
        {t("poll.vote")}
      </Button>
    </Stack>
  );
}

/** Each option's share of the voters as a bar; the viewer's choices are ticked and the leaders stand out. */
function Results({ poll }: { poll: Poll }) {
  const { t } = useTranslation("stream");
  const leaders = leadingOptions(poll);
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("poll.results")}>
      {poll.options.map((option) => {
        const share = optionShare(option.votes, poll.totalVoters);
        return (
          <li key={option.id}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Group gap={4} wrap="nowrap" miw={0}>
                {option.chosen ? <IconCheck size={14} aria-label={t("poll.yourChoice")} /> : null}
                <Text size="sm" fw={leaders.has(option.id) ? 700 : 400}>
                  {option.label}
                </Text>
              </Group>
              <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                {t("poll.share", { percent: share, count: option.votes ?? 0 })}
              </Text>
            </Group>
            <Progress value={share} size="sm" color={leaders.has(option.id) ? "indigo" : "gray"} aria-hidden />
          </li>
        );
      })}
    </Stack>
  );
}

/**
 * A poll in a post: the ballot, the results, or, for a voter whose results wait for the closing,
 * their choices and when results come. Voting answers with the poll as it now stands.
 */
export function PollCard({ postId, poll, onChange }: { postId: string; poll: Poll; onChange: (poll: Poll) => void }) {
  const { t, i18n } = useTranslation("stream");
  const vote = useMutation({
    mutationFn: (optionIds: string[]) => api<Poll>("POST", `/posts/${postId}/poll/votes`, { body: { optionIds } }),
    onSuccess: onChange,
    onError: (error) => notifyFailure(t, t("poll.voteFailed"), error),
  });
  // Taking a vote back answers nothing; the post then says what the poll shows this viewer now.
  const retract = useMutation({
    mutationFn: async () => {
      await api("DELETE", `/posts/${postId}/poll/votes`);
      return (await api<Post>("GET", `/posts/${postId}`)).poll;
    },
    onSuccess: (answer) => {
      if (answer) onChange(answer);
    },
    onError: (error) => notifyFailure(t, t("poll.retractFailed"), error),
  });
  const mode = pollMode(poll);
  const closing = poll.closesAt ? fullDateTime(poll.closesAt, localeFor(i18n.language)) : null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t("poll.label")}>
      <Stack gap="sm">
        {mode === "ballot" ? <Ballot poll={poll} voting={vote.isPending} onVote={(optionIds) => vote.mutate(optionIds)} /> : null}
        {mode === "results" ? <Results poll={poll} /> : null}
        {mode === "waiting" ? (
          <Text size="sm">
            {t("poll.waiting", { choices: poll.options.filter((option) => option.chosen).map((option) => option.label).join(", ") })}{" "}
            {closing ? t("poll.resultsOn", { date: closing }) : t("poll.resultsAtClose")}
          </Text>
        ) : null}
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {[
              poll.totalVoters === null ? null : t("poll.voters", { count: poll.totalVoters }),
              poll.closed ? t("poll.closed") : closing ? t("poll.closesOn", { date: closing }) : null,
              poll.multiple ? t("poll.multipleNote") : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
          {mayRetract(poll) ? (
            <Button variant="subtle" size="compact-xs" color="gray" loading={retract.isPending} onClick={() => retract.mutate()}>
              {t("poll.retract")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
