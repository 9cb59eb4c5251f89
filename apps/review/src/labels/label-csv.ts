import type { LabelEntity } from './label.entity';

export const LABEL_CSV_HEADER =
  'application_id,label,source,recorded_by,recorded_at,model_version,feature_names,feature_vector\n';

/** RFC 4180 quoting: fields with commas, quotes or newlines are quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function labelCsvRow(l: LabelEntity): string {
  return [
    l.applicationId,
    l.label,
    l.source,
    l.recordedBy,
    l.recordedAt.toISOString(),
    l.modelVersion,
    JSON.stringify(l.featureNames),
    JSON.stringify(l.featureVector),
  ]
    .map(csvField)
    .join(',')
    .concat('\n');
}
