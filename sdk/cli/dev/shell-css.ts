import { chromeCss } from '../../view/chrome/css.ts';

/** The dev shell's own look: a phone around the shared host-drawn chrome, beside a small developer panel. */
export const shellCss =
  chromeCss('dev') +
  `
:root { color-scheme: light; }
html, body { margin: 0; height: 100%; }
body {
  font-family: -apple-system, BlinkMacSystemFont, "PingFang SC", "Helvetica Neue", "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  background: radial-gradient(circle at 30% 20%, #eef5f1 0, #e3e8ec 55%, #d9dee3 100%);
  color: #191919; -webkit-font-smoothing: antialiased;
}
button { font: inherit; }
.dev-stage { min-height: 100%; display: flex; align-items: center; justify-content: center; gap: 40px; padding: 32px; box-sizing: border-box; }

.dev-phone {
  position: relative; flex: none; width: 390px; height: 844px; max-height: calc(100vh - 64px); min-height: 560px;
  display: flex; flex-direction: column; overflow: hidden;
  background: #f7f7f7; border-radius: 48px;
  box-shadow: 0 0 0 11px #1c1c1e, 0 0 0 13px #3a3a3c, 0 30px 80px rgba(0,0,0,.35);
}
.dev-statusbar {
  flex: none; height: 44px; padding: 0 30px 0 36px; display: flex; align-items: center; justify-content: space-between;
  font-size: 15px; font-weight: 600; background: #ededed;
}
.dev-indicators { display: flex; align-items: center; gap: 6px; }
.dev-signal { width: 17px; height: 11px; background: linear-gradient(to right, #191919 0 3px, transparent 3px 4.5px, #191919 4.5px 7.5px, transparent 7.5px 9px, #191919 9px 12px, transparent 12px 13.5px, #191919 13.5px); clip-path: polygon(0 100%, 100% 0, 100% 100%); }
.dev-battery { position: relative; width: 24px; height: 11px; border: 1.5px solid #191919; border-radius: 3.5px; box-sizing: border-box; }
.dev-battery::after { content: ""; position: absolute; inset: 1.5px 4px 1.5px 1.5px; background: #191919; border-radius: 1.5px; }

.dev-content { flex: 1; background: #f7f7f7; }
/* Sheets cover the page below the status and nav bars; the tab bar leaves room for the home indicator. */
.dev-sheet { inset: 88px 0 0 0; }
.dev-tabbar { padding-bottom: 20px; }
.dev-errors .dev-sheet-title { color: #fa5151; }
.dev-errors-list {
  margin: 4px 0 0; padding: 12px; border-radius: 8px; background: #fff4f4; color: #b42318;
  font: 12.5px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-word;
}
.dev-safe-area { flex: none; height: 20px; background: #f7f7f7; }
.dev-safe-area[hidden] { display: none; }
.dev-home { position: absolute; bottom: 8px; left: 50%; width: 134px; height: 5px; margin-left: -67px; border-radius: 3px; background: #191919; pointer-events: none; z-index: 5; }

.dev-side {
  width: 280px; align-self: stretch; max-height: calc(100vh - 64px); display: flex; flex-direction: column; gap: 10px;
  padding: 24px; box-sizing: border-box; border-radius: 20px; background: rgba(255,255,255,.7); box-shadow: 0 8px 30px rgba(0,0,0,.08);
  font-size: 14px;
}
.dev-side-brand { color: #07c160; font-weight: 700; letter-spacing: .02em; text-transform: uppercase; font-size: 12px; }
.dev-side-name { font-size: 20px; font-weight: 600; }
.dev-side-version { color: #888; }
.dev-status { display: flex; align-items: center; gap: 8px; color: #444; }
.dev-dot { width: 8px; height: 8px; border-radius: 50%; background: #bbb; }
.dev-dot-ok { background: #07c160; }
.dev-dot-busy { background: #f0a020; }
.dev-dot-error { background: #fa5151; }
.dev-side .dev-secondary { align-self: flex-start; min-height: 36px; padding: 0 16px; font-size: 14px; background: #fff; border: 1px solid #e5e5e5; }
.dev-side-heading { margin-top: 12px; color: #888; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.dev-logs { flex: 1; margin: 0; padding: 0; list-style: none; overflow: auto; font: 12px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.dev-log { padding: 3px 0; border-bottom: 1px solid rgba(0,0,0,.05); white-space: pre-wrap; word-break: break-word; }
.dev-log-time { color: #aaa; margin-right: 6px; }
.dev-log-warn { color: #b26a00; }
.dev-log-error { color: #d92d20; }

@media (max-width: 760px) {
  .dev-stage { padding: 0; gap: 0; }
  .dev-side { display: none; }
  .dev-phone { width: 100%; height: 100vh; max-height: none; min-height: 0; border-radius: 0; box-shadow: none; }
  .dev-home { display: none; }
}

.dev-launcher { max-width: 480px; margin: 0 auto; padding: 48px 20px; }
.dev-launcher-brand { color: #07c160; font-weight: 700; text-transform: uppercase; font-size: 13px; letter-spacing: .04em; }
.dev-launcher-title { margin: 6px 0 24px; font-size: 28px; }
.dev-launcher-list { display: flex; flex-direction: column; border-radius: 12px; overflow: hidden; background: #fff; box-shadow: 0 4px 20px rgba(0,0,0,.06); }
.dev-launcher-item { display: flex; align-items: center; gap: 14px; padding: 14px 16px; color: inherit; text-decoration: none; }
.dev-launcher-item + .dev-launcher-item { border-top: 0.5px solid #eee; }
.dev-launcher-item:hover { background: #f7f7f7; }
.dev-launcher-icon { flex: none; width: 44px; height: 44px; border-radius: 10px; background: #07c160; color: #fff; display: flex; align-items: center; justify-content: center; font-size: 20px; font-weight: 700; }
.dev-launcher-text { display: flex; flex-direction: column; min-width: 0; }
.dev-launcher-name { font-size: 17px; font-weight: 600; }
.dev-launcher-desc { color: #888; font-size: 14px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
`;
