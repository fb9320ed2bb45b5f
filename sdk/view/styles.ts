/**
 * The look of the component set: our own stylesheet, scoped to `.at-page` (the element a shell
 * renders into). Programs adjust it only through whitelisted inline style properties.
 *
 * A shell frames the page as `.at-viewport > .at-scroller > .at-page`: the viewport is the visible
 * page area and the containing block of a program's fixed boxes, so a fixed bottom bar sticks to
 * it, and everything a program draws is clipped to it (it can never cover host UI).
 */
export const componentCss = `
.at-page {
  font-family: -apple-system, BlinkMacSystemFont, "PingFang SC", "Helvetica Neue", "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif;
  font-size: 16px; line-height: 1.5; color: #191919; background: #f7f7f7;
  -webkit-font-smoothing: antialiased; -webkit-tap-highlight-color: transparent;
  isolation: isolate; position: relative; min-height: 100%; box-sizing: border-box; overflow-wrap: anywhere;
}
.at-viewport { position: relative; overflow: hidden; contain: layout paint; isolation: isolate; }
.at-scroller { position: absolute; inset: 0; overflow-x: hidden; overflow-y: auto; overscroll-behavior: contain; }
.at-page *, .at-page *::before, .at-page *::after { box-sizing: border-box; }
.at-view { display: block; }
.at-text { display: inline; white-space: pre-wrap; -webkit-user-select: none; user-select: none; }
.at-text.at-selectable { -webkit-user-select: text; user-select: text; }
.at-tappable { cursor: pointer; }
.at-tappable:active { opacity: .7; }

.at-image { display: block; width: 320px; height: 240px; max-width: 100%; object-fit: fill; background: #ececec; }
.at-image.at-mode-aspectFit { object-fit: contain; }
.at-image.at-mode-aspectFill { object-fit: cover; }
.at-image.at-mode-widthFix { width: 100%; height: auto; }

.at-button {
  position: relative; display: flex; align-items: center; justify-content: center; gap: 8px;
  width: 100%; min-height: 48px; padding: 0 24px; margin: 0;
  font: inherit; font-size: 17px; font-weight: 600; line-height: 1.2;
  border: none; border-radius: 8px; cursor: pointer;
  color: #07c160; background: #f2f2f2; transition: background-color .15s, opacity .15s;
}
.at-button.at-default { color: #07c160; background: #f2f2f2; }
.at-button.at-default:active { background: #e2e2e2; }
.at-button.at-primary { color: #fff; background: #07c160; }
.at-button.at-primary:active { background: #06ad56; }
.at-button.at-warn { color: #fa5151; background: #f2f2f2; }
.at-button.at-warn:active { background: #e2e2e2; }
.at-button.at-mini { display: inline-flex; width: auto; min-height: 32px; padding: 0 14px; font-size: 14px; border-radius: 6px; }
.at-button:disabled { opacity: .4; cursor: default; }
.at-button.at-loading::before {
  content: ""; width: 16px; height: 16px; border-radius: 50%;
  border: 2px solid currentColor; border-right-color: transparent; animation: at-spin .8s linear infinite;
}
.at-button:focus-visible, .at-navigator:focus-visible { outline: 2px solid #07c16080; outline-offset: 2px; }
@keyframes at-spin { to { transform: rotate(360deg); } }

.at-input, .at-textarea {
  display: block; width: 100%; margin: 0; padding: 10px 12px;
  font: inherit; font-size: 16px; color: inherit; background: #fff;
  border: 1px solid #e5e5e5; border-radius: 8px; outline: none; -webkit-appearance: none; appearance: none;
}
.at-input { min-height: 44px; }
.at-textarea { min-height: 96px; resize: vertical; }
.at-input:focus, .at-textarea:focus { border-color: #07c160; }
.at-input::placeholder, .at-textarea::placeholder { color: #b2b2b2; }
.at-input:disabled, .at-textarea:disabled { color: #999; background: #f2f2f2; }

.at-switch { position: relative; display: inline-block; width: 52px; height: 32px; vertical-align: middle; cursor: pointer; }
.at-switch-input { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; opacity: 0; cursor: inherit; }
.at-switch-track {
  position: absolute; inset: 0; border-radius: 16px; background: #e5e5e5; transition: background-color .2s; pointer-events: none;
}
.at-switch-track::after {
  content: ""; position: absolute; top: 2px; left: 2px; width: 28px; height: 28px; border-radius: 50%;
  background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.25); transition: transform .2s;
}
.at-switch-input:checked + .at-switch-track { background: #07c160; }
.at-switch-input:checked + .at-switch-track::after { transform: translateX(20px); }
.at-switch-input:focus-visible + .at-switch-track { outline: 2px solid #07c16080; outline-offset: 2px; }

.at-checkbox { position: relative; display: inline-flex; align-items: center; gap: 8px; cursor: pointer; vertical-align: middle; }
.at-checkbox-input { position: absolute; width: 22px; height: 22px; margin: 0; opacity: 0; cursor: inherit; }
.at-checkbox-box {
  flex: none; width: 22px; height: 22px; border: 1.5px solid #c7c7c7; border-radius: 50%; background: #fff;
  display: inline-flex; align-items: center; justify-content: center; pointer-events: none;
}
.at-checkbox-input:checked + .at-checkbox-box { background: #07c160; border-color: #07c160; }
.at-checkbox-input:checked + .at-checkbox-box::after {
  content: ""; width: 10px; height: 5px; margin-top: -3px; border: 2px solid #fff; border-top: none; border-right: none; transform: rotate(-45deg);
}
.at-checkbox-input:focus-visible + .at-checkbox-box { outline: 2px solid #07c16080; outline-offset: 2px; }
.at-switch.at-disabled, .at-checkbox.at-disabled { opacity: .4; cursor: default; }

.at-picker {
  display: flex; align-items: center; justify-content: space-between; gap: 12px;
  min-height: 44px; padding: 0 12px; background: #fff; border: 1px solid #e5e5e5; border-radius: 8px; cursor: pointer;
}
.at-picker-label:empty { display: none; }
.at-picker-select {
  flex: 1; min-width: 0; height: 42px; margin: 0; padding: 0 20px 0 0; font: inherit; color: inherit; text-align: right; text-align-last: right;
  background: transparent; border: none; outline: none; -webkit-appearance: none; appearance: none; cursor: inherit;
  background-image: linear-gradient(45deg, transparent 50%, #b2b2b2 50%), linear-gradient(135deg, #b2b2b2 50%, transparent 50%);
  background-position: right 6px center, right 1px center; background-size: 5px 5px; background-repeat: no-repeat;
}

.at-form { display: block; margin: 0; }
.at-list { display: block; }
.at-navigator { display: block; color: inherit; cursor: pointer; }
.at-navigator:active { opacity: .6; }
.at-scroll-view { display: block; overflow-y: auto; overflow-x: hidden; -webkit-overflow-scrolling: touch; }
.at-scroll-view.at-horizontal { display: flex; overflow-x: auto; overflow-y: hidden; white-space: nowrap; }
.at-scroll-view.at-horizontal > * { flex: none; }
.at-page [hidden] { display: none !important; }
`;
