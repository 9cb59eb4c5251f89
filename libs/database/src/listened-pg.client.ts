import { Client, type ClientConfig } from 'pg';

/**
 * The pg client every pool creates (TypeORM `extra.Client`). When the server ends a
 * connection (`pg_terminate_backend`, a failover, a restart), the client can emit `error`
 * after TypeORM has released it and removed its own listener; an `error` event nobody
 * listens to ends the process (typeorm/typeorm#5387, #5999). The query in flight still fails
 * and is classified as transient by its caller, and the pool discards the broken client;
 * this listener only keeps one lost connection from killing the service.
 */
export class ListenedPgClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}
