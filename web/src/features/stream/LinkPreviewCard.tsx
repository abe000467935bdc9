import type { LinkPreview } from "@ruche/contracts";
import { Anchor, Group, Image, Paper, Stack, Text } from "@mantine/core";

/** The site a link leads to, for when the page named none. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/**
 * The card under a post for its first link, once the server has fetched the page (nothing while
 * it is pending or when it failed). The image is Ruche's own copy, never the site's.
 */
export function LinkPreviewCard({ preview }: { preview: LinkPreview }) {
  if (preview.status !== "ready" || (!preview.title && !preview.description)) return null;
  return (
    <Paper withBorder radius="md" p="sm">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {preview.imageUrl ? <Image src={preview.imageUrl} alt="" w={96} h={96} radius="sm" fit="cover" style={{ flexShrink: 0 }} /> : null}
        <Stack gap={2} miw={0}>
          <Text size="xs" c="dimmed" truncate="end">
            {preview.siteName ?? hostOf(preview.url)}
          </Text>
          <Anchor href={preview.url} target="_blank" rel="noopener nofollow ugc" fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
            {preview.title ?? hostOf(preview.url)}
          </Anchor>
          {preview.description ? (
            <Text size="sm" c="dimmed" lineClamp={3}>
              {preview.description}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Paper>
  );
}
