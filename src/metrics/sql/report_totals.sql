-- The figures the pages chart, one row per report: its 总计-column facts pivoted, the legacy and
-- standard lawsuit blocks joined. Kept in step in the store (table report_totals, written with every
-- batch by write_batch.sql) so a snapshot need not pivot every fact; a database without that table
-- is pivoted when the snapshot is built. `facts_table` names a table or view shaped like facts.
-- Defined in the connection's in-memory database, never in a report database it has attached.
CREATE OR REPLACE MACRO memory.main.report_totals_of(facts_table) AS TABLE
SELECT report_id,
    max(value) FILTER (WHERE metric_id = 'proactive_items') AS proactive_items,
    max(value) FILTER (WHERE metric_id = 'requests_new') AS requests_new,
    max(value) FILTER (WHERE metric_id = 'requests_carried_over') AS requests_carried_over,
    max(value) FILTER (WHERE metric_id = 'requests_carried_forward') AS requests_carried_forward,
    max(value) FILTER (WHERE metric_id = 'outcome_granted') AS outcome_granted,
    max(value) FILTER (WHERE metric_id = 'outcome_partial') AS outcome_partial,
    max(value) FILTER (WHERE metric_id = 'outcome_denied') AS outcome_denied,
    max(value) FILTER (WHERE metric_id = 'outcome_unable') AS outcome_unable,
    max(value) FILTER (WHERE metric_id = 'outcome_not_processed') AS outcome_not_processed,
    max(value) FILTER (WHERE metric_id = 'outcome_other') AS outcome_other,
    max(value) FILTER (WHERE metric_id = 'outcome_total') AS outcome_total,
    max(value) FILTER (WHERE metric_id = 'review_upheld') AS review_upheld,
    max(value) FILTER (WHERE metric_id = 'review_corrected') AS review_corrected,
    max(value) FILTER (WHERE metric_id = 'review_other') AS review_other,
    max(value) FILTER (WHERE metric_id = 'review_pending') AS review_pending,
    max(value) FILTER (WHERE metric_id = 'review_total') AS review_total,
    -- Legacy reports print one lawsuit block; standard reports split it in two (direct / after review).
    coalesce(max(value) FILTER (WHERE metric_id = 'litigation_total'),
             max(value) FILTER (WHERE metric_id = 'lit_direct_total')
             + max(value) FILTER (WHERE metric_id = 'lit_after_review_total')) AS litigation_total,
    coalesce(max(value) FILTER (WHERE metric_id = 'litigation_upheld'),
             max(value) FILTER (WHERE metric_id = 'lit_direct_upheld')
             + max(value) FILTER (WHERE metric_id = 'lit_after_review_upheld')) AS litigation_upheld,
    coalesce(max(value) FILTER (WHERE metric_id = 'litigation_corrected'),
             max(value) FILTER (WHERE metric_id = 'lit_direct_corrected')
             + max(value) FILTER (WHERE metric_id = 'lit_after_review_corrected')) AS litigation_corrected,
    coalesce(max(value) FILTER (WHERE metric_id = 'litigation_other'),
             max(value) FILTER (WHERE metric_id = 'lit_direct_other')
             + max(value) FILTER (WHERE metric_id = 'lit_after_review_other')) AS litigation_other,
    max(value) FILTER (WHERE metric_id = 'lit_direct_pending')
        + max(value) FILTER (WHERE metric_id = 'lit_after_review_pending') AS litigation_pending
FROM query_table(facts_table)
WHERE requester_column = 'total'
GROUP BY report_id;
