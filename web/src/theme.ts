import { Alert, Avatar, createTheme } from "@mantine/core";

/** Ruche's look: calm and legible; primary colours dark enough for AA contrast on white text. */
export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "650" },
  focusRing: "auto",
  // People who ask their system for less motion get no transitions (menus, modals, notifications).
  respectReducedMotion: true,
  components: {
    // A light alert's coloured title (red, teal...) falls below AA contrast on its tinted background:
    // the title takes the text colour, the icon and tint keep the meaning.
    Alert: Alert.extend({
      styles: (_theme, props) => (props.variant === undefined || props.variant === "light" ? { title: { color: "var(--mantine-color-text)" } } : {}),
    }),
    // Initials are drawn in the colour's shade 8 on its own tint: only these hues keep AA contrast there.
    Avatar: Avatar.extend({ defaultProps: { allowedInitialsColors: ["indigo", "violet", "grape", "pink", "gray"] } }),
  },
});
