/** The dev shell's own look: a phone with host-drawn bars, beside a small developer panel. */
export const shellCss = `
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

.dev-navbar {
  flex: none; position: relative; height: 44px; display: flex; align-items: center; justify-content: center;
  background: #ededed; border-bottom: 0.5px solid #d9d9d9; z-index: 2;
}
.dev-title { max-width: 200px; font-size: 17px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.dev-back {
  position: absolute; left: 4px; top: 0; width: 44px; height: 44px; padding: 0; border: none; background: none; cursor: pointer;
}
.dev-back::before {
  content: ""; position: absolute; left: 17px; top: 15px; width: 12px; height: 12px;
  border-left: 2.5px solid #191919; border-bottom: 2.5px solid #191919; transform: rotate(45deg);
}
.dev-back[hidden] { display: none; }
.dev-capsule {
  position: absolute; right: 8px; top: 6px; width: 87px; height: 32px; box-sizing: border-box;
  display: flex; align-items: center; justify-content: space-around;
  border: 0.5px solid rgba(0,0,0,.12); border-radius: 16px; background: rgba(255,255,255,.6);
}
.dev-capsule-more { width: 19px; height: 5px; background: radial-gradient(circle, #191919 2px, transparent 2.5px) 0 0 / 7px 5px repeat-x; }
.dev-capsule-sep { width: 0.5px; height: 18px; background: rgba(0,0,0,.15); }
.dev-capsule-close { width: 16px; height: 16px; border-radius: 50%; border: 2px solid #191919; box-sizing: border-box; position: relative; }
.dev-capsule-close::after { content: ""; position: absolute; inset: 3px; border-radius: 50%; background: #191919; }

.dev-content { flex: 1; background: #f7f7f7; }
.dev-safe-area { flex: none; height: 20px; background: #f7f7f7; }
.dev-safe-area[hidden] { display: none; }
.dev-tabbar {
  flex: none; display: flex; height: 56px; padding-bottom: 20px; background: #f7f7f7; border-top: 0.5px solid #d9d9d9;
}
.dev-tabbar[hidden] { display: none; }
.dev-tab { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 3px; border: none; background: none; color: #191919; cursor: pointer; font-size: 10px; }
.dev-tab-icon { width: 22px; height: 22px; border-radius: 7px; border: 2px solid currentColor; box-sizing: border-box; opacity: .8; }
.dev-tab-active { color: #07c160; }
.dev-tab-active .dev-tab-icon { background: currentColor; opacity: 1; }
.dev-home { position: absolute; bottom: 8px; left: 50%; width: 134px; height: 5px; margin-left: -67px; border-radius: 3px; background: #191919; pointer-events: none; z-index: 5; }

.dev-sheet {
  position: absolute; inset: 88px 0 0 0; z-index: 3; overflow: auto; padding: 28px 20px; box-sizing: border-box;
  background: #fff; display: flex; flex-direction: column; gap: 12px;
}
.dev-sheet[hidden] { display: none; }
.dev-sheet-title { font-size: 20px; font-weight: 600; }
.dev-sheet-note { margin: 0; color: #666; font-size: 14px; line-height: 1.5; }
.dev-errors .dev-sheet-title { color: #fa5151; }
.dev-errors-list {
  margin: 4px 0 0; padding: 12px; border-radius: 8px; background: #fff4f4; color: #b42318;
  font: 12.5px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-word;
}
.dev-ended { align-items: center; text-align: center; padding-top: 80px; }
.dev-ended-icon { width: 64px; height: 64px; border-radius: 50%; background: #fa5151; position: relative; }
.dev-ended-icon::before { content: "!"; position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: #fff; font-size: 36px; font-weight: 700; }

.dev-primary, .dev-secondary {
  min-height: 44px; padding: 0 24px; border: none; border-radius: 8px; font-size: 16px; font-weight: 600; cursor: pointer;
}
.dev-primary { color: #fff; background: #07c160; }
.dev-primary:active { background: #06ad56; }
.dev-secondary { color: #07c160; background: #f2f2f2; }

.dev-toast-layer { position: absolute; inset: 0; z-index: 6; display: flex; align-items: center; justify-content: center; pointer-events: none; }
.dev-toast {
  min-width: 120px; max-width: 220px; min-height: 120px; padding: 16px; box-sizing: border-box; border-radius: 12px;
  background: rgba(17,17,17,.78); color: #fff; font-size: 15px; text-align: center;
  display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 10px;
  animation: dev-fade .15s ease-out;
}
.dev-toast-text { min-height: 0; padding: 12px 18px; }
.dev-toast-icon { width: 40px; height: 40px; position: relative; }
.dev-icon-success::after { content: ""; position: absolute; left: 8px; top: 6px; width: 22px; height: 12px; border: 3px solid #fff; border-top: none; border-right: none; transform: rotate(-45deg); }
.dev-icon-error::before, .dev-icon-error::after { content: ""; position: absolute; left: 18px; top: 4px; width: 4px; height: 32px; border-radius: 2px; background: #fff; transform: rotate(45deg); }
.dev-icon-error::after { transform: rotate(-45deg); }
.dev-icon-loading { border-radius: 50%; border: 3px solid rgba(255,255,255,.3); border-top-color: #fff; box-sizing: border-box; animation: dev-spin .8s linear infinite; }
@keyframes dev-spin { to { transform: rotate(360deg); } }
@keyframes dev-fade { from { opacity: 0; transform: scale(.96); } }

.dev-modal-layer { position: absolute; inset: 0; z-index: 7; background: rgba(0,0,0,.5); display: flex; align-items: center; justify-content: center; }
.dev-modal-layer[hidden] { display: none; }
.dev-modal { width: 300px; border-radius: 12px; background: #fff; overflow: hidden; text-align: center; animation: dev-fade .15s ease-out; }
.dev-modal-title { padding: 32px 24px 8px; font-size: 17px; font-weight: 600; }
.dev-modal-content { padding: 0 24px 28px; color: #666; font-size: 15px; line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere; }
.dev-modal .dev-modal-title:last-of-type + .dev-modal-actions { margin-top: 24px; }
.dev-modal-actions { display: flex; border-top: 0.5px solid #e5e5e5; }
.dev-modal-actions button { flex: 1; height: 56px; border: none; background: none; font-size: 17px; font-weight: 600; cursor: pointer; }
.dev-modal-actions button + button { border-left: 0.5px solid #e5e5e5; }
.dev-modal-cancel { color: #191919; }
.dev-modal-confirm { color: #576b95; }
.dev-bottom-sheet {
  position: absolute; left: 0; right: 0; bottom: 0; padding: 28px 24px 44px; border-radius: 16px 16px 0 0;
  background: #fff; text-align: center; animation: dev-rise .2s ease-out;
}
.dev-bottom-sheet .dev-modal-title { padding: 0 0 8px; }
.dev-bottom-sheet .dev-modal-content { padding: 0 0 24px; }
.dev-pay-label { color: #666; font-size: 15px; }
.dev-pay-amount { margin: 8px 0 12px; font-size: 34px; font-weight: 600; font-variant-numeric: tabular-nums; }
.dev-sheet-actions { border: none; gap: 12px; }
.dev-sheet-actions button { height: 48px; border-radius: 8px; }
.dev-sheet-actions button + button { border-left: none; }
.dev-sheet-actions .dev-primary { color: #fff; background: #07c160; }
.dev-sheet-actions .dev-secondary { color: #191919; background: #f2f2f2; }
@keyframes dev-rise { from { transform: translateY(100%); } }

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
