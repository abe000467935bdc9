import type { ReactionKind, ReactionsSummary } from "@ruche/contracts";
import { Button, Group, Popover, Text, Tooltip } from "@mantine/core";
import { IconMoodSmile } from "@tabler/icons-react";
import { useDisclosure } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { notifyFailure } from "../../components/notify.tsx";
import { formatCount } from "./format.ts";
import { ReactionIcon } from "./ReactionIcon.tsx";
import { reactionKinds, toggledReactions, totalReactions } from "./reactions.ts";
import { ReactorsModal } from "./ReactorsModal.tsx";
import { useReactionLabels } from "./labels.ts";

/** What the reactions belong to: `/posts/:id` or `/comments/:id`. */
export interface ReactionTarget {
  type: "posts" | "comments";
  id: string;
}

interface ReactionBarProps {
  target: ReactionTarget;
  summary: ReactionsSummary;
  canReact: boolean;
  /** Writes the new counts into the cache: at once with the expected result, then with the server's. */
  onChange: (summary: ReactionsSummary) => void;
  /** Under comments: only the reactions given, and the others behind a "react" button. */
  compact?: boolean;
}

interface ToggleProps {
  kind: ReactionKind;
  summary: ReactionsSummary;
  disabled: boolean;
  onToggle: (kind: ReactionKind, on: boolean) => void;
}

/** One reaction as a toggle button: its emoji and count, pressed when it is the viewer's. */
function ReactionToggle({ kind, summary, disabled, onToggle }: ToggleProps) {
  const { t, i18n } = useTranslation("stream");
  const labels = useReactionLabels();
  const count = summary.reactionCounts[kind] ?? 0;
  const mine = summary.myReactions.includes(kind);
  return (
    <Tooltip label={labels[kind]} withArrow openDelay={300}>
      <Button
        size="compact-sm"
        variant={mine ? "light" : "subtle"}
        color={mine ? "indigo" : "gray"}
        aria-pressed={mine}
        aria-label={t("reactions.toggle", { reaction: labels[kind], count })}
        disabled={disabled}
        onClick={() => onToggle(kind, !mine)}
        px={6}
      >
        <ReactionIcon kind={kind} />
        {count > 0 ? (
          <Text span size="sm" ml={4} fw={mine ? 700 : 500} aria-hidden>
            {formatCount(count, i18n.language)}
          </Text>
        ) : null}
      </Button>
    </Tooltip>
  );
}

/** The five reactions behind one button, for compact bars. */
function ReactionPicker({ summary, onToggle }: Pick<ToggleProps, "summary" | "onToggle">) {
  const { t } = useTranslation("stream");
  const [opened, picker] = useDisclosure();
  return (
    <Popover opened={opened} onChange={picker.toggle} position="top-start" withArrow trapFocus returnFocus>
      <Popover.Target>
        <Button size="compact-sm" variant="subtle" color="gray" onClick={picker.toggle} aria-expanded={opened} leftSection={<IconMoodSmile size={14} aria-hidden />}>
          {t("reactions.react")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p={4}>
        <Group gap={2} role="group" aria-label={t("reactions.label")}>
          {reactionKinds.map((kind) => (
            <ReactionToggle
              key={kind}
              kind={kind}
              summary={summary}
              disabled={false}
              onToggle={(chosen, on) => {
                picker.close();
                onToggle(chosen, on);
              }}
            />
          ))}
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * The reactions as toggle buttons with their counts, the viewer's own pressed, and "who reacted".
 * A toggle shows at once; if the server refuses, the previous state comes back.
 */
export function ReactionBar({ target, summary, canReact, onChange, compact = false }: ReactionBarProps) {
  const { t } = useTranslation("stream");
  const [reactorsOpen, reactors] = useDisclosure();
  const react = useMutation({
    mutationFn: ({ kind, on }: { kind: ReactionKind; on: boolean }) => api<ReactionsSummary>(on ? "PUT" : "DELETE", `/${target.type}/${target.id}/reactions/${kind}`),
    onMutate: ({ kind }) => {
      const previous = summary;
      onChange(toggledReactions(summary, kind));
      return { previous };
    },
    onSuccess: (answer) => onChange(answer),
    onError: (error, _input, context) => {
      if (context) onChange(context.previous);
      notifyFailure(t, t("reactions.failed"), error);
    },
  });
  const toggle = (kind: ReactionKind, on: boolean) => react.mutate({ kind, on });
  const total = totalReactions(summary.reactionCounts);
  const given = reactionKinds.filter((kind) => (summary.reactionCounts[kind] ?? 0) > 0);
  const shown = canReact && !compact ? reactionKinds : given;
  return (
    <Group gap={4} wrap="wrap" role="group" aria-label={t("reactions.label")}>
      {shown.map((kind) => (
        <ReactionToggle key={kind} kind={kind} summary={summary} disabled={!canReact} onToggle={toggle} />
      ))}
      {canReact && compact ? <ReactionPicker summary={summary} onToggle={toggle} /> : null}
      {total > 0 ? (
        <Button size="compact-sm" variant="subtle" color="gray" onClick={reactors.open}>
          {t("reactions.who", { count: total })}
        </Button>
      ) : null}
      {reactorsOpen ? <ReactorsModal target={target} counts={summary.reactionCounts} onClose={reactors.close} /> : null}
    </Group>
  );
}
