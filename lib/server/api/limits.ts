import "server-only";
/** Far above any valid request (a booking is < 2 KB); keeps a hostile client from filling memory. */
export const MAX_BODY_BYTES = 64 * 1024;
