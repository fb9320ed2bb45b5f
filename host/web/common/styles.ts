/**
 * The look Atrium's own pages share (the shell and both consoles): colours, the system font, app
 * icons, cards, avatars, empty states and the sign-in page. Class names keep the `shell-` prefix
 * of the host's chrome (`chromeCss('shell')`), so a console reads as part of the same app.
 */
export const baseCss = `
:root { color-scheme: light; --green: #07c160; --green-dark: #06ad56; --ground: #f7f7f7; --bar: #ededed; --ink: #191919; --muted: #888; --link: #576b95; --danger: #fa5151; }
html, body { margin: 0; height: 100%; }
body {
  font-family: -apple-system, BlinkMacSystemFont, "PingFang SC", "Helvetica Neue", "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif;
  background: var(--ground); color: var(--ink); -webkit-font-smoothing: antialiased; -webkit-tap-highlight-color: transparent;
}
button, input, select, textarea { font: inherit; color: inherit; }
a { color: var(--link); }
.shell-noscript { padding: 24px; text-align: center; color: var(--muted); }
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
/* An uploaded icon: the host serves it, checked to be an image. */
.shell-icon-image { object-fit: cover; background: #fff; }

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

/* Cards and avatars */
.shell-card { margin: 12px 12px 0; padding: 20px 16px; border-radius: 12px; background: #fff; }
.shell-card-title { font-size: 18px; font-weight: 600; }
.shell-card-text { margin: 0; color: var(--muted); font-size: 14px; line-height: 1.5; }
.shell-avatar {
  flex: none; display: inline-flex; align-items: center; justify-content: center; box-sizing: border-box;
  background: linear-gradient(145deg, #2fd27f, #07a354); color: #fff; font-weight: 700; text-decoration: none; line-height: 1;
}
.shell-avatar-small { width: 34px; height: 34px; border-radius: 9px; font-size: 16px; }
.shell-avatar-large { width: 64px; height: 64px; border-radius: 14px; font-size: 28px; }
.shell-avatar-empty { position: relative; background: #e4e4e4; }
.shell-avatar-empty::before { content: ""; position: absolute; left: 22px; top: 12px; width: 20px; height: 20px; border-radius: 50%; background: #c4c4c4; }
.shell-avatar-empty::after { content: ""; position: absolute; left: 14px; top: 36px; width: 36px; height: 18px; border-radius: 18px 18px 4px 4px; background: #c4c4c4; }

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
`;
