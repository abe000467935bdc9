import { Typography } from "@mantine/core";
import type { MouseEvent } from "react";
import { useNavigate } from "react-router-dom";
import { appPathOf, isPlainClick } from "./links.ts";
import "./stream.css";

/**
 * A post's or comment's body as the server rendered it. Only ever given `post.html`,
 * `comment.html` or the preview endpoint's `html`, which the server sanitised: no other text may
 * reach `dangerouslySetInnerHTML`. Links inside Ruche (mentions, topics) open through the router,
 * without reloading the app.
 */
export function RenderedHtml({ html, size }: { html: string; size?: "sm" }) {
  const navigate = useNavigate();
  const followInternalLink = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = event.target instanceof Element ? event.target.closest("a") : null;
    if (!anchor || anchor.target === "_blank" || !isPlainClick(event)) return;
    const path = appPathOf(anchor.getAttribute("href") ?? "", window.location.origin);
    if (!path) return;
    event.preventDefault();
    void navigate(path);
  };
  return (
    <Typography className="rendered-html" fz={size} onClick={followInternalLink} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
