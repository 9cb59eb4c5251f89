// Waits until Kafka answers a metadata request and Neo4j answers RETURN 1 over Bolt.
// Exits 1 with a one-line reason after the deadline instead of hanging.
const { Kafka, logLevel } = require('kafkajs');
const neo4j = require('neo4j-driver');

const kafkaBroker = `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`;
const boltUrl = `bolt://127.0.0.1:${process.env.NEO4J_BOLT_PORT ?? '7687'}`;
const deadline = Date.now() + Number(process.env.INFRA_WAIT_MS ?? 120000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function kafkaReady() {
  const admin = new Kafka({
    clientId: 'infra-wait',
    brokers: [kafkaBroker],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return `kafka ready: cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s) at ${kafkaBroker}`;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function neo4jReady() {
  const driver = neo4j.driver(boltUrl, undefined, {
    connectionTimeout: 2000,
    logging: { level: 'error', logger: () => undefined },
  });
  try {
    const res = await driver.executeQuery('RETURN 1 AS ok');
    const info = await driver.getServerInfo();
    return `neo4j ready: ${info.agent} answered RETURN ${res.records[0].get('ok')} at ${boltUrl}`;
  } finally {
    await driver.close();
  }
}

async function waitFor(name, probe) {
  let last = '';
  while (Date.now() < deadline) {
    try {
      console.log(`[infra] ${await probe()}`);
      return;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
      await sleep(1000);
    }
  }
  throw new Error(`${name} not ready before the deadline (last error: ${last})`);
}

Promise.all([waitFor('kafka', kafkaReady), waitFor('neo4j', neo4jReady)]).catch((e) => {
  console.error(`[infra] ERROR: ${e.message}`);
  process.exit(1);
});
