/**
 * The shell's stylesheet, served as /shell.css: the component set's look, the host chrome shared
 * with the dev shell (under the `shell-` prefix), and the shell's own pages. A consumer look:
 * WeChat green, the system font, rounded app icons, grouped lists on a light grey ground.
 */
import { chromeCss } from '../../../sdk/view/chrome/css.ts';
import { componentCss } from '../../../sdk/view/styles.ts';

export function shellStylesheet(): string {
  return componentCss + chromeCss('shell') + shellCss;
}

const shellCss = `
:root { color-scheme: light; --green: #07c160; --green-dark: #06ad56; --ground: #f7f7f7; --bar: #ededed; --ink: #191919; --muted: #888; --link: #576b95; --danger: #fa5151; }
html, body { margin: 0; height: 100%; }
body {
  font-family: -apple-system, BlinkMacSystemFont, "PingFang SC", "Helvetica Neue", "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif;
  background: var(--ground); color: var(--ink); -webkit-font-smoothing: antialiased; -webkit-tap-highlight-color: transparent;
}
button, input { font: inherit; color: inherit; }
a { color: var(--link); }
.shell-noscript { padding: 24px; text-align: center; color: var(--muted); }

/* One phone-width column: the whole screen on a phone, centred on a wider one. */
.shell-root { position: relative; height: 100vh; height: 100dvh; max-width: 480px; margin: 0 auto; overflow: hidden; background: var(--ground); }
.shell-screen { position: absolute; inset: 0; display: flex; flex-direction: column; }
.shell-screen > * { flex: 1; min-height: 0; }
@media (min-width: 560px) {
  body { background: radial-gradient(circle at 30% 20%, #eef5f1 0, #e3e8ec 55%, #d9dee3 100%); }
  .shell-root { box-shadow: 0 0 0 0.5px rgba(0,0,0,.08), 0 20px 60px rgba(0,0,0,.12); }
}
.shell-boot { display: flex; align-items: center; justify-content: center; }
.shell-boot .shell-logo { animation: shell-pulse 1.2s ease-in-out infinite; }
@keyframes shell-pulse { 50% { opacity: .55; transform: scale(.94); } }

/* The shell's own pages: header, scrolling body, tab bar. */
.shell-home { display: flex; flex-direction: column; }
.shell-home-header { flex: none; padding: 10px 16px 10px; background: var(--bar); }
.shell-header-row { display: flex; align-items: center; justify-content: space-between; min-height: 44px; }
.shell-header-title { margin: 0; font-size: 24px; font-weight: 700; letter-spacing: -.01em; }
.shell-header-action { color: var(--green); font-weight: 600; text-decoration: none; font-size: 16px; padding: 8px 0 8px 12px; }
.shell-home-scroll { flex: 1; min-height: 0; overflow-y: auto; overscroll-behavior: contain; }
.shell-home-body { padding: 4px 0 28px; }
.shell-home-tabs { flex: none; display: flex; height: 56px; background: var(--ground); border-top: 0.5px solid #d9d9d9; }
.shell-home-tab { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 3px; color: var(--ink); text-decoration: none; font-size: 11px; }
.shell-home-tab-active { color: var(--green); font-weight: 600; }
.shell-home-tab-icon { position: relative; width: 24px; height: 24px; box-sizing: border-box; }
.shell-home-tab-discover .shell-home-tab-icon { border: 2px solid currentColor; border-radius: 50%; }
.shell-home-tab-discover .shell-home-tab-icon::after {
  content: ""; position: absolute; left: 50%; top: 50%; width: 6px; height: 12px; margin: -6px 0 0 -3px;
  background: currentColor; clip-path: polygon(50% 0, 100% 50%, 50% 100%, 0 50%); transform: rotate(45deg);
}
.shell-home-tab-me .shell-home-tab-icon::before { content: ""; position: absolute; left: 7px; top: 1px; width: 10px; height: 10px; border-radius: 50%; border: 2px solid currentColor; box-sizing: border-box; }
.shell-home-tab-me .shell-home-tab-icon::after { content: ""; position: absolute; left: 2px; top: 13px; width: 20px; height: 10px; border-radius: 10px 10px 3px 3px; border: 2px solid currentColor; box-sizing: border-box; }
.shell-home-tab-active .shell-home-tab-icon::before, .shell-home-tab-active.shell-home-tab-me .shell-home-tab-icon::after { background: currentColor; }
.shell-home-tab-active.shell-home-tab-discover .shell-home-tab-icon { background: currentColor; }
.shell-home-tab-active.shell-home-tab-discover .shell-home-tab-icon::after { background: var(--ground); }

/* Search */
.shell-search { position: relative; display: flex; align-items: center; height: 38px; margin-top: 6px; padding: 0 12px 0 36px; border-radius: 10px; background: #fff; }
.shell-search-icon { position: absolute; left: 12px; top: 11px; width: 13px; height: 13px; border: 2px solid #b2b2b2; border-radius: 50%; box-sizing: border-box; }
.shell-search-icon::after { content: ""; position: absolute; left: 10px; top: 10px; width: 6px; height: 2px; background: #b2b2b2; border-radius: 1px; transform: rotate(45deg); transform-origin: 0 50%; }
.shell-search-input { flex: 1; min-width: 0; height: 100%; border: none; outline: none; background: transparent; font-size: 16px; }
.shell-search-input::placeholder { color: #b2b2b2; }
.shell-search-input::-webkit-search-cancel-button { filter: grayscale(1); }

/* Sections and lists */
.shell-section { margin: 16px 0 0; }
.shell-section-title { margin: 0 16px 8px; color: var(--muted); font-size: 13px; font-weight: 500; }
.shell-section-note { margin: -2px 16px 10px; color: var(--muted); font-size: 13px; line-height: 1.45; }
.shell-list { margin: 0 12px; overflow: hidden; border-radius: 12px; background: #fff; }
.shell-list + .shell-list { margin-top: 10px; }
.shell-list-plain { margin-top: 24px; }
.shell-row {
  position: relative; display: flex; align-items: center; gap: 12px; box-sizing: border-box; width: 100%; min-height: 52px; padding: 12px 16px;
  border: none; background: #fff; color: inherit; text-align: left; text-decoration: none; cursor: pointer;
}
.shell-row + .shell-row::before { content: ""; position: absolute; top: 0; left: 76px; right: 0; border-top: 0.5px solid #ececec; }
.shell-row:active { background: #f2f2f2; }
.shell-row-text { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 2px; }
.shell-row-title { font-size: 16px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.shell-row-sub { color: var(--muted); font-size: 13px; line-height: 1.4; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.shell-open-pill { flex: none; padding: 5px 14px; border-radius: 15px; background: #f2f2f2; color: var(--green); font-size: 14px; font-weight: 600; }
.shell-app-row:active .shell-open-pill { background: #e6e6e6; }

/* App icons: a rounded square in the app's colour with its initial. */
.shell-icon {
  flex: none; display: inline-flex; align-items: center; justify-content: center; box-sizing: border-box;
  background: var(--icon-colour, #07c160);
  background: linear-gradient(145deg, color-mix(in srgb, var(--icon-colour, #07c160) 78%, #fff) 0%, var(--icon-colour, #07c160) 70%);
  color: #fff; font-weight: 700; line-height: 1; box-shadow: inset 0 -1px 0 rgba(0,0,0,.08), 0 1px 2px rgba(0,0,0,.08);
  user-select: none;
}
.shell-icon-small { width: 28px; height: 28px; border-radius: 8px; font-size: 14px; }
.shell-icon-medium { width: 48px; height: 48px; border-radius: 12px; font-size: 22px; }
.shell-icon-large { width: 56px; height: 56px; border-radius: 14px; font-size: 25px; }

/* Recently used: a row of tiles */
.shell-recent { display: flex; gap: 2px; overflow-x: auto; padding: 2px 8px 4px; scrollbar-width: none; }
.shell-recent::-webkit-scrollbar { display: none; }
.shell-tile { flex: none; width: 76px; display: flex; flex-direction: column; align-items: center; gap: 7px; padding: 6px 0; border-radius: 12px; color: var(--ink); text-decoration: none; font-size: 12px; }
.shell-tile:active { background: rgba(0,0,0,.05); }
.shell-tile-name { max-width: 70px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }

/* Category chips */
.shell-chips { display: flex; gap: 8px; overflow-x: auto; padding: 14px 16px 0; scrollbar-width: none; }
.shell-chips::-webkit-scrollbar { display: none; }
.shell-chip { flex: none; height: 32px; padding: 0 16px; border: none; border-radius: 16px; background: #fff; color: #4c4c4c; font-size: 14px; cursor: pointer; }
.shell-chip:active { background: #ececec; }
.shell-chip-active, .shell-chip-active:active { background: var(--green); color: #fff; font-weight: 600; }

/* Empty and loading states */
.shell-empty { display: flex; flex-direction: column; align-items: center; gap: 8px; padding: 40px 24px; text-align: center; color: var(--muted); font-size: 14px; line-height: 1.45; }
.shell-empty-small { padding: 18px 24px; margin: 0 12px; border-radius: 12px; background: #fff; }
.shell-empty-page { justify-content: center; padding-bottom: 80px; }
.shell-empty-title { color: var(--ink); font-size: 17px; font-weight: 600; }
.shell-empty-icon { position: relative; width: 56px; height: 56px; margin-bottom: 6px; border-radius: 50%; background: #e9e9e9; }
.shell-empty-icon::before { content: ""; position: absolute; left: 16px; top: 15px; width: 18px; height: 18px; border: 3px solid #bdbdbd; border-radius: 50%; box-sizing: border-box; }
.shell-empty-icon::after { content: ""; position: absolute; left: 31px; top: 32px; width: 9px; height: 3px; border-radius: 2px; background: #bdbdbd; transform: rotate(45deg); transform-origin: 0 50%; }
.shell-link-button { margin-top: 6px; padding: 8px 16px; border: none; background: none; color: var(--link); font-size: 15px; cursor: pointer; }
.shell-skeleton .shell-row { cursor: default; }
.shell-bone { background: linear-gradient(90deg, #efefef 0, #f7f7f7 50%, #efefef 100%); background-size: 200% 100%; animation: shell-shimmer 1.3s linear infinite; box-shadow: none; }
.shell-bone-line { display: block; width: 45%; height: 14px; border-radius: 6px; }
.shell-bone-short { display: block; width: 75%; height: 11px; margin-top: 8px; border-radius: 6px; }
@keyframes shell-shimmer { to { background-position: -200% 0; } }

/* Buttons as links */
.shell-button-link { display: flex; align-items: center; justify-content: center; box-sizing: border-box; text-decoration: none; }

/* Me */
.shell-card { margin: 12px 12px 0; padding: 20px 16px; border-radius: 12px; background: #fff; }
.shell-card-title { font-size: 18px; font-weight: 600; }
.shell-card-text { margin: 0; color: var(--muted); font-size: 14px; line-height: 1.5; }
.shell-card-actions { display: flex; flex-direction: column; gap: 10px; width: 100%; margin-top: 10px; }
.shell-signed-out { display: flex; flex-direction: column; align-items: center; gap: 10px; padding: 32px 20px 24px; text-align: center; }
.shell-avatar {
  flex: none; display: inline-flex; align-items: center; justify-content: center; box-sizing: border-box;
  background: linear-gradient(145deg, #2fd27f, #07a354); color: #fff; font-weight: 700; text-decoration: none; line-height: 1;
}
.shell-avatar-small { width: 34px; height: 34px; border-radius: 9px; font-size: 16px; }
.shell-avatar-large { width: 64px; height: 64px; border-radius: 14px; font-size: 28px; }
.shell-avatar-empty { position: relative; background: #e4e4e4; }
.shell-avatar-empty::before { content: ""; position: absolute; left: 22px; top: 12px; width: 20px; height: 20px; border-radius: 50%; background: #c4c4c4; }
.shell-avatar-empty::after { content: ""; position: absolute; left: 14px; top: 36px; width: 36px; height: 18px; border-radius: 18px 18px 4px 4px; background: #c4c4c4; }
.shell-profile { display: flex; align-items: center; gap: 16px; padding: 24px 16px; }
.shell-profile-text { min-width: 0; display: flex; flex-direction: column; gap: 3px; }
.shell-profile-name { font-size: 21px; font-weight: 600; overflow-wrap: anywhere; }
.shell-profile-sub { color: var(--muted); font-size: 14px; overflow-wrap: anywhere; }
.shell-auth-app { padding-bottom: 4px; }
.shell-auth-head { display: flex; align-items: center; gap: 10px; padding: 14px 16px 4px; }
.shell-auth-head .shell-row-title { font-size: 15px; }
.shell-auth-row { padding-left: 54px; cursor: default; }
.shell-auth-row:active { background: #fff; }
.shell-row.shell-auth-row + .shell-row::before { left: 54px; }
.shell-auth-scope { font-size: 15px; }
.shell-auth-state { font-size: 13px; }
.shell-auth-allowed { color: var(--green); }
.shell-auth-denied { color: var(--muted); }
.shell-revoke { flex: none; padding: 5px 14px; border: 0.5px solid #dcdcdc; border-radius: 15px; background: #fff; color: var(--danger); font-size: 14px; cursor: pointer; }
.shell-revoke:active { background: #f5f5f5; }
.shell-revoke:disabled { opacity: .5; }
.shell-danger-row { justify-content: center; color: var(--danger); font-size: 16px; font-weight: 500; }

/* Log in and sign up */
.shell-auth { overflow-y: auto; padding: 48px 0 32px; box-sizing: border-box; background: linear-gradient(180deg, #e3f6ea 0, var(--ground) 320px); }
.shell-auth-brand { display: flex; flex-direction: column; align-items: center; gap: 6px; margin-bottom: 22px; text-align: center; }
.shell-logo { display: flex; align-items: center; justify-content: center; width: 64px; height: 64px; border-radius: 18px; background: linear-gradient(145deg, #2fd27f, #07a354); color: #fff; font-size: 34px; font-weight: 800; box-shadow: 0 10px 24px rgba(7,193,96,.28); }
.shell-auth-title { margin: 10px 0 0; font-size: 26px; letter-spacing: -.01em; }
.shell-auth-tagline { margin: 0; padding: 0 32px; color: #666; font-size: 15px; line-height: 1.45; }
.shell-auth-card { margin: 0 16px; padding: 10px 16px 20px; box-shadow: 0 6px 24px rgba(0,0,0,.05); }
.shell-segments { display: flex; margin: 6px 0 18px; padding: 3px; border-radius: 10px; background: #f0f0f0; }
.shell-segment { flex: 1; padding: 8px 0; border-radius: 8px; color: #666; text-align: center; text-decoration: none; font-size: 15px; font-weight: 500; }
.shell-segment-active { background: #fff; color: var(--ink); font-weight: 600; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
.shell-auth-form { display: flex; flex-direction: column; gap: 14px; }
.shell-field { display: flex; flex-direction: column; gap: 6px; }
.shell-field-label { color: #4c4c4c; font-size: 13px; font-weight: 600; }
.shell-field-input { height: 46px; padding: 0 12px; border: 1px solid #e3e3e3; border-radius: 10px; background: #fafafa; font-size: 16px; outline: none; }
.shell-field-input:focus { border-color: var(--green); background: #fff; box-shadow: 0 0 0 3px rgba(7,193,96,.15); }
.shell-form-error { padding: 10px 12px; border-radius: 8px; background: #fff1f0; color: #c4281c; font-size: 14px; line-height: 1.45; white-space: pre-line; }
.shell-form-error[hidden] { display: none; }
.shell-submit { height: 48px; margin-top: 4px; }
.shell-auth-browse { display: block; margin-top: 22px; text-align: center; text-decoration: none; font-size: 15px; }

/* A mini-program, open */
.shell-app { position: relative; display: flex; flex-direction: column; background: var(--ground); }
.shell-app-content { flex: 1; min-height: 0; }
.shell-sheet { inset: 44px 0 0 0; }
.shell-splash { position: absolute; inset: 44px 0 0 0; z-index: 4; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 14px; padding-bottom: 96px; background: var(--ground); }
.shell-splash[hidden] { display: none; }
.shell-splash-name { font-size: 17px; font-weight: 600; }
.shell-dots { display: flex; gap: 6px; }
.shell-dots span { width: 7px; height: 7px; border-radius: 50%; background: var(--green); animation: shell-dot 1s ease-in-out infinite; }
.shell-dots span:nth-child(2) { animation-delay: .15s; }
.shell-dots span:nth-child(3) { animation-delay: .3s; }
@keyframes shell-dot { 0%, 100% { opacity: .25; } 50% { opacity: 1; } }

/* The consent sheet: who asks, for what, and why, in the host's words. */
.shell-consent-sheet { text-align: left; }
.shell-consent-from { display: flex; align-items: center; gap: 8px; margin-bottom: 14px; font-size: 15px; font-weight: 600; }
.shell-consent-asks { color: var(--muted); font-weight: 400; }
.shell-consent-sheet .shell-modal-title { font-size: 20px; }
.shell-consent-sheet .shell-modal-content { margin-bottom: 12px; padding: 12px 14px; border-radius: 10px; background: var(--ground); color: #4c4c4c; }
.shell-consent-sheet .shell-sheet-actions { margin-top: 8px; }
`;
