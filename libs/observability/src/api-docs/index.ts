export * from './api-docs.options';
export * from './api-docs.setup';
export * from './api-document.builder';
export * from './api-routes';
export * from './zod-api.decorators';
export * from './zod-openapi.schema';
