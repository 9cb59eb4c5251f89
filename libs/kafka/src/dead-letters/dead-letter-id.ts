import { z } from 'zod';

/** A dead letter's stable reference: where it sits on its dead-letter topic. */
export interface DeadLetterRef {
  topic: string;
  partition: number;
  offset: string;
}

const ID = /^([a-zA-Z0-9._-]+):(\d+):(\d+)$/;

export const deadLetterIdSchema = z
  .string()
  .regex(ID, 'a dead-letter id is <dead-letter-topic>:<partition>:<offset>, e.g. ingestion.dead-letter.v1:3:120');

export function formatDeadLetterId(ref: DeadLetterRef): string {
  return `${ref.topic}:${ref.partition}:${ref.offset}`;
}

export function parseDeadLetterId(id: string): DeadLetterRef {
  const [, topic, partition, offset] = ID.exec(deadLetterIdSchema.parse(id))!;
  return { topic, partition: Number(partition), offset };
}
