export const NEO4J_DRIVER = Symbol('NEO4J_DRIVER');

export interface Neo4jModuleOptions {
  url: string;
  user: string;
  password: string;
}
