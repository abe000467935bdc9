import type { Post } from "@ruche/contracts";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useSession } from "../../api/session.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { useToggleMessages } from "./labels.ts";
import { usePostCache } from "./queries.ts";

type Toggle = "bookmark" | "follow" | "pin";

const togglePaths: Record<Toggle, string> = { bookmark: "bookmark", follow: "follow", pin: "pin" };
const toggleFields = { bookmark: "bookmarked", follow: "following", pin: "pinned" } as const satisfies Record<Toggle, keyof Post>;

/**
 * What the viewer can do to a post from its card, each call writing its result into every cached
 * copy of the post, and saying so (or why not) in the user's language.
 */
export function usePostActions(post: Post) {
  const { t } = useTranslation("stream");
  const messages = useToggleMessages();
  const cache = usePostCache();
  const admin = useSession().data?.user.role === "admin";
  const path = `/posts/${post.id}`;

  const toggle = useMutation({
    mutationFn: async ({ action, on }: { action: Toggle; on: boolean }) => {
      const method = action === "pin" ? (on ? "POST" : "DELETE") : on ? "PUT" : "DELETE";
      await api(method, `${path}/${togglePaths[action]}`);
      return { action, on };
    },
    onSuccess: ({ action, on }) => {
      cache.update(post.id, (current) => ({ ...current, [toggleFields[action]]: on }));
      // Bookmarks and pins change which lists hold the post.
      if (action !== "follow") void cache.refreshFeeds();
      notifySuccess(t, messages.done[action][on ? "on" : "off"]);
    },
    onError: (error, { action, on }) => notifyFailure(t, messages.failed[action][on ? "on" : "off"], error),
  });

  const remove = useMutation({
    mutationFn: () => api("DELETE", path),
    // An admin, who may restore it, keeps the deleted post in view with its "restore" button;
    // everyone else sees it leave the feeds.
    onSuccess: () => {
      cache.update(post.id, (current) => ({ ...current, deletedAt: new Date().toISOString() }));
      if (!admin) cache.remove(post.id);
      notifySuccess(t, t("actions.deleted"));
    },
    onError: (error) => notifyFailure(t, t("actions.deleteFailed"), error),
  });

  const restore = useMutation({
    mutationFn: () => api("POST", `${path}/restore`),
    onSuccess: () => {
      cache.update(post.id, (current) => ({ ...current, deletedAt: null }));
      void cache.refreshFeeds();
      notifySuccess(t, t("actions.restored"));
    },
    onError: (error) => notifyFailure(t, t("actions.restoreFailed"), error),
  });

  const acknowledge = useMutation({
    mutationFn: () => api("POST", `${path}/acknowledge`),
    onSuccess: () => {
      const acknowledgedAt = new Date().toISOString();
      cache.update(post.id, (current) => (current.announcement ? { ...current, announcement: { ...current.announcement, acknowledgedAt } } : current));
      cache.remove(post.id, { kind: "announcements" });
      notifySuccess(t, t("announcements.acknowledged"));
    },
    onError: (error) => notifyFailure(t, t("announcements.acknowledgeFailed"), error),
  });

  return { toggle, remove, restore, acknowledge };
}
