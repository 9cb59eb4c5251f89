import { request } from './http';
import type { KindAgreement, LabelKindValues, LabelSubject, LabelTask, TaskScope } from './labelling.types';

const taskPath = (id: string, action: string): string => `/labelling/tasks/${encodeURIComponent(id)}/${action}`;

export function labelKinds(): Promise<LabelKindValues[]> {
  return request<LabelKindValues[]>('/labelling/kinds');
}

export function labelTasks(scope: TaskScope): Promise<LabelTask[]> {
  return request<LabelTask[]>(`/labelling/tasks?scope=${scope}`);
}

export function labelAgreement(): Promise<KindAgreement[]> {
  return request<KindAgreement[]>('/labelling/agreement');
}

export function createLabelTask(caseId: string, subject: LabelSubject): Promise<LabelTask> {
  return request<LabelTask>('/labelling/tasks', { method: 'POST', body: { caseId, subject } });
}

export function submitLabel(id: string, value: string): Promise<LabelTask> {
  return request<LabelTask>(taskPath(id, 'labels'), { method: 'POST', body: { value } });
}

export function reviseLabel(id: string, value: string, fromVersion: number): Promise<LabelTask> {
  return request<LabelTask>(taskPath(id, 'labels/revise'), { method: 'POST', body: { value, fromVersion } });
}

export function adjudicateLabel(id: string, value: string, note: string): Promise<LabelTask> {
  return request<LabelTask>(taskPath(id, 'adjudicate'), { method: 'POST', body: { value, note } });
}
