/**
 * The cart, shared by every page and kept in host storage under `cart` so it survives sessions.
 * Storage holds only `{ id, qty }` entries; names and prices always come from the catalog.
 */
import { storage } from 'atrium';
import { findProduct } from './products.ts';

export const CART_KEY = 'cart';
export const MAX_QTY = 99;

export interface CartEntry {
  id: string;
  qty: number;
}

/** One cart row as the cart page shows it. */
export interface CartLine extends CartEntry {
  name: string;
  spec: string;
  image: string;
  /** Fen. */
  price: number;
}

export function clampQty(n: number): number {
  return Math.max(1, Math.min(MAX_QTY, Math.floor(n)));
}

/** Reads the cart, dropping anything malformed or no longer in the catalog. */
export async function loadCart(): Promise<CartEntry[]> {
  const { value } = await storage.get({ key: CART_KEY });
  if (!Array.isArray(value)) return [];
  const out: CartEntry[] = [];
  for (const v of value) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    const { id, qty } = v as Record<string, unknown>;
    if (typeof id === 'string' && typeof qty === 'number' && qty >= 1 && findProduct(id)) out.push({ id, qty: clampQty(qty) });
  }
  return out;
}

export async function saveCart(entries: CartEntry[]): Promise<void> {
  if (entries.length === 0) await storage.remove({ key: CART_KEY });
  else await storage.set({ key: CART_KEY, value: entries.map((e) => ({ id: e.id, qty: e.qty })) });
}

/** Adds `qty` of a product (merging with a line already there) and returns the new cart. */
export async function addToCart(id: string, qty: number): Promise<CartEntry[]> {
  const entries = await loadCart();
  const line = entries.find((e) => e.id === id);
  if (line) line.qty = clampQty(line.qty + qty);
  else entries.push({ id, qty: clampQty(qty) });
  await saveCart(entries);
  return entries;
}

export function countItems(entries: CartEntry[]): number {
  return entries.reduce((n, e) => n + e.qty, 0);
}

export function toLines(entries: CartEntry[]): CartLine[] {
  const lines: CartLine[] = [];
  for (const e of entries) {
    const p = findProduct(e.id);
    if (p) lines.push({ id: p.id, qty: e.qty, name: p.name, spec: p.spec, image: p.image, price: p.price });
  }
  return lines;
}

export function totalOf(lines: CartLine[]): number {
  return lines.reduce((n, l) => n + l.price * l.qty, 0);
}

/** The cart as `payments.createOrder` items. */
export function orderItems(lines: CartLine[]) {
  return lines.map((l) => ({ sku: l.id, name: l.name, quantity: l.qty, unitAmount: l.price }));
}
