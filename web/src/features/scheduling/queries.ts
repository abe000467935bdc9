import type {
  CreateScheduledPostBody,
  DisconnectReport,
  ScheduledComments,
  ScheduledPost,
  ScheduledPosts,
  SendCommentLaterSuggestionBody,
  SendLaterSuggestion,
  SendLaterSuggestionBody,
  UpdateScheduledPostBody,
} from "@ruche/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";

export const scheduledPostsKey = ["scheduled-posts"] as const;
export const scheduledCommentsKey = ["scheduled-comments"] as const;

/** What is scheduled: posts or comments, as the API's paths name them. */
export type ScheduledKind = "posts" | "comments";

/** One's own scheduled posts: waiting, then gone out or failed. */
export function useScheduledPosts() {
  return useQuery({ queryKey: scheduledPostsKey, queryFn: () => api<ScheduledPosts>("GET", "/scheduled-posts") });
}

/** One's own scheduled comments and replies. */
export function useScheduledComments() {
  return useQuery({ queryKey: scheduledCommentsKey, queryFn: () => api<ScheduledComments>("GET", "/scheduled-comments") });
}

/** Schedules posts; the list follows. */
export function useSchedulePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateScheduledPostBody) => api<ScheduledPost>("POST", "/scheduled-posts", { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduledPostsKey }),
  });
}

/** Changes and cancels scheduled posts or comments (the same body and time); their list follows. */
export function useScheduledActions(kind: ScheduledKind) {
  const queryClient = useQueryClient();
  const settle = () => queryClient.invalidateQueries({ queryKey: kind === "posts" ? scheduledPostsKey : scheduledCommentsKey });
  const path = (id: string) => `/scheduled-${kind}/${encodeURIComponent(id)}`;
  const update = useMutation({
    mutationFn: (input: { id: string; body: UpdateScheduledPostBody }) => api("PATCH", path(input.id), { body: input.body }),
    onSuccess: settle,
  });
  const cancel = useMutation({ mutationFn: (id: string) => api("DELETE", path(id)), onSuccess: settle });
  return { update, cancel };
}

/** The off-hours suggestion for what `body` describes; asked only once `body` is given. */
function useOffHoursSuggestion(kind: ScheduledKind, body: SendLaterSuggestionBody | SendCommentLaterSuggestionBody | null) {
  return useQuery({
    // Keyed by the body: one answer per community (or per post and parent), however much is typed.
    queryKey: [`scheduled-${kind}`, "suggestion", body],
    queryFn: () => api<SendLaterSuggestion>("POST", `/scheduled-${kind}/suggestion`, { body }),
    enabled: body !== null,
    // Working time moves slowly: a minute-old answer is as good as a fresh one.
    staleTime: 60_000,
    retry: false,
  });
}

/** How many people a post would reach off their working time now, and when most of them start. */
export function useSendLaterSuggestion(body: SendLaterSuggestionBody | null) {
  return useOffHoursSuggestion("posts", body);
}

/** The same for a comment or reply: null until there is something to send, so a feed's idle comment boxes ask nothing. */
export function useSendCommentLaterSuggestion(body: SendCommentLaterSuggestionBody | null) {
  return useOffHoursSuggestion("comments", body);
}

/** The HR disconnect report for a range of months ("2026-01"). */
export function useDisconnectReport(range: { from: string; to: string }) {
  return useQuery({
    queryKey: ["admin", "reports", "disconnect", range],
    queryFn: () => api<DisconnectReport>("GET", "/admin/reports/disconnect", { query: range }),
    retry: false,
  });
}
