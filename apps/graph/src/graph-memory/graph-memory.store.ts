import {
  emptyCompany,
  type AccountTie,
  type CompanyRecord,
  type CompanyTie,
  type IdentifierTie,
  type Incoming,
  type PersonRecord,
  type PersonRole,
} from './graph-memory.types';

/**
 * Keeps each reverse index ordered by the id pointing in (ties of one record in their stored
 * order): the walks name the first company they meet, so iteration must not depend on the
 * order records were loaded or refreshed in, which differs between replicas.
 */
function addTo<K, V extends { from: string }>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) {
    map.set(key, [value]);
    return;
  }
  // The start-up load comes in id order: appending is the common case.
  const at = list[list.length - 1].from <= value.from ? -1 : list.findIndex((x) => x.from > value.from);
  list.splice(at < 0 ? list.length : at, 0, value);
}

function removeFrom<K, V extends { from: string }>(map: Map<K, V[]>, key: K, from: string): void {
  const list = map.get(key);
  if (list) {
    const kept = list.filter((x) => x.from !== from);
    if (kept.length > 0) {
      map.set(key, kept);
    } else {
      map.delete(key);
    }
  }
}

/** Adds b to a's aliases, kept in id order for the same reason as `addTo`. */
function link(map: Map<string, Set<string>>, a: string, b: string): void {
  const aliases = map.get(a);
  if (!aliases?.has(b)) {
    map.set(a, new Set([...(aliases ?? []), b].sort()));
  }
}

/**
 * The company projection of the graph held in memory: nodes with their outgoing
 * relationships as Neo4j stores them, plus the reverse indexes the walks need (who
 * points at a company, who shares an identifier or an account number). Replacing a
 * node's record replaces everything it contributed, so reloads are idempotent.
 */
export class GraphMemoryStore {
  readonly companies = new Map<string, CompanyRecord>();
  readonly persons = new Map<string, PersonRecord>();
  /** target company -> incoming company ties */
  readonly tiesIn = new Map<string, Incoming<CompanyTie>[]>();
  /** company -> incoming person roles (directors, person shareholders) */
  readonly rolesIn = new Map<string, Incoming<PersonRole>[]>();
  /** `type:id` of a phone or address -> the companies tied to it */
  readonly identifierMembers = new Map<string, Incoming<IdentifierTie>[]>();
  /** account-number token -> the companies owning an account with it */
  readonly accountsByToken = new Map<string, Incoming<AccountTie>[]>();
  /** SAME_AS adjacency, both directions (company and person ids never collide with each other's links) */
  readonly sameAs = new Map<string, Set<string>>();

  upsertCompany(record: CompanyRecord): void {
    const old = this.companies.get(record.id);
    if (old) {
      this.unindexCompany(old);
    }
    this.companies.set(record.id, record);
    record.ties.forEach((t) => {
      this.ensureCompany(t.to);
      addTo(this.tiesIn, t.to, { from: record.id, tie: t });
    });
    record.identifiers.forEach((t) => addTo(this.identifierMembers, `${t.type}:${t.to}`, { from: record.id, tie: t }));
    record.accounts.forEach(
      (t) => t.token !== null && addTo(this.accountsByToken, t.token, { from: record.id, tie: t }),
    );
    record.sameAs.forEach((other) => {
      this.ensureCompany(other);
      this.linkSameAs(record.id, other);
    });
  }

  upsertPerson(record: PersonRecord): void {
    const old = this.persons.get(record.id);
    if (old) {
      old.roles.forEach((r) => removeFrom(this.rolesIn, r.to, old.id));
      old.sameAs.forEach((other) => this.unlinkSameAs(old.id, other));
    }
    this.persons.set(record.id, record);
    record.roles.forEach((r) => {
      this.ensureCompany(r.to);
      addTo(this.rolesIn, r.to, { from: record.id, tie: r });
    });
    record.sameAs.forEach((other) => {
      if (!this.persons.has(other)) {
        this.persons.set(other, { id: other, roles: [], sameAs: [] });
      }
      this.linkSameAs(record.id, other);
    });
  }

  aliasesOf(id: string): ReadonlySet<string> {
    return this.sameAs.get(id) ?? new Set();
  }

  get size(): { companies: number; persons: number } {
    return { companies: this.companies.size, persons: this.persons.size };
  }

  /** A relationship's far end exists in Neo4j (MERGEd as a placeholder at least), so it exists here too. */
  private ensureCompany(id: string): void {
    if (!this.companies.has(id)) {
      this.companies.set(id, emptyCompany(id));
    }
  }

  private unindexCompany(old: CompanyRecord): void {
    old.ties.forEach((t) => removeFrom(this.tiesIn, t.to, old.id));
    old.identifiers.forEach((t) => removeFrom(this.identifierMembers, `${t.type}:${t.to}`, old.id));
    old.accounts.forEach((t) => t.token !== null && removeFrom(this.accountsByToken, t.token, old.id));
    old.sameAs.forEach((other) => this.unlinkSameAs(old.id, other));
  }

  /** SAME_AS is read undirected; a link stays while either record still declares it. */
  private linkSameAs(a: string, b: string): void {
    link(this.sameAs, a, b);
    link(this.sameAs, b, a);
  }

  private unlinkSameAs(a: string, b: string): void {
    const declaredBack = this.companies.get(b)?.sameAs.includes(a) ?? this.persons.get(b)?.sameAs.includes(a) ?? false;
    if (!declaredBack) {
      this.sameAs.get(a)?.delete(b);
      this.sameAs.get(b)?.delete(a);
    }
  }
}
