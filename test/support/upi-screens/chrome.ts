// The parts every made-up screenshot shares: a phone's status bar, its navigation bar, the page frame and theme
// colours.
import type { Sample } from "./samples.ts";
import { clock24 } from "./samples.ts";

export type Theme = { bg: string; fg: string; muted: string; card: string; line: string; accent: string };

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A status bar with the clock, network and battery (noise every real screenshot has: "87%" must not read as money). */
function statusBar(s: Sample, theme: Theme, bar?: string) {
  const battery = 20 + ((s.time.s * 7) % 80);
  return (
    `<div class="status" style="background:${bar ?? theme.bg}"><span>${clock24(s.time)}</span><span>▲ 4G ` +
    `▮▮▮ ${battery}%</span></div>`
  );
}

export function page(s: Sample, theme: Theme, body: string, extraCss = "", bar?: string) {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
*{box-sizing:border-box}
html,body{margin:0;min-height:100%}
body{font-family:"${s.font}",sans-serif;background:${theme.bg};color:${theme.fg};font-size:15px;
  -webkit-font-smoothing:antialiased}
.status{display:flex;justify-content:space-between;padding:6px 16px;font-size:12px;color:${theme.muted}}
.muted{color:${theme.muted}}
.card{background:${theme.card};border:1px solid ${theme.line};border-radius:12px;margin:14px 16px;padding:14px 16px}
.row{display:flex;justify-content:space-between;gap:12px;margin:8px 0}
.navbar{position:fixed;bottom:0;left:0;right:0;height:40px;display:flex;justify-content:space-around;
  align-items:center;color:${theme.muted};font-size:18px;background:${theme.bg}}
.btns{display:flex;gap:12px;justify-content:center;margin:18px 16px}
.btn{border:1px solid ${theme.line};border-radius:20px;padding:8px 18px;font-size:14px;color:${theme.accent}}
.center{text-align:center}
${extraCss}
</style></head><body>${statusBar(s, theme, bar)}${body}<div
  class="navbar"><span>◁</span><span>○</span><span>□</span></div></body></html>`;
}

export const light = (accent: string): Theme => ({
  bg: "#ffffff",
  fg: "#202124",
  muted: "#5f6368",
  card: "#ffffff",
  line: "#dadce0",
  accent,
});
export const dark = (accent: string): Theme => ({
  bg: "#121212",
  fg: "#e8eaed",
  muted: "#9aa0a6",
  card: "#1e1f22",
  line: "#3c4043",
  accent,
});
export const themeOf = (s: Sample, accent: string, darkAccent = accent) => (s.dark ? dark(darkAccent) : light(accent));
