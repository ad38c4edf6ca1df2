export * from "./users";
export * from "./rotations";
export * from "./crm";
export * from "./meetings";
export * from "./audit";
export * from "./idempotency";
export * from "./sign-in-attempts";
export * from "./fairness";
