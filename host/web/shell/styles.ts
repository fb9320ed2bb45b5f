/**
 * The shell's stylesheet, served as /shell.css: the component set's look, the host chrome shared
 * with the dev shell (under the `shell-` prefix), the look shared with the consoles
 * (../common/styles.ts), and the shell's own pages (the payment parts: ./pay-styles.ts). A
 * consumer look: WeChat green, the system font, rounded app icons, grouped lists on light grey.
 */
import { chromeCss } from '../../../sdk/view/chrome/css.ts';
import { componentCss } from '../../../sdk/view/styles.ts';
import { baseCss } from '../common/styles.ts';
import { payCss } from './pay-styles.ts';

export function shellStylesheet(): string {
  return componentCss + chromeCss('shell') + baseCss + shellCss + payCss;
}

const shellCss = `
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

/* Me */
.shell-card-actions { display: flex; flex-direction: column; gap: 10px; width: 100%; margin-top: 10px; }
.shell-signed-out { display: flex; flex-direction: column; align-items: center; gap: 10px; padding: 32px 20px 24px; text-align: center; }
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
.shell-danger-text { color: var(--danger); }
.shell-danger-button, .shell-danger-button:hover { background: var(--danger); }
.shell-erase-list { margin: 0 0 4px; padding-left: 20px; color: var(--ink); font-size: 14px; line-height: 1.5; }

/* Log in: a console's account signed in on this browser */
.shell-auth-note { margin: 14px 0 0; color: var(--muted); font-size: 13px; line-height: 1.5; }

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

/* A suspended mini-program: the platform's reason, and only the way out. */
.shell-suspended { align-items: center; text-align: center; padding-top: 80px; }
.shell-suspended-actions { display: flex; flex-direction: column; margin-top: 16px; min-width: 200px; }
.shell-suspended-icon { position: relative; width: 64px; height: 64px; border-radius: 50%; background: #fa9d3b; }
.shell-suspended-icon::before, .shell-suspended-icon::after { content: ""; position: absolute; top: 20px; width: 7px; height: 24px; border-radius: 2px; background: #fff; }
.shell-suspended-icon::before { left: 22px; }
.shell-suspended-icon::after { right: 22px; }
.shell-suspended-reason { margin: 0; padding: 12px 16px; border-radius: 10px; background: var(--ground); color: var(--ink); font-size: 15px; line-height: 1.5; overflow-wrap: anywhere; white-space: pre-wrap; }

/* The consent sheet: who asks, for what, and why, in the host's words. */
.shell-consent-sheet { text-align: left; }
.shell-consent-from { display: flex; align-items: center; gap: 8px; margin-bottom: 14px; font-size: 15px; font-weight: 600; }
.shell-consent-asks { color: var(--muted); font-weight: 400; }
.shell-consent-sheet .shell-modal-title { font-size: 20px; }
.shell-consent-sheet .shell-modal-content { margin-bottom: 12px; padding: 12px 14px; border-radius: 10px; background: var(--ground); color: #4c4c4c; }
.shell-consent-sheet .shell-sheet-actions { margin-top: 8px; }
`;
