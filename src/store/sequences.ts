import type { DuckDBConnection } from '@duckdb/node-api';

/** Every id sequence with the table whose ids it gives. */
const SEQUENCES: [sequence: string, table: string][] = [
  ['upload_id_seq', 'upload'],
  ['snapshot_id_seq', 'frozen_snapshot'],
  ['user_id_seq', 'app_user'],
  ['token_id_seq', 'api_token'],
  ['audit_id_seq', 'audit_event'],
  ['correction_id_seq', 'indicator_correction'],
  ['reporting_rule_id_seq', 'reporting_rule'],
  ['evidence_id_seq', 'evidence'],
  ['comment_id_seq', 'indicator_comment'],
  ['document_version_id_seq', 'document_version'],
  ['document_edit_id_seq', 'document_edit'],
  ['edition_link_id_seq', 'edition_link'],
];

/**
 * Moves each sequence past its table's largest id. Needed once for a database whose ids were taken
 * as max(id) + 1 before the sequences existed, and after a restore; otherwise a no-op. DuckDB has
 * no ALTER SEQUENCE … RESTART, so a sequence behind is recreated to start after the largest id.
 * Returns whether any sequence moved.
 */
export async function alignSequences(connection: DuckDBConnection): Promise<boolean> {
  let changed = false;
  for (const [sequence, table] of SEQUENCES) {
    const reader = await connection.runAndReadAll(
      `SELECT (SELECT coalesce(max(id), 0) FROM ${table}) AS top,
         (SELECT coalesce(last_value, start_value - 1) FROM duckdb_sequences() WHERE sequence_name = $name) AS used`,
      { name: sequence },
    );
    const [top, used] = (reader.getRowsJS()[0] ?? [0, 0]).map(Number) as [number, number];
    if (used >= top) continue;
    // Both names come from the list above and the number from the database: nothing from outside.
    await connection.run(`CREATE OR REPLACE SEQUENCE ${sequence} START ${top + 1}`);
    changed = true;
  }
  return changed;
}
