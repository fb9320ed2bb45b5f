/**
 * The look of the consoles' payment pages (part of /desk.css): order and statement tables, balance
 * cards, payouts, webhook endpoints and deliveries, disputes.
 */
export const paymentsDeskCss = `
/* Tables: items, statements */
.desk-table { width: 100%; border-collapse: collapse; font-size: 14px; }
.desk-table th, .desk-table td { padding: 9px 8px; border-top: 0.5px solid #f0f0f0; text-align: left; vertical-align: top; }
.desk-table thead th { border-top: none; color: var(--muted); font-size: 13px; font-weight: 500; }
.desk-table tfoot th, .desk-table tfoot td { font-weight: 600; }
.desk-num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
.desk-nowrap { white-space: nowrap; }
.desk-money { font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
.desk-money-in { color: #05944a; }
.desk-mono-link { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; text-decoration: none; overflow-wrap: anywhere; }
.desk-panel-title + .desk-action-row, .desk-action-first, .desk-endpoints > .desk-action-row:first-child { border-top: none; padding-top: 0; }
.desk-field[hidden] { display: none; }

/* Balance */
.desk-money-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 16px; margin-bottom: 16px; }
.desk-money-card { display: flex; flex-direction: column; gap: 10px; padding: 18px; border-radius: 12px; background: #fff; box-shadow: 0 0 0 0.5px rgba(0,0,0,.04); }
.desk-money-currency { color: var(--muted); font-size: 13px; font-weight: 600; letter-spacing: .04em; }
.desk-money-pair { display: flex; align-items: baseline; justify-content: space-between; gap: 12px; }
.desk-money-label { color: #4c4c4c; font-size: 14px; }
.desk-money-big { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; }
.desk-money-held { font-size: 17px; font-weight: 600; color: #b45f00; font-variant-numeric: tabular-nums; }

/* Payouts: the list beside the form to withdraw to a card */
.desk-payouts { margin-bottom: 16px; }
.desk-payout-reason { margin-top: 4px; color: #8a5300; font-size: 13px; line-height: 1.4; }

/* Webhooks */
.desk-events { display: flex; flex-direction: column; gap: 8px; margin: 12px 0; }
.desk-check-option { display: flex; align-items: baseline; gap: 8px; font-size: 14px; line-height: 1.45; cursor: pointer; }
.desk-check-option input { flex: none; margin: 0; transform: translateY(2px); accent-color: var(--green); }
.desk-deliveries { display: flex; flex-direction: column; }
.desk-delivery { display: flex; flex-direction: column; gap: 6px; padding: 12px 0; border-top: 0.5px solid #f0f0f0; }
.desk-delivery:first-child { border-top: none; padding-top: 0; }
.desk-delivery-head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; font-size: 14px; }
.desk-delivery-type { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 14px; font-weight: 600; }
.desk-delivery-when { margin-left: auto; font-size: 13px; }
.desk-delivery-to { color: var(--muted); font-size: 13px; }
.desk-attempts { display: flex; flex-direction: column; gap: 4px; margin: 4px 0 0; padding: 8px 10px; border-radius: 8px; background: var(--ground); list-style: none; }
.desk-attempt { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 13px; font-variant-numeric: tabular-nums; }

/* Disputes */
.desk-dispute .desk-facts { margin-top: 12px; }
.desk-dispute-head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; }
.desk-dispute-amount { font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; }
`;
