export * from "./enums";
export * from "./organizations";
export * from "./users";
export * from "./agreements";
export * from "./sources";
export * from "./events";
export * from "./revisions";
