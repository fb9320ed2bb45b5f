/**
 * The look of the host-drawn parts (nav bar, tab bar, toasts, dialogs, sheets, the stopped
 * notice), WeChat-like. Each shell gets it under its own class prefix and positions the parts
 * itself: where the page area is, how much room the home indicator needs.
 */
export function chromeCss(prefix: string): string {
  const p = prefix;
  return `
.${p}-navbar {
  flex: none; position: relative; height: 44px; display: flex; align-items: center; justify-content: center;
  background: #ededed; border-bottom: 0.5px solid #d9d9d9; z-index: 2;
}
.${p}-title { max-width: calc(100% - 190px); text-align: center; font-size: 17px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.${p}-back {
  position: absolute; left: 4px; top: 0; width: 44px; height: 44px; padding: 0; border: none; background: none; cursor: pointer;
}
.${p}-back::before {
  content: ""; position: absolute; left: 17px; top: 15px; width: 12px; height: 12px;
  border-left: 2.5px solid #191919; border-bottom: 2.5px solid #191919; transform: rotate(45deg);
}
.${p}-back[hidden] { display: none; }
.${p}-capsule {
  position: absolute; right: 8px; top: 6px; width: 87px; height: 32px; box-sizing: border-box;
  display: flex; align-items: center; justify-content: space-around;
  border: 0.5px solid rgba(0,0,0,.12); border-radius: 16px; background: rgba(255,255,255,.6);
}
.${p}-capsule-button { flex: 1; height: 100%; display: flex; align-items: center; justify-content: center; padding: 0; border: none; background: none; cursor: pointer; border-radius: 16px; }
.${p}-capsule-button:active { background: rgba(0,0,0,.06); }
.${p}-capsule-more { width: 19px; height: 5px; background: radial-gradient(circle, #191919 2px, transparent 2.5px) 0 0 / 7px 5px repeat-x; }
.${p}-capsule-sep { flex: none; width: 0.5px; height: 18px; background: rgba(0,0,0,.15); }
.${p}-capsule-close { width: 16px; height: 16px; border-radius: 50%; border: 2px solid #191919; box-sizing: border-box; position: relative; }
.${p}-capsule-close::after { content: ""; position: absolute; inset: 3px; border-radius: 50%; background: #191919; }

.${p}-tabbar { flex: none; display: flex; height: 56px; background: #f7f7f7; border-top: 0.5px solid #d9d9d9; }
.${p}-tabbar[hidden] { display: none; }
.${p}-tab { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 3px; border: none; background: none; color: #191919; cursor: pointer; font-size: 10px; }
.${p}-tab-icon { width: 22px; height: 22px; border-radius: 7px; border: 2px solid currentColor; box-sizing: border-box; opacity: .8; }
.${p}-tab-active { color: #07c160; }
.${p}-tab-active .${p}-tab-icon { background: currentColor; opacity: 1; }

.${p}-sheet {
  position: absolute; z-index: 3; overflow: auto; padding: 28px 20px; box-sizing: border-box;
  background: #fff; display: flex; flex-direction: column; gap: 12px;
}
.${p}-sheet[hidden] { display: none; }
.${p}-sheet-title { font-size: 20px; font-weight: 600; }
.${p}-sheet-note { margin: 0; color: #666; font-size: 14px; line-height: 1.5; overflow-wrap: anywhere; }
.${p}-ended { align-items: center; text-align: center; padding-top: 80px; }
.${p}-ended-icon { width: 64px; height: 64px; border-radius: 50%; background: #fa5151; position: relative; }
.${p}-ended-icon::before { content: "!"; position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: #fff; font-size: 36px; font-weight: 700; }
.${p}-ended-actions { display: flex; flex-direction: column; gap: 12px; margin-top: 16px; min-width: 200px; }

.${p}-primary, .${p}-secondary {
  min-height: 44px; padding: 0 24px; border: none; border-radius: 8px; font-size: 16px; font-weight: 600; cursor: pointer;
}
.${p}-primary { color: #fff; background: #07c160; }
.${p}-primary:active { background: #06ad56; }
.${p}-primary:disabled { opacity: .5; cursor: default; }
.${p}-secondary { color: #07c160; background: #f2f2f2; }
.${p}-secondary:active { background: #e6e6e6; }

.${p}-toast-layer { position: absolute; inset: 0; z-index: 6; display: flex; align-items: center; justify-content: center; pointer-events: none; }
.${p}-toast {
  min-width: 120px; max-width: 220px; min-height: 120px; padding: 16px; box-sizing: border-box; border-radius: 12px;
  background: rgba(17,17,17,.78); color: #fff; font-size: 15px; text-align: center; overflow-wrap: anywhere;
  display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 10px;
  animation: ${p}-fade .15s ease-out;
}
.${p}-toast-text { min-height: 0; padding: 12px 18px; }
.${p}-toast-icon { width: 40px; height: 40px; position: relative; }
.${p}-icon-success::after { content: ""; position: absolute; left: 8px; top: 6px; width: 22px; height: 12px; border: 3px solid #fff; border-top: none; border-right: none; transform: rotate(-45deg); }
.${p}-icon-error::before, .${p}-icon-error::after { content: ""; position: absolute; left: 18px; top: 4px; width: 4px; height: 32px; border-radius: 2px; background: #fff; transform: rotate(45deg); }
.${p}-icon-error::after { transform: rotate(-45deg); }
.${p}-icon-loading { border-radius: 50%; border: 3px solid rgba(255,255,255,.3); border-top-color: #fff; box-sizing: border-box; animation: ${p}-spin .8s linear infinite; }
@keyframes ${p}-spin { to { transform: rotate(360deg); } }
@keyframes ${p}-fade { from { opacity: 0; transform: scale(.96); } }

.${p}-modal-layer { position: absolute; inset: 0; z-index: 7; background: rgba(0,0,0,.5); display: flex; align-items: center; justify-content: center; }
.${p}-modal-layer[hidden] { display: none; }
.${p}-modal { width: 300px; max-width: calc(100% - 48px); border-radius: 12px; background: #fff; overflow: hidden; text-align: center; animation: ${p}-fade .15s ease-out; }
.${p}-modal-title { padding: 32px 24px 8px; font-size: 17px; font-weight: 600; overflow-wrap: anywhere; }
.${p}-modal-content { padding: 0 24px 28px; color: #666; font-size: 15px; line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere; }
.${p}-modal-note { padding: 0 0 20px; color: #999; font-size: 13px; line-height: 1.4; }
.${p}-modal .${p}-modal-title:last-of-type + .${p}-modal-actions { margin-top: 24px; }
.${p}-modal-actions { display: flex; border-top: 0.5px solid #e5e5e5; }
.${p}-modal-actions button { flex: 1; height: 56px; border: none; background: none; font-size: 17px; font-weight: 600; cursor: pointer; }
.${p}-modal-actions button + button { border-left: 0.5px solid #e5e5e5; }
.${p}-modal-cancel { color: #191919; }
.${p}-modal-confirm { color: #576b95; }
.${p}-bottom-sheet {
  position: absolute; left: 0; right: 0; bottom: 0; padding: 28px 24px 44px; border-radius: 16px 16px 0 0;
  background: #fff; text-align: center; animation: ${p}-rise .2s ease-out;
}
.${p}-bottom-sheet .${p}-modal-title { padding: 0 0 8px; }
.${p}-bottom-sheet .${p}-modal-content { padding: 0 0 24px; }
.${p}-pay-label { color: #666; font-size: 15px; }
.${p}-pay-amount { margin: 8px 0 12px; font-size: 34px; font-weight: 600; font-variant-numeric: tabular-nums; }
.${p}-sheet-actions { border: none; gap: 12px; }
.${p}-sheet-actions button { height: 48px; border-radius: 8px; }
.${p}-sheet-actions button + button { border-left: none; }
.${p}-sheet-actions .${p}-primary { color: #fff; background: #07c160; }
.${p}-sheet-actions .${p}-secondary { color: #191919; background: #f2f2f2; }
@keyframes ${p}-rise { from { transform: translateY(100%); } }
`;
}
