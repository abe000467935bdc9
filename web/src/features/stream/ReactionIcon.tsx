import type { ReactionKind } from "@ruche/contracts";
import { IconBulb, IconConfetti, IconHeartHandshake, IconThumbUp, IconZoomQuestion, type Icon } from "@tabler/icons-react";

// Icons rather than emoji: they look the same everywhere, even where no emoji font is installed.
const icons: Record<ReactionKind, Icon> = {
  like: IconThumbUp,
  celebrate: IconConfetti,
  support: IconHeartHandshake,
  insightful: IconBulb,
  curious: IconZoomQuestion,
};

// Shades with at least 3:1 contrast on white, as icons that carry meaning need.
const colours: Record<ReactionKind, string> = {
  like: "var(--mantine-color-indigo-7)",
  celebrate: "var(--mantine-color-orange-8)",
  support: "var(--mantine-color-pink-7)",
  insightful: "var(--mantine-color-yellow-9)",
  curious: "var(--mantine-color-teal-8)",
};

/** The picture of a reaction; decorative, since its name always goes with it for assistive technology. */
export function ReactionIcon({ kind, size = 16 }: { kind: ReactionKind; size?: number }) {
  const Picture = icons[kind];
  return <Picture size={size} color={colours[kind]} aria-hidden />;
}
