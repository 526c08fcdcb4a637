-- Every figure of the 总计 column, one row per report and a column per metric of the dictionary
-- (metrics/catalog; tests/test_scale_queries.py checks the list against it): the trend series read
-- the columns of their metrics for the selected reports (trend_series.sql) instead of scanning every
-- fact, which are stored in report order and so cannot be skipped by metric. A cell is the sum of the
-- report's facts for it (NULL where it prints none, or prints it without a value); `not_applicable`
-- names the metrics it prints without a value, which a trend counts as printed. Kept in step in the
-- store (table report_series, written with every batch as report_cells is); a database without the
-- table is pivoted when the snapshot is built. `facts_table` names a table or view shaped like facts.
-- Defined in the connection's in-memory database, never in a report database it has attached.
CREATE OR REPLACE MACRO memory.main.report_series_of(facts_table) AS TABLE
WITH cells AS (
    SELECT report_id, metric_id, sum(value) AS value
    FROM query_table(facts_table)
    WHERE requester_column = 'total'
    GROUP BY ALL
),
values_by_metric AS (
    PIVOT cells ON metric_id IN (
        'proactive_items', 'proactive_normative_docs', 'rules_issued', 'rules_published',
        'rules_abolished', 'rules_in_force', 'normative_issued', 'normative_published',
        'normative_abolished', 'normative_in_force', 'licensing_decisions', 'penalty_decisions',
        'coercion_decisions', 'fees_collected_10k_yuan', 'procurement_projects',
        'procurement_amount_10k_yuan', 'requests_new', 'requests_new_natural_person',
        'requests_new_legal_person', 'requests_carried_over', 'requests_in_person', 'requests_fax',
        'requests_online', 'requests_letter', 'requests_email', 'requests_closed', 'outcome_granted',
        'outcome_already_public', 'outcome_partial', 'outcome_denied', 'denied_state_secret',
        'denied_law_forbidden', 'denied_security_stability', 'denied_third_party',
        'denied_internal_affairs', 'denied_process_info', 'denied_enforcement_file',
        'denied_query_matter', 'denied_commercial_secret', 'denied_privacy', 'denied_not_gov_info',
        'denied_other_legal', 'outcome_unable', 'unable_not_held', 'unable_needs_creation',
        'unable_unclear', 'outcome_not_processed', 'np_petition', 'np_duplicate', 'np_publication',
        'np_mass_repeat', 'np_confirmation', 'outcome_other', 'outcome_not_this_agency',
        'outcome_told_to_amend', 'outcome_other_channel', 'outcome_total', 'requests_carried_forward',
        'review_upheld', 'review_corrected', 'review_other', 'review_pending', 'review_total',
        'lit_direct_upheld', 'lit_direct_corrected', 'lit_direct_other', 'lit_direct_pending',
        'lit_direct_total', 'lit_after_review_upheld', 'lit_after_review_corrected',
        'lit_after_review_other', 'lit_after_review_pending', 'lit_after_review_total',
        'litigation_total', 'litigation_upheld', 'litigation_corrected', 'litigation_other',
        'complaints_total', 'request_fees_10k_yuan', 'hearings', 'press_conferences', 'staff_total',
        'trainings', 'licensing_items_last_year', 'licensing_items_change',
        'other_services_items_last_year', 'other_services_items_change', 'other_services_decisions',
        'penalty_items_last_year', 'penalty_items_change', 'coercion_items_last_year',
        'coercion_items_change', 'fees_items_last_year', 'fees_items_change', 'other_no_correction',
        'other_unpaid_fee', 'other_misc', 'normative_docs_issued', 'proactive_via_gazette',
        'proactive_via_website', 'proactive_via_weibo', 'proactive_via_wechat', 'proactive_via_other',
        'proactive_category', 'responses_hot_topics', 'press_conferences_head', 'online_interviews',
        'online_interviews_head', 'policy_interpretations', 'weibo_wechat_responses',
        'other_responses', 'requests_closed_on_time', 'requests_closed_extended', 'complaints_upheld',
        'complaints_corrected', 'complaints_other', 'disclosure_offices', 'reading_points',
        'staff_full_time', 'staff_part_time', 'disclosure_budget_10k_yuan', 'meetings', 'trainees'
    ) USING max(value) GROUP BY report_id
),
unvalued AS (
    SELECT report_id, list(metric_id ORDER BY metric_id) AS not_applicable FROM cells WHERE value IS NULL GROUP BY report_id
)
SELECT v.*, u.not_applicable
FROM values_by_metric v
LEFT JOIN unvalued u USING (report_id);
