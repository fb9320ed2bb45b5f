/** Real-time fan-out: one interface, in-process today. */
export type { Bus, BusMessage } from './bus.ts';
export { createMemoryBus } from './memory-bus.ts';
