import type { Highlighted } from "@ruche/contracts";
import { Fragment } from "react";
import "./search.css";

/**
 * Text the search cut into pieces, with the words it found in `<mark>`. Each piece is rendered as
 * text, so whatever a post contains (`<script>`, `&amp;`) reads exactly as written, never as HTML.
 */
export function HighlightedText({ pieces }: { pieces: Highlighted }) {
  return (
    <>
      {pieces.map((piece, index) =>
        piece.match ? (
          <mark key={index} className="search-match">
            {piece.text}
          </mark>
        ) : (
          <Fragment key={index}>{piece.text}</Fragment>
        ),
      )}
    </>
  );
}
