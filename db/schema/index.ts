export * from "./users";
export * from "./rotations";
export * from "./crm";
export * from "./meetings";
export * from "./audit";
export * from "./write-probes";
export * from "./sign-in-attempts";
