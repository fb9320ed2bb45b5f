/**
 * The sessions live on this node, by id, with how many each user holds kept as they come and
 * go, so the per-user cap is checked without walking every session on every open.
 */
export class LiveSessions<T extends { userId: string }> {
  private readonly all = new Map<string, T>();
  private readonly perUser = new Map<string, number>();

  get size(): number {
    return this.all.size;
  }

  get(sessionId: string): T | undefined {
    return this.all.get(sessionId);
  }

  has(sessionId: string): boolean {
    return this.all.has(sessionId);
  }

  set(sessionId: string, entry: T): void {
    this.delete(sessionId);
    this.all.set(sessionId, entry);
    this.perUser.set(entry.userId, this.countOf(entry.userId) + 1);
  }

  delete(sessionId: string): void {
    const entry = this.all.get(sessionId);
    if (!entry) return;
    this.all.delete(sessionId);
    const n = this.countOf(entry.userId) - 1;
    if (n > 0) this.perUser.set(entry.userId, n);
    else this.perUser.delete(entry.userId);
  }

  countOf(userId: string): number {
    return this.perUser.get(userId) ?? 0;
  }

  [Symbol.iterator](): IterableIterator<[string, T]> {
    return this.all[Symbol.iterator]();
  }
}
