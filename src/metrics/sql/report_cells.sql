-- The cells the Requests page charts by year, one row per report: every answer category and reason
-- at the 总计 column, and new requests in every column. A cell is the sum of the report's facts for it
-- (NULL where it prints none, or prints it as not applicable); `not_applicable` names the cells it
-- prints without a value, which count as printed. Kept in step in the store (table report_cells,
-- written with every batch as report_totals is) so a snapshot reads a row per report instead of
-- joining a million reports' facts; a database without the table is pivoted when the snapshot is
-- built. `facts_table` names a table or view shaped like facts. Defined in the connection's
-- in-memory database, never in a report database it has attached.
CREATE OR REPLACE MACRO memory.main.report_cells_of(facts_table) AS TABLE
WITH cells AS (
    SELECT report_id,
        CASE WHEN requester_column = 'total' THEN metric_id ELSE metric_id || ':' || requester_column END AS cell,
        sum(value) AS value
    FROM query_table(facts_table)
    WHERE (requester_column = 'total' AND (
              metric_id IN ('outcome_granted', 'outcome_already_public', 'outcome_partial', 'outcome_denied',
                            'outcome_unable', 'outcome_not_processed', 'outcome_other',
                            'outcome_not_this_agency', 'outcome_told_to_amend', 'outcome_other_channel')
              OR starts_with(metric_id, 'denied_') OR starts_with(metric_id, 'unable_')
              OR starts_with(metric_id, 'np_')))
       OR metric_id = 'requests_new'
    GROUP BY ALL
),
values_by_cell AS (
    PIVOT cells ON cell IN (
        'outcome_granted', 'outcome_already_public', 'outcome_partial', 'outcome_denied', 'outcome_unable',
        'outcome_not_processed', 'outcome_other', 'outcome_not_this_agency', 'outcome_told_to_amend',
        'outcome_other_channel',
        'denied_state_secret', 'denied_law_forbidden', 'denied_security_stability', 'denied_third_party',
        'denied_internal_affairs', 'denied_process_info', 'denied_enforcement_file', 'denied_query_matter',
        'denied_commercial_secret', 'denied_privacy', 'denied_not_gov_info', 'denied_other_legal',
        'unable_not_held', 'unable_needs_creation', 'unable_unclear',
        'np_petition', 'np_duplicate', 'np_publication', 'np_mass_repeat', 'np_confirmation',
        'requests_new', 'requests_new:natural_person', 'requests_new:commercial', 'requests_new:research',
        'requests_new:public_interest', 'requests_new:legal_service', 'requests_new:other_org'
    ) USING max(value) GROUP BY report_id
),
unvalued AS (
    SELECT report_id, list(cell ORDER BY cell) AS not_applicable FROM cells WHERE value IS NULL GROUP BY report_id
)
SELECT v.*, u.not_applicable
FROM values_by_cell v
LEFT JOIN unvalued u USING (report_id);
