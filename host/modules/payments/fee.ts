/**
 * The platform's fee on what is released to a merchant: basis points of it, rounded down. Pure, so
 * the merchant console shows the same figure the ledger moves.
 */
export const feeOf = (amount: number, bps: number): number => Math.floor((amount * bps) / 10_000);
