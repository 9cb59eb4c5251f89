import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import {
  clientTypesOf,
  clientTypesPathOf,
  documentPathOf,
  documentText,
  routeAccessModuleOf,
  routeAccessPathOf,
} from './openapi-files';
import { API_SERVICES, serviceApiDocument } from './service-api-documents';

/**
 * `npm run openapi`: writes openapi/<service>.openapi.json, its client types
 * libs/contracts/src/openapi/<service>.d.ts (openapi-typescript) and <service>.route-access.ts.
 */
async function main(): Promise<void> {
  for (const service of API_SERVICES) {
    const documentPath = documentPathOf(service);
    mkdirSync(dirname(documentPath), { recursive: true });
    const document = await serviceApiDocument(service);
    writeFileSync(documentPath, documentText(document));
    const typesPath = clientTypesPathOf(service);
    mkdirSync(dirname(typesPath), { recursive: true });
    writeFileSync(typesPath, clientTypesOf(documentPath));
    writeFileSync(routeAccessPathOf(service), routeAccessModuleOf(service, document));
    console.log(`openapi: ${service}: ${documentPath}, ${typesPath}, ${routeAccessPathOf(service)}`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`openapi: failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
