import { generateAccounts } from './generation/account.generator';
import { generateCompanyUpdates } from './generation/company-update.generator';
import { generateOrdinaryCompanies } from './generation/ordinary-company.generator';
import { generateBackgroundRecords } from './generation/public-record.generator';
import { WorldBuilder } from './generation/world-builder';
import type { WorldGraph } from './graph/world-graph';
import { simulateDefaults } from './lending/default.simulator';
import { scheduleLoanBook } from './lending/loan-book.scheduler';
import { plantCircularOwnership } from './planting/circular-ownership.planter';
import { plantDuplicates } from './planting/duplicate-identity.planter';
import { plantFraudRings } from './planting/fraud-ring.planter';
import { plantGuaranteeCircles } from './planting/guarantee-circle.planter';
import { plantLookAlikes } from './planting/look-alike.planter';
import { plantShellCompanies } from './planting/shell-company.planter';
import { plantSuppliers } from './planting/supplier.planter';
import { worldOptions, type WorldOptions } from './world.options';
import type { World } from './world.types';

export interface GeneratedWorld {
  readonly world: World;
  /** The company graph with default and judgment days, ready for "as of" walks. */
  readonly graph: WorldGraph;
}

/** Generates the whole world from its options; pure and deterministic for a seed. */
export class WorldGeneratorService {
  generate(options: WorldOptions = worldOptions()): GeneratedWorld {
    const b = new WorldBuilder(options);
    generateOrdinaryCompanies(b);
    plantShellCompanies(b);
    plantFraudRings(b);
    plantGuaranteeCircles(b);
    plantLookAlikes(b);
    plantCircularOwnership(b);
    plantSuppliers(b);
    plantDuplicates(b);
    generateCompanyUpdates(b);
    generateAccounts(b);
    generateBackgroundRecords(b);
    scheduleLoanBook(b);
    const graph = simulateDefaults(b);
    const world: World = {
      options,
      nowDay: b.nowDay,
      historyStartDay: b.historyStartDay,
      industries: b.industries,
      regions: b.regions,
      addresses: b.addresses,
      phones: b.phones,
      companies: b.companies,
      persons: b.persons,
      directors: b.directors,
      shareholders: b.shareholders,
      suppliers: b.suppliers,
      accounts: b.accounts,
      flows: b.flows,
      loans: b.loans,
      guarantees: b.guarantees,
      records: b.records,
      truth: b.truth,
    };
    return { world, graph };
  }
}
