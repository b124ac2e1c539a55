// Filled in by its module.
export {};
