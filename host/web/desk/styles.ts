/**
 * The consoles' stylesheet, served as /desk.css to both: the host chrome (dialogs, toasts, buttons)
 * and the look shared with the shell, then the consoles' own layout. Mobile first: one column with
 * a bar across the top; from 900px a sidebar and wider pages with a side column.
 */
import { chromeCss } from '../../../sdk/view/chrome/css.ts';
import { baseCss } from '../common/styles.ts';
import { paymentsDeskCss } from './payments-styles.ts';

export function deskStylesheet(): string {
  return chromeCss('shell') + baseCss + deskCss + paymentsDeskCss;
}

const deskCss = `
body { min-height: 100%; height: auto; }
.desk-screen { min-height: 100vh; min-height: 100dvh; }
.desk-boot { min-height: 100vh; }
.desk-overlays { position: fixed; inset: 0; z-index: 50; pointer-events: none; }
.desk-overlays .shell-modal-layer { pointer-events: auto; }
.desk-overlays .shell-toast { max-width: min(420px, calc(100vw - 48px)); }
.desk-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.desk-offscreen { position: fixed; left: -9999px; top: 0; }

/* Sign in */
.desk-auth { min-height: 100vh; min-height: 100dvh; padding-top: 56px; }
.desk-auth-column { max-width: 440px; margin: 0 auto; }
.desk-auth-card { padding-top: 16px; }
.desk-auth-heading { margin: 4px 0 16px; font-size: 18px; }
.desk-segment { border: none; background: none; cursor: pointer; }
.desk-segment.shell-segment-active { background: #fff; }
.desk-session-note { margin: 14px 0 0; color: var(--muted); font-size: 13px; line-height: 1.5; }
.desk-auth-notice { margin-bottom: 14px; padding: 10px 12px; border-radius: 8px; background: #fff7e6; color: #8a5300; font-size: 14px; line-height: 1.45; }

/* The frame: a bar across the top on a phone, a sidebar on a wide screen. */
.desk { min-height: 100vh; min-height: 100dvh; }
.desk-side {
  position: sticky; top: 0; z-index: 5; display: grid; grid-template-columns: 1fr auto; grid-template-areas: "brand who" "nav nav";
  align-items: center; gap: 4px 12px; padding: 8px 12px 0; background: #fff; border-bottom: 0.5px solid #e2e2e2;
}
.desk-brand { grid-area: brand; display: flex; align-items: center; gap: 10px; min-width: 0; color: var(--ink); text-decoration: none; }
.desk-logo { width: 34px; height: 34px; border-radius: 10px; font-size: 19px; box-shadow: none; }
.desk-brand-text { display: flex; flex-direction: column; min-width: 0; }
.desk-brand-name { font-size: 15px; font-weight: 700; }
.desk-brand-sub { color: var(--muted); font-size: 12px; white-space: nowrap; }
.desk-nav { grid-area: nav; display: flex; gap: 4px; overflow-x: auto; scrollbar-width: none; }
.desk-nav::-webkit-scrollbar { display: none; }
.desk-nav-link { flex: none; padding: 10px 12px; border-bottom: 2px solid transparent; color: #4c4c4c; text-decoration: none; font-size: 15px; font-weight: 500; }
.desk-nav-link:hover { color: var(--ink); }
.desk-nav-active { color: var(--green); border-bottom-color: var(--green); font-weight: 600; }
.desk-who { grid-area: who; display: flex; align-items: center; gap: 10px; min-width: 0; }
.desk-who .shell-avatar, .desk-who-text { display: none; }
.desk-who-text { flex-direction: column; min-width: 0; }
.desk-who-name { font-size: 14px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.desk-who-email { color: var(--muted); font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.desk-who-actions { display: flex; gap: 8px; }
.desk-main { padding: 16px 12px 48px; }
@media (min-width: 900px) {
  .desk { display: grid; grid-template-columns: 240px minmax(0, 1fr); background: linear-gradient(to right, #fff 240px, transparent 240px); }
  .desk-side {
    position: sticky; top: 0; height: 100vh; height: 100dvh; box-sizing: border-box; grid-template-columns: 1fr; grid-template-rows: auto 1fr auto;
    grid-template-areas: "brand" "nav" "who"; align-items: start; gap: 20px; padding: 20px 14px; border-bottom: none; border-right: 0.5px solid #e2e2e2;
  }
  .desk-nav { flex-direction: column; gap: 2px; overflow: visible; }
  .desk-nav-link { padding: 10px 12px; border-bottom: none; border-radius: 8px; }
  .desk-nav-link:hover { background: #f5f5f5; }
  .desk-nav-active, .desk-nav-active:hover { background: #e8f8ef; }
  .desk-who { flex-wrap: wrap; padding-top: 14px; border-top: 0.5px solid #ececec; }
  .desk-who .shell-avatar { display: inline-flex; }
  .desk-who-text { display: flex; flex: 1; }
  .desk-who-actions { width: 100%; }
  .desk-who-actions > * { flex: 1; }
  .desk-main { padding: 28px 32px 64px; }
}

/* Pages */
.desk-page { max-width: 1160px; margin: 0 auto; }
.desk-page-narrow { max-width: 720px; }
.desk-head { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 16px; margin: 0 0 18px; }
.desk-head-text { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 6px; }
.desk-back { align-self: flex-start; color: var(--link); font-size: 14px; text-decoration: none; }
.desk-back::before { content: "‹ "; }
.desk-title { margin: 0; font-size: 26px; font-weight: 700; letter-spacing: -.01em; overflow-wrap: anywhere; }
.desk-head-sub { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; color: var(--muted); font-size: 14px; }
.desk-head-sub strong { color: #8a5300; font-weight: 600; }
.desk-head-actions { display: flex; gap: 8px; }
.desk-columns { display: grid; gap: 16px; }
.desk-column { display: flex; flex-direction: column; gap: 16px; min-width: 0; }
@media (min-width: 1100px) { .desk-columns { grid-template-columns: minmax(0, 1fr) 340px; align-items: start; } }
.desk-panel { padding: 18px 18px 20px; border-radius: 12px; background: #fff; box-shadow: 0 0 0 0.5px rgba(0,0,0,.04); }
.desk-panel-title { margin: 0 0 12px; font-size: 17px; font-weight: 600; }
.desk-subtitle { margin: 18px 0 8px; color: #4c4c4c; font-size: 14px; font-weight: 600; }
.desk-note { margin: 0 0 10px; color: var(--muted); font-size: 14px; line-height: 1.5; }
.desk-facts + .desk-notes { margin-top: 14px; }
.desk-notes { margin: 0 0 10px; font-size: 15px; line-height: 1.55; white-space: pre-wrap; overflow-wrap: anywhere; }
.desk-muted { color: var(--muted); }
.desk-mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; padding: 1px 6px; border-radius: 5px; background: #f2f2f2; color: #4c4c4c; overflow-wrap: anywhere; }
.desk-loading { display: flex; flex-direction: column; gap: 4px; padding: 20px; border-radius: 12px; background: #fff; }
.desk-empty { border-radius: 12px; background: #fff; }
.desk-empty .desk-inline-button { margin-top: 10px; }
.desk-inline-button { display: inline-flex; align-items: center; justify-content: center; min-height: 40px; padding: 0 18px; font-size: 15px; text-decoration: none; }
.desk-end { margin-top: 12px; text-align: center; }

/* Buttons */
.desk-button {
  display: inline-flex; align-items: center; justify-content: center; min-height: 36px; padding: 0 14px; box-sizing: border-box;
  border: 0.5px solid #d9d9d9; border-radius: 8px; background: #fff; color: var(--ink); font-size: 14px; font-weight: 500; text-decoration: none; cursor: pointer;
}
.desk-button:hover { background: #f7f7f7; }
.desk-button:disabled { opacity: .5; cursor: default; }
.desk-button-quiet { border-color: transparent; color: var(--link); }
.desk-button-danger { color: var(--danger); }
.desk-button-danger-solid { min-height: 40px; border: none; background: var(--danger); color: #fff; font-size: 15px; font-weight: 600; }
.desk-button-danger-solid:hover { background: #e54545; }
.desk-chip-button { min-height: 32px; padding: 0 12px; border: 0.5px solid #d9d9d9; border-radius: 16px; background: #fff; color: #4c4c4c; font-size: 14px; cursor: pointer; }
.desk-chip-button:hover { border-color: var(--green); color: var(--green); }
.desk-chip-button-active, .desk-chip-button-active:hover { border-color: var(--green); background: var(--green); color: #fff; font-weight: 600; }
.desk-more, .desk-more-button { display: inline-block; margin-top: 12px; }

/* Badges and chips */
.desk-badge { display: inline-flex; align-items: center; height: 22px; padding: 0 8px; border-radius: 11px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.desk-badge-green { background: #e8f8ef; color: #05944a; }
.desk-badge-blue { background: #e8f3ff; color: #1a6fd1; }
.desk-badge-orange { background: #fff3e0; color: #b45f00; }
.desk-badge-red { background: #ffeceb; color: #d0312d; }
.desk-badge-grey { background: #f0f0f0; color: #666; }
.desk-chip { display: inline-flex; align-items: center; padding: 1px 8px; border-radius: 6px; background: #f2f2f2; color: #4c4c4c; font-size: 12px; font-weight: 500; white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.desk-chip-added { background: #e8f8ef; color: #05944a; }
.desk-chip-removed { background: #ffeceb; color: #d0312d; }
.desk-chip-target { background: #fff3e0; color: #8a5300; }
.desk-changes { display: flex; flex-wrap: wrap; gap: 6px; }

/* Lists of rows (apps, queue) */
.desk-list { overflow: hidden; border-radius: 12px; background: #fff; }
.desk-row { position: relative; display: flex; flex-wrap: wrap; align-items: center; gap: 10px 14px; padding: 14px 16px; color: inherit; text-decoration: none; }
.desk-row + .desk-row::before { content: ""; position: absolute; top: 0; left: 78px; right: 0; border-top: 0.5px solid #ececec; }
.desk-row:hover { background: #fafafa; }
.desk-row-text { flex: 1 1 220px; min-width: 0; display: flex; flex-direction: column; gap: 3px; }
.desk-row-title { font-size: 16px; font-weight: 600; overflow-wrap: anywhere; }
.desk-row-sub { color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.desk-row-alert { color: #d0312d; font-size: 13px; }
.desk-row-states { display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 6px; margin-left: 62px; }
.desk-row-fact { color: #4c4c4c; font-size: 13px; font-variant-numeric: tabular-nums; }
@media (min-width: 700px) { .desk-row { flex-wrap: nowrap; } .desk-row-states { margin-left: 0; } }

/* Facts */
.desk-facts { display: grid; gap: 10px; margin: 0; }
.desk-fact { display: grid; gap: 2px; }
.desk-fact dt { color: var(--muted); font-size: 13px; }
.desk-fact dd { margin: 0; font-size: 14px; line-height: 1.45; overflow-wrap: anywhere; }
@media (min-width: 600px) { .desk-fact { grid-template-columns: 150px minmax(0, 1fr); gap: 12px; align-items: baseline; } }
.desk-column-side .desk-fact { grid-template-columns: 1fr; gap: 2px; }

/* Banners */
.desk-banner { display: flex; flex-direction: column; gap: 6px; margin: 0 0 16px; padding: 14px 16px; border-radius: 12px; font-size: 14px; line-height: 1.5; }
.desk-banner-danger { background: #ffeceb; color: #8c1d18; }
.desk-banner-ok { background: #e8f8ef; color: #05613a; }
.desk-banner-reason { font-size: 15px; font-weight: 500; }

/* Versions, checks, changes, reasons */
.desk-versions { display: flex; flex-direction: column; gap: 10px; }
.desk-version { border: 0.5px solid #e5e5e5; border-radius: 10px; }
.desk-version[open] { border-color: #d6d6d6; }
.desk-version-summary { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; padding: 12px 14px; cursor: pointer; list-style: none; }
.desk-version-summary::-webkit-details-marker { display: none; }
.desk-version-summary::before { content: ""; width: 7px; height: 7px; border-right: 2px solid #b2b2b2; border-bottom: 2px solid #b2b2b2; transform: rotate(-45deg); transition: transform .15s; }
.desk-version[open] > .desk-version-summary::before { transform: rotate(45deg); }
.desk-version-number { font-size: 16px; font-weight: 700; font-variant-numeric: tabular-nums; }
.desk-version-when, .desk-version-size { color: var(--muted); font-size: 13px; }
.desk-version-size { margin-left: auto; }
.desk-version-body { padding: 0 14px 16px; border-top: 0.5px solid #eee; }
.desk-version-actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 16px; }
.desk-checks, .desk-findings, .desk-reasons, .desk-scopes, .desk-audit-list { margin: 0; padding: 0; list-style: none; }
.desk-check { display: flex; gap: 10px; padding: 8px 0; }
.desk-check + .desk-check { border-top: 0.5px solid #f0f0f0; }
.desk-check-mark { position: relative; flex: none; width: 20px; height: 20px; margin-top: 1px; border-radius: 50%; background: #c8c8c8; }
.desk-check-passed .desk-check-mark { background: var(--green); }
.desk-check-passed .desk-check-mark::after { content: ""; position: absolute; left: 7px; top: 3px; width: 4px; height: 9px; border: solid #fff; border-width: 0 2px 2px 0; transform: rotate(45deg); }
.desk-check-failed .desk-check-mark { background: var(--danger); }
.desk-check-failed .desk-check-mark::before, .desk-check-failed .desk-check-mark::after { content: ""; position: absolute; left: 9px; top: 4px; width: 2px; height: 12px; background: #fff; transform: rotate(45deg); }
.desk-check-failed .desk-check-mark::after { transform: rotate(-45deg); }
.desk-check-skipped .desk-check-mark::after { content: ""; position: absolute; left: 5px; top: 9px; width: 10px; height: 2px; background: #fff; }
.desk-check-body { min-width: 0; flex: 1; }
.desk-check-title { font-size: 14px; font-weight: 600; }
.desk-check-summary { color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.desk-findings { display: flex; flex-direction: column; gap: 4px; margin-top: 6px; }
.desk-finding { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px; padding: 6px 8px; border-radius: 6px; font-size: 13px; line-height: 1.45; }
.desk-finding-error { background: #fff1f0; }
.desk-finding-warning { background: #fff8eb; }
.desk-finding-severity { font-weight: 700; }
.desk-finding-error .desk-finding-severity { color: #d0312d; }
.desk-finding-warning .desk-finding-severity { color: #b45f00; }
.desk-finding-text { flex: 1 1 200px; overflow-wrap: anywhere; }
.desk-reasons { display: flex; flex-direction: column; gap: 6px; }
.desk-reason { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px; padding: 8px 10px; border-radius: 8px; background: #fff8eb; font-size: 14px; line-height: 1.45; }
.desk-banner .desk-reason { background: rgba(255,255,255,.6); }
.desk-reason-text { flex: 1 1 200px; overflow-wrap: anywhere; }
.desk-scopes { display: flex; flex-direction: column; gap: 10px; }
.desk-scope-head { display: flex; align-items: center; gap: 8px; font-size: 14px; }
.desk-scope-reason { margin-top: 4px; color: #4c4c4c; font-size: 14px; line-height: 1.45; }

/* Release */
.desk-release-line { margin: 0 0 10px; font-size: 15px; font-weight: 500; }
.desk-meter { display: block; height: 8px; margin: 0 0 14px; border-radius: 4px; background: #eef0f2; overflow: hidden; }
.desk-meter-fill { display: block; height: 100%; border-radius: 4px; background: #10aeff; }
.desk-action-row { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 16px; padding: 12px 0; border-top: 0.5px solid #f0f0f0; }
.desk-action-text { flex: 1 1 240px; display: flex; flex-direction: column; gap: 2px; font-size: 14px; line-height: 1.45; }
.desk-action-buttons { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.desk-select { height: 36px; padding: 0 8px; font-size: 14px; }

/* Forms */
.desk-form { display: flex; flex-direction: column; gap: 16px; }
.desk-field .shell-field-input { font-size: 15px; }
.desk-textarea { height: auto; min-height: 64px; padding: 10px 12px; line-height: 1.45; resize: vertical; }
.desk-hint { color: var(--muted); font-size: 12px; line-height: 1.4; }
.desk-file { height: auto; padding: 10px 12px; }
.desk-icon-preview { display: flex; align-items: center; gap: 12px; }
.desk-icon-preview:empty { display: none; }
.desk-form-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 10px; margin-top: 6px; }
.desk-submit { min-height: 44px; }
.desk-inline-form { display: flex; flex-direction: column; gap: 10px; margin-top: 14px; padding: 14px; border-radius: 10px; background: var(--ground); }
.desk-decision + .desk-decision { margin-top: 18px; padding-top: 4px; border-top: 0.5px solid #eee; }
.desk-decision .shell-field { margin-bottom: 10px; }
.desk-reason-rows { display: flex; flex-direction: column; gap: 10px; }
.desk-reason-row { margin: 0; padding: 10px 12px 8px; border: 0.5px solid #e5e5e5; border-radius: 10px; }
.desk-legend { padding: 0 4px; color: #4c4c4c; font-size: 13px; font-weight: 600; }
.desk-remove, .desk-add { margin: 0; padding: 4px 0; font-size: 14px; }
.desk-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 10px; margin: 0 0 14px; }
.desk-search { flex: 1 1 240px; height: 40px; }
.desk-toolbar .desk-select { height: 40px; }
.desk-filters { display: flex; gap: 6px; }

/* Secrets and commands */
.desk-secret { display: flex; flex-direction: column; gap: 12px; margin: 4px 0 10px; padding: 14px; border: 1px solid #ffd591; border-radius: 10px; background: #fffbf2; }
.desk-secret-title { font-size: 15px; font-weight: 600; }
.desk-secret-warning { margin: 0; color: #8a5300; font-size: 13px; line-height: 1.5; }
.desk-copy { display: flex; align-items: center; gap: 8px; min-width: 0; }
.desk-copy-value { flex: 1; min-width: 0; padding: 7px 10px; border-radius: 8px; background: #fff; border: 0.5px solid #e5e5e5; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; overflow-wrap: anywhere; user-select: all; }
.desk-code { position: relative; margin: 4px 0 10px; border-radius: 10px; background: #1f2329; color: #e6e6e6; }
.desk-code pre { margin: 0; padding: 14px 16px; padding-right: 84px; overflow-x: auto; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; line-height: 1.6; }
.desk-code-copy { position: absolute; top: 8px; right: 8px; min-height: 28px; border-color: #444; background: #2c3138; color: #e6e6e6; font-size: 12px; }
.desk-code-copy:hover { background: #363c44; }

/* Audit log */
.desk-audit-list { display: flex; flex-direction: column; }
.desk-audit { display: grid; gap: 4px; padding: 10px 0; border-top: 0.5px solid #f0f0f0; font-size: 14px; line-height: 1.45; }
.desk-audit:first-child { border-top: none; }
.desk-audit-when { color: var(--muted); font-size: 13px; font-variant-numeric: tabular-nums; }
.desk-audit-who { color: var(--muted); font-size: 13px; }
.desk-audit-reason { color: #4c4c4c; }
.desk-page > .desk-audit-list, .desk-page > .desk-slot > .desk-audit-list { padding: 4px 16px; border-radius: 12px; background: #fff; }
@media (min-width: 700px) { .desk-audit { grid-template-columns: 170px minmax(0, 1fr); gap: 16px; } }
`;
