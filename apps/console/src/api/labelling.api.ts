import type { paths } from '@loanmesh/contracts/openapi/review';

import { get, post, type ResponseOf } from './review-client';

export type LabelKindValues = ResponseOf<'/labelling/kinds', 'get'>[number];
export type LabelTask = ResponseOf<'/labelling/tasks', 'get'>[number];
export type LabelKind = LabelTask['kind'];
export type LabelSubject = LabelTask['subject'];
export type KindAgreement = ResponseOf<'/labelling/agreement', 'get'>[number];
export type TaskScope = NonNullable<NonNullable<paths['/labelling/tasks']['get']['parameters']['query']>['scope']>;

export function labelKinds(): Promise<LabelKindValues[]> {
  return get('/labelling/kinds', {});
}

export function labelTasks(scope: TaskScope): Promise<LabelTask[]> {
  return get('/labelling/tasks', { query: { scope } });
}

export function labelAgreement(): Promise<KindAgreement[]> {
  return get('/labelling/agreement', {});
}

export function createLabelTask(caseId: string, subject: LabelSubject): Promise<LabelTask> {
  return post('/labelling/tasks', { body: { caseId, subject } });
}

export function submitLabel(id: string, value: string): Promise<LabelTask> {
  return post('/labelling/tasks/{id}/labels', { path: { id }, body: { value } });
}

export function reviseLabel(id: string, value: string, fromVersion: number): Promise<LabelTask> {
  return post('/labelling/tasks/{id}/labels/revise', { path: { id }, body: { value, fromVersion } });
}

export function adjudicateLabel(id: string, value: string, note: string): Promise<LabelTask> {
  return post('/labelling/tasks/{id}/adjudicate', { path: { id }, body: { value, note } });
}
