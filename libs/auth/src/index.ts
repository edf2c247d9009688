export * from './principal';
export * from './service-token';
export * from './tenancy';
export * from './nest/auth.decorators';
export * from './nest/service-auth.guard';
export * from './nest/auth.module';
export * from './nest/list-routes';
