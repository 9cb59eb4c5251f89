import { type AclEntry, AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';

import { type KafkaServiceName, SERVICE_TOPIC_ACCESS } from '@loanmesh/contracts';

/** The SCRAM user of a service: `User:<prefix><service>` (e.g. `User:inference`). */
export function servicePrincipal(service: KafkaServiceName, userPrefix = ''): string {
  return `User:${userPrefix}${service}`;
}

const allow = (
  principal: string,
  resourceType: AclResourceTypes,
  resourceName: string,
  resourcePatternType: ResourcePatternTypes,
  operation: AclOperationTypes,
): AclEntry => ({
  principal,
  host: '*',
  resourceType,
  resourceName,
  resourcePatternType,
  operation,
  permissionType: AclPermissionTypes.ALLOW,
});

/**
 * Least-privilege ACLs from SERVICE_TOPIC_ACCESS: Read on what a service consumes, Write on
 * what it publishes (which also allows its idempotent producer), Read/Delete on its consumer
 * groups by prefix. No service may create, delete or reconfigure topics, and nothing is
 * allowed that is not listed (the broker runs with `allow.everyone.if.no.acl.found=false`).
 */
export function serviceAcls(userPrefix = ''): AclEntry[] {
  const acls: AclEntry[] = [];
  for (const [service, access] of Object.entries(SERVICE_TOPIC_ACCESS) as [
    KafkaServiceName,
    (typeof SERVICE_TOPIC_ACCESS)[KafkaServiceName],
  ][]) {
    const principal = servicePrincipal(service, userPrefix);
    for (const topic of access.reads) {
      acls.push(allow(principal, AclResourceTypes.TOPIC, topic, ResourcePatternTypes.LITERAL, AclOperationTypes.READ));
    }
    for (const topic of access.writes) {
      acls.push(allow(principal, AclResourceTypes.TOPIC, topic, ResourcePatternTypes.LITERAL, AclOperationTypes.WRITE));
    }
    for (const topic of new Set([...access.reads, ...access.writes])) {
      acls.push(
        allow(principal, AclResourceTypes.TOPIC, topic, ResourcePatternTypes.LITERAL, AclOperationTypes.DESCRIBE),
      );
    }
    for (const group of access.groupPrefixes) {
      for (const operation of [AclOperationTypes.READ, AclOperationTypes.DESCRIBE, AclOperationTypes.DELETE]) {
        acls.push(allow(principal, AclResourceTypes.GROUP, group, ResourcePatternTypes.PREFIXED, operation));
      }
    }
  }
  return acls;
}

/** A stable text of one binding, to compare what the broker has with what is planned. */
export function aclKey(acl: AclEntry): string {
  return [
    AclResourceTypes[acl.resourceType],
    ResourcePatternTypes[acl.resourcePatternType],
    acl.resourceName,
    acl.principal,
    acl.host,
    AclOperationTypes[acl.operation],
    AclPermissionTypes[acl.permissionType],
  ].join(' ');
}
