/**
 * The look of the shell's payment parts (part of /shell.css): the payment sheet and its PIN pad in
 * the WeChat Pay way, and the pages under Me (wallet, orders, an order).
 */
export const payCss = `
/* Pages under Me: a bar with the way back, no tab bar. */
.shell-sub-header { flex: none; position: relative; display: flex; align-items: center; justify-content: center; height: 44px; background: var(--bar); border-bottom: 0.5px solid #d9d9d9; }
.shell-sub-back { position: absolute; left: 4px; top: 0; width: 44px; height: 44px; }
.shell-sub-back::before { content: ""; position: absolute; left: 17px; top: 15px; width: 12px; height: 12px; border-left: 2.5px solid var(--ink); border-bottom: 2.5px solid var(--ink); transform: rotate(45deg); }
.shell-sub-title { margin: 0; max-width: calc(100% - 110px); font-size: 17px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.shell-sub-body { padding-top: 0; }
.shell-orders-slot { padding-top: 12px; }
.shell-more { display: block; margin: 8px auto 0; }

/* Me: the way to the wallet and the orders */
.shell-me-links { margin-top: 12px; }
.shell-link-row::after { content: ""; flex: none; width: 8px; height: 8px; border-top: 2px solid #c7c7c7; border-right: 2px solid #c7c7c7; transform: rotate(45deg); }
.shell-row.shell-link-row + .shell-row::before { left: 56px; }
.shell-row-value { flex: none; color: var(--muted); font-size: 15px; font-variant-numeric: tabular-nums; }
.shell-me-icon { position: relative; flex: none; width: 28px; height: 28px; border-radius: 8px; }
.shell-me-icon-wallet { background: #fa9d3b; }
.shell-me-icon-wallet::before { content: ""; position: absolute; left: 6px; top: 8px; width: 16px; height: 12px; border: 2px solid #fff; border-radius: 3px; box-sizing: border-box; }
.shell-me-icon-wallet::after { content: ""; position: absolute; left: 15px; top: 12px; width: 4px; height: 4px; border-radius: 50%; background: #fff; }
.shell-me-icon-orders { background: #10aeff; }
.shell-me-icon-orders::before { content: ""; position: absolute; left: 7px; top: 6px; width: 14px; height: 16px; border: 2px solid #fff; border-radius: 2px; box-sizing: border-box; }
.shell-me-icon-orders::after { content: ""; position: absolute; left: 11px; top: 11px; width: 6px; height: 2px; background: #fff; box-shadow: 0 4px 0 #fff; }

/* Rows that are read, not tapped */
.shell-static-row { cursor: default; }
.shell-static-row:active { background: #fff; }
.shell-row.shell-static-row + .shell-row::before, .shell-row.shell-statement-row + .shell-row::before { left: 16px; }
.shell-pill-button { flex: none; padding: 6px 14px; border: 0.5px solid #dcdcdc; border-radius: 15px; background: #fff; color: var(--green); font-size: 14px; font-weight: 600; cursor: pointer; }
.shell-pill-button:active { background: #f5f5f5; }

/* Money and statuses */
.shell-money { flex: none; font-size: 16px; font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
.shell-money-in { color: var(--green); }
.shell-money-out { color: var(--ink); }
.shell-status { display: inline-flex; align-items: center; align-self: flex-start; height: 22px; padding: 0 8px; border-radius: 11px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.shell-status-green { background: #e8f8ef; color: #05944a; }
.shell-status-blue { background: #e8f3ff; color: #1a6fd1; }
.shell-status-orange { background: #fff3e0; color: #b45f00; }
.shell-status-red { background: #ffeceb; color: #d0312d; }
.shell-status-grey { background: #f0f0f0; color: #666; }

/* Forms on the shell's own pages */
.shell-form { display: flex; flex-direction: column; gap: 14px; }
.shell-form-actions { display: flex; gap: 10px; }
.shell-form-actions > * { flex: 1; }
.shell-field-hint { color: var(--muted); font-size: 12px; line-height: 1.4; }
.shell-field-textarea { height: auto; min-height: 72px; padding: 10px 12px; line-height: 1.45; resize: vertical; }
.shell-select { appearance: auto; }
.shell-currency { margin-bottom: 14px; }
.shell-top-up-prompt { margin: 0; padding: 12px 14px; border-radius: 10px; background: #fff7e6; color: #8a5300; font-size: 14px; line-height: 1.5; }
.shell-form-slot > .shell-card { margin-top: 12px; }

/* Wallet */
.shell-wallet-card { margin: 12px 12px 0; padding: 22px 20px; border-radius: 14px; background: linear-gradient(145deg, #2fd27f, #07a354); color: #fff; }
.shell-wallet-label { font-size: 14px; opacity: .9; }
.shell-wallet-amount { margin-top: 6px; font-size: 34px; font-weight: 700; font-variant-numeric: tabular-nums; letter-spacing: -.01em; }
.shell-wallet-sub { margin-top: 4px; font-size: 15px; opacity: .9; font-variant-numeric: tabular-nums; }
.shell-wallet-card .shell-bone { margin-top: 12px; opacity: .4; }
.shell-wallet-retry { margin-top: 10px; padding: 6px 14px; border: 1px solid rgba(255,255,255,.7); border-radius: 15px; background: none; color: #fff; cursor: pointer; }
.shell-wallet-form { padding-top: 16px; }
.shell-wallet-actions { display: flex; gap: 10px; margin-top: 18px; }
.shell-wallet-action { min-height: 34px; padding: 0 20px; border: 1px solid rgba(255,255,255,.75); border-radius: 17px; background: rgba(255,255,255,.16); color: #fff; font-size: 15px; font-weight: 600; cursor: pointer; }
.shell-wallet-action:active { background: rgba(255,255,255,.3); }
.shell-withdrawal-row { align-items: flex-start; }
.shell-withdrawal-row .shell-status { align-self: flex-end; }
.shell-withdrawal-reason { color: #b45f00; -webkit-line-clamp: 3; }

/* Orders */
.shell-order-side { flex: none; display: flex; flex-direction: column; align-items: flex-end; gap: 6px; }
.shell-order-row .shell-status { align-self: flex-end; }
.shell-order-head { display: flex; flex-direction: column; gap: 8px; }
.shell-order-amount { font-size: 30px; font-weight: 700; font-variant-numeric: tabular-nums; }
.shell-line { align-items: flex-start; }
.shell-line-name { font-size: 15px; overflow-wrap: anywhere; }
.shell-line-total { font-weight: 600; }
.shell-fact { justify-content: space-between; min-height: 44px; font-size: 14px; }
.shell-fact-key { color: var(--muted); }
.shell-fact-value { text-align: right; overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
.shell-refund .shell-row-sub { -webkit-line-clamp: 4; }
.shell-dispute { display: flex; flex-direction: column; gap: 12px; padding: 16px; }
.shell-quote-label { color: var(--muted); font-size: 13px; }
.shell-quote-text { margin-top: 3px; font-size: 15px; line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere; }
.shell-order-actions { display: flex; flex-direction: column; gap: 10px; margin: 20px 12px 0; }

/* The payment sheet: who is paid, what for, how much; the wallet; the PIN pad. */
.shell-pay-sheet { max-height: calc(100% - 24px); overflow-y: auto; padding: 14px 0 0; box-sizing: border-box; }
.shell-pay-top { position: relative; display: flex; align-items: center; justify-content: center; height: 32px; margin-bottom: 10px; }
.shell-pay-title { color: #666; font-size: 15px; font-weight: 600; }
.shell-pay-close { position: absolute; left: 10px; top: 0; width: 32px; height: 32px; padding: 0; border: none; background: none; cursor: pointer; }
.shell-pay-close::before, .shell-pay-close::after { content: ""; position: absolute; left: 7px; top: 15px; width: 18px; height: 2px; border-radius: 1px; background: #191919; transform: rotate(45deg); }
.shell-pay-close::after { transform: rotate(-45deg); }
.shell-pay-close:disabled { opacity: .3; cursor: default; }
.shell-pay-merchant { padding: 0 20px; font-size: 16px; overflow-wrap: anywhere; }
.shell-pay-app { padding: 2px 20px 0; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.shell-pay-expires { padding: 0 20px 4px; color: var(--muted); font-size: 12px; text-align: center; }
.shell-pay-sheet .shell-pay-amount { margin: 6px 0 10px; }
.shell-pay-items { margin: 0 20px; padding: 8px 0; list-style: none; border-top: 0.5px solid #ececec; }
.shell-pay-item { display: flex; justify-content: space-between; gap: 12px; padding: 3px 0; color: #4c4c4c; font-size: 14px; text-align: left; }
.shell-pay-item-name { min-width: 0; overflow-wrap: anywhere; }
.shell-pay-item-amount { flex: none; font-variant-numeric: tabular-nums; }
.shell-pay-method { display: flex; justify-content: space-between; gap: 12px; margin: 0 20px; padding: 12px 0; border-top: 0.5px solid #ececec; font-size: 14px; }
.shell-pay-method:empty { display: none; }
.shell-pay-method-label { color: var(--muted); }
.shell-pay-method-value { font-variant-numeric: tabular-nums; }
.shell-pay-body { display: flex; flex-direction: column; gap: 12px; padding: 4px 20px 24px; }
.shell-pay-body:has(.shell-pin) { padding: 4px 0 0; }
.shell-pay-body .shell-form { text-align: left; }
.shell-pay-wait { padding: 24px 0; color: var(--muted); font-size: 14px; }
.shell-pay-prompt { font-size: 16px; font-weight: 600; }
.shell-pay-note { margin: 0; padding: 0 20px; color: #666; font-size: 14px; line-height: 1.5; }
.shell-pay-body > .shell-form-error { margin: 0 20px 12px; }
.shell-pay-done { display: flex; flex-direction: column; align-items: center; gap: 10px; padding: 20px 0 8px; }
.shell-pay-tick { position: relative; width: 56px; height: 56px; border-radius: 50%; background: var(--green); }
.shell-pay-tick::after { content: ""; position: absolute; left: 20px; top: 13px; width: 12px; height: 22px; border: solid #fff; border-width: 0 3px 3px 0; transform: rotate(45deg); }
.shell-pay-done-text { font-size: 18px; font-weight: 600; color: var(--green); }

/* The withdraw sheet: the payment sheet's look, with the card instead of the merchant. */
.shell-withdraw-sheet .shell-pay-amount { margin: 2px 0 4px; }
.shell-withdraw-change { margin: -8px auto 0; padding: 4px 12px; font-size: 14px; }
.shell-withdraw-pending { background: #fa9d3b; }
.shell-withdraw-pending::after { left: 25px; top: 14px; width: 10px; height: 16px; border-width: 0 0 3px 3px; transform: none; }
.shell-withdraw-pending + .shell-pay-done-text { color: #b45f00; }
.shell-withdraw-outcome { padding: 0; color: var(--ink); font-size: 16px; font-variant-numeric: tabular-nums; }

/* The PIN: six boxes with dots, a real input over them, and a number pad. */
.shell-pin { display: flex; flex-direction: column; gap: 16px; }
.shell-pin-boxes { position: relative; display: grid; grid-template-columns: repeat(6, 1fr); margin: 0 24px; height: 48px; border: 1px solid #d9d9d9; border-radius: 8px; overflow: hidden; cursor: text; }
.shell-pin-box { position: relative; border-left: 1px solid #e5e5e5; }
.shell-pin-box:first-of-type { border-left: none; }
.shell-pin-filled::after { content: ""; position: absolute; left: 50%; top: 50%; width: 10px; height: 10px; margin: -5px 0 0 -5px; border-radius: 50%; background: var(--ink); }
.shell-pin-input { position: absolute; inset: 0; width: 100%; height: 100%; padding: 0; border: none; opacity: 0; color: transparent; caret-color: transparent; cursor: text; }
.shell-pin-boxes:focus-within { border-color: var(--green); box-shadow: 0 0 0 3px rgba(7,193,96,.15); }
.shell-keypad { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1px; background: #e5e5e5; border-top: 1px solid #e5e5e5; }
.shell-key { height: 54px; border: none; background: #fff; font-size: 24px; font-weight: 500; cursor: pointer; }
.shell-key:active { background: #e9e9e9; }
.shell-key:disabled { color: #c7c7c7; }
.shell-key-blank { background: #f2f2f2; }
.shell-key-delete { position: relative; background: #f2f2f2; }
.shell-key-delete::before { content: ""; position: absolute; left: 50%; top: 50%; width: 22px; height: 16px; margin: -8px 0 0 -9px; border: 2px solid var(--ink); border-left: none; border-radius: 0 3px 3px 0; box-sizing: border-box; }
.shell-key-delete::after { content: ""; position: absolute; left: 50%; top: 50%; width: 11px; height: 11px; margin: -5.5px 0 0 -14px; border-left: 2px solid var(--ink); border-bottom: 2px solid var(--ink); transform: rotate(45deg); box-sizing: border-box; }
`;
