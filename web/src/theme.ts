import { createTheme } from "@mantine/core";

/** Ruche's look: calm and legible; primary colours dark enough for AA contrast on white text. */
export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "650" },
  focusRing: "auto",
});
