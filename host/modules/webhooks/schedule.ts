/**
 * Seconds to wait before each retry after a failed attempt: about 28 hours in all, after the
 * schedule common to webhook senders; then the delivery is failed and can be sent again by hand.
 */
export const retrySchedule = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600];
