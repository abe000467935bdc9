import type { RenderedPreview } from "@ruche/contracts";
import { Alert, Anchor, Group, Loader, Paper, Popover, Tabs, Text, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { characterBudget } from "./format.ts";
import { MentionTextarea } from "./MentionTextarea.tsx";
import { streamKey } from "./queries.ts";
import { RenderedHtml } from "./RenderedHtml.tsx";

interface MarkdownEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  communityId: string | null;
  maxLength: number;
  error?: string | undefined;
  placeholder?: string;
  autoFocus?: boolean;
}

/** The body rendered by the server exactly as it would be posted (mentions, topics, sanitising). */
function Preview({ body, communityId }: { body: string; communityId: string | null }) {
  const { t } = useTranslation("stream");
  const preview = useQuery({
    queryKey: [...streamKey, "preview", communityId, body],
    queryFn: () => api<RenderedPreview>("POST", "/posts/preview", { body: { body, ...(communityId ? { communityId } : {}) } }),
    enabled: body.trim() !== "",
    staleTime: Infinity,
  });
  if (body.trim() === "") return <Text c="dimmed">{t("editor.nothingToPreview")}</Text>;
  if (preview.isPending) return <Loader size="sm" aria-label={t("editor.previewLoading")} />;
  if (preview.isError) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(preview.error, t)}
      </Alert>
    );
  }
  return <RenderedHtml html={preview.data.html} />;
}

/** A short reminder of the Markdown Ruche understands, and how to mention and tag. */
function FormattingHelp() {
  const { t } = useTranslation("stream");
  const rows = [
    { syntax: t("editor.syntax.bold"), meaning: t("editor.meaning.bold") },
    { syntax: t("editor.syntax.italic"), meaning: t("editor.meaning.italic") },
    { syntax: t("editor.syntax.link"), meaning: t("editor.meaning.link") },
    { syntax: t("editor.syntax.list"), meaning: t("editor.meaning.list") },
    { syntax: t("editor.syntax.quote"), meaning: t("editor.meaning.quote") },
    { syntax: t("editor.syntax.code"), meaning: t("editor.meaning.code") },
    { syntax: t("editor.syntax.mention"), meaning: t("editor.meaning.mention") },
    { syntax: t("editor.syntax.topic"), meaning: t("editor.meaning.topic") },
  ];
  return (
    <Popover width={300} position="bottom-end" withArrow>
      <Popover.Target>
        <Anchor component="button" type="button" size="sm">
          {t("editor.help")}
        </Anchor>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={600} size="sm" mb="xs">
          {t("editor.helpTitle")}
        </Text>
        <dl style={{ margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", gap: "4px 12px", fontSize: "var(--mantine-font-size-sm)" }}>
          {rows.map((row) => (
            <div key={row.syntax} style={{ display: "contents" }}>
              <dt>
                <code>{row.syntax}</code>
              </dt>
              <dd style={{ margin: 0 }}>{row.meaning}</dd>
            </div>
          ))}
        </dl>
      </Popover.Dropdown>
    </Popover>
  );
}

/** How many characters remain, once the end is near (null before): read with the field, red past the limit. */
function useCounterText(length: number, max: number): { text: string; over: boolean } | null {
  const { t, i18n } = useTranslation("stream");
  const budget = characterBudget(length, max);
  if (!budget.near) return null;
  const count = Math.abs(budget.remaining);
  const formatted = count.toLocaleString(i18n.language);
  return { text: budget.over ? t("editor.overLimit", { count, formatted }) : t("editor.remaining", { count, formatted }), over: budget.over };
}

/**
 * The Markdown field of the composer and of the post editor: Write and Preview tabs, the
 * mention and topic autocomplete, formatting help and a character counter near the limit.
 */
export function MarkdownEditor({ label, value, onChange, communityId, maxLength, error, placeholder, autoFocus }: MarkdownEditorProps) {
  const { t } = useTranslation("stream");
  const [tab, setTab] = useState<string | null>("write");
  const counter = useCounterText(value.length, maxLength);
  return (
    <Tabs value={tab} onChange={setTab} variant="outline" keepMounted={false}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Tabs.List aria-label={t("editor.modes", { field: label })} style={{ flexWrap: "nowrap" }}>
          <Tabs.Tab value="write">{t("editor.write")}</Tabs.Tab>
          <Tabs.Tab value="preview">{t("editor.preview")}</Tabs.Tab>
        </Tabs.List>
        <FormattingHelp />
      </Group>
      <Tabs.Panel value="write" pt="xs">
        <MentionTextarea
          label={<VisuallyHidden>{label}</VisuallyHidden>}
          value={value}
          onChange={onChange}
          communityId={communityId}
          placeholder={placeholder}
          minRows={3}
          maxRows={16}
          error={error}
          autoFocus={autoFocus}
          description={counter ? <Text span size="sm" c={counter.over ? "red.9" : "dimmed"} fw={counter.over ? 600 : undefined}>{counter.text}</Text> : undefined}
          inputWrapperOrder={["label", "input", "description", "error"]}
        />
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        <Paper withBorder p="sm" mih={90} aria-label={t("editor.previewOf", { field: label })} role="region">
          <Preview body={value} communityId={communityId} />
        </Paper>
      </Tabs.Panel>
    </Tabs>
  );
}
