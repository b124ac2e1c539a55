/** The register's API as the core describes it: response and request schemas, one client. */
export * from './schemas';
export * from './requests';
export * from './client';
export * from './public';
export * from './amendments';
export * from './public-plan';
export * from './revision';
export * from './people';
export * from './people-client';
export * from './process';
export * from './notifications';
export * from './signatures';
export * from './consultation';
