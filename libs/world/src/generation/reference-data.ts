import type { Industry, Region } from '../world.types';

/** NACE-style industries with a baseline risk and typical revenue per employee. */
export const INDUSTRIES: readonly Industry[] = [
  { code: 'A01', name: 'Crop and animal production', riskLogit: 0.1, revenuePerEmployee: 90_000 },
  { code: 'C10', name: 'Food manufacturing', riskLogit: 0.0, revenuePerEmployee: 140_000 },
  { code: 'C22', name: 'Rubber and plastics', riskLogit: -0.1, revenuePerEmployee: 150_000 },
  { code: 'C25', name: 'Fabricated metal products', riskLogit: 0.0, revenuePerEmployee: 130_000 },
  { code: 'C28', name: 'Machinery', riskLogit: -0.2, revenuePerEmployee: 170_000 },
  { code: 'F41', name: 'Construction of buildings', riskLogit: 0.3, revenuePerEmployee: 160_000 },
  { code: 'F43', name: 'Specialised construction', riskLogit: 0.25, revenuePerEmployee: 110_000 },
  { code: 'G46', name: 'Wholesale trade', riskLogit: 0.0, revenuePerEmployee: 300_000 },
  { code: 'G47', name: 'Retail trade', riskLogit: 0.15, revenuePerEmployee: 120_000 },
  { code: 'H49', name: 'Land transport', riskLogit: 0.1, revenuePerEmployee: 100_000 },
  { code: 'I55', name: 'Accommodation', riskLogit: 0.2, revenuePerEmployee: 70_000 },
  { code: 'I56', name: 'Food and beverage service', riskLogit: 0.3, revenuePerEmployee: 60_000 },
  { code: 'J62', name: 'Software and IT services', riskLogit: -0.3, revenuePerEmployee: 150_000 },
  { code: 'L68', name: 'Real estate', riskLogit: 0.1, revenuePerEmployee: 250_000 },
  { code: 'M69', name: 'Legal and accounting', riskLogit: -0.4, revenuePerEmployee: 110_000 },
  { code: 'M71', name: 'Engineering services', riskLogit: -0.3, revenuePerEmployee: 120_000 },
  { code: 'N82', name: 'Office administration', riskLogit: 0.2, revenuePerEmployee: 80_000 },
  { code: 'Q86', name: 'Human health', riskLogit: -0.4, revenuePerEmployee: 90_000 },
  { code: 'S96', name: 'Personal services', riskLogit: 0.2, revenuePerEmployee: 60_000 },
  { code: 'H52', name: 'Warehousing', riskLogit: 0.0, revenuePerEmployee: 140_000 },
];

export const REGIONS: readonly Region[] = [
  { name: 'London', riskLogit: -0.1, cities: ['London', 'Croydon', 'Barnet'] },
  { name: 'South East', riskLogit: -0.15, cities: ['Reading', 'Brighton', 'Oxford'] },
  { name: 'South West', riskLogit: -0.05, cities: ['Bristol', 'Exeter', 'Plymouth'] },
  { name: 'East', riskLogit: -0.05, cities: ['Cambridge', 'Norwich', 'Ipswich'] },
  { name: 'West Midlands', riskLogit: 0.05, cities: ['Birmingham', 'Coventry', 'Wolverhampton'] },
  { name: 'East Midlands', riskLogit: 0.05, cities: ['Nottingham', 'Leicester', 'Derby'] },
  { name: 'Yorkshire', riskLogit: 0.05, cities: ['Leeds', 'Sheffield', 'York'] },
  { name: 'North West', riskLogit: 0.05, cities: ['Manchester', 'Liverpool', 'Preston'] },
  { name: 'North East', riskLogit: 0.15, cities: ['Newcastle', 'Sunderland', 'Durham'] },
  { name: 'Wales', riskLogit: 0.1, cities: ['Cardiff', 'Swansea', 'Newport'] },
  { name: 'Scotland', riskLogit: 0.0, cities: ['Glasgow', 'Edinburgh', 'Aberdeen'] },
  { name: 'Northern Ireland', riskLogit: 0.1, cities: ['Belfast', 'Derry', 'Lisburn'] },
];

export const FIRST_NAMES = [
  'Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Jack', 'Mia', 'Jacob', 'Emily', 'Noah', 'Grace',
  'Charlie', 'Sophia', 'Thomas', 'Lily', 'Oscar', 'Freya', 'William', 'Ella', 'James', 'Chloe', 'Mohammed',
  'Aisha', 'Daniel', 'Hannah', 'Samuel', 'Zara', 'Joseph', 'Ruby', 'Arjun', 'Priya', 'Lucas', 'Elena',
];
export const LAST_NAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel',
  'Khan', 'Lewis', 'Harris', 'Martin', 'Cooper', 'King', 'Lee', 'Baker', 'Harrison', 'Morgan', 'Allen',
  'Hughes', 'Edwards', 'Hill', 'Moore', 'Clark', 'Turner', 'Phillips', 'Campbell', 'Mitchell', 'Kaur',
];
export const NAME_WORDS = [
  'Acorn', 'Apex', 'Beacon', 'Birch', 'Bright', 'Castle', 'Cedar', 'Crown', 'Delta', 'Eagle', 'Evergreen',
  'Falcon', 'Forge', 'Granite', 'Harbour', 'Heron', 'Horizon', 'Iron', 'Kestrel', 'Lark', 'Maple', 'Meridian',
  'Northern', 'Oak', 'Orbit', 'Pioneer', 'Quarry', 'Riverside', 'Summit', 'Thistle', 'Union', 'Vale',
  'Willow', 'Zenith', 'Anchor', 'Atlas', 'Bridge', 'Copper', 'Elm', 'Fern', 'Glen', 'Hawk', 'Juniper',
];
export const NAME_TRADES = [
  'Foods', 'Logistics', 'Engineering', 'Builders', 'Trading', 'Solutions', 'Services', 'Holdings', 'Systems',
  'Supplies', 'Works', 'Partners', 'Consulting', 'Manufacturing', 'Retail', 'Transport', 'Developments',
];
export const STREETS = [
  'High', 'Station', 'Church', 'Mill', 'Park', 'Victoria', 'Green', 'Manor', 'Kings', 'Queens', 'Bridge',
  'Market', 'Castle', 'School', 'North', 'South', 'London', 'New', 'Grange', 'Albert', 'York', 'Chapel',
];
export const STREET_KINDS = ['Street', 'Road', 'Avenue', 'Lane'] as const;
