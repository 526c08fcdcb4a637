-- Every section 三 figure in a requester column other than 总计 (自然人, 商业企业 ...), one row per
-- report with a column per cell, named metric:column (the templates' section 三 rows of both standard
-- layouts, in each of metrics.templates' requester columns; tests/test_summaries.py checks the list
-- against them). The regional roll-up adds these up with report_series' 总计 figures (rollup_cells.sql)
-- for one year's reports, instead of joining them with every fact: the facts are stored in report
-- order, so no year's can be skipped. A cell is the sum of the report's facts for it (NULL where it
-- prints none, or prints it without a value). Kept in step in the store (table report_columns,
-- written with every batch as report_series is); a database without the table is pivoted when a page
-- asks. `facts_table` names a table or view shaped like facts. Defined in the connection's in-memory
-- database, never in a report database it has attached.
CREATE OR REPLACE MACRO memory.main.report_columns_of(facts_table) AS TABLE
WITH cells AS (
    SELECT report_id, metric_id || ':' || requester_column AS cell, sum(value) AS value
    FROM query_table(facts_table)
    WHERE requester_column <> 'total'
    GROUP BY ALL
)
PIVOT cells ON cell IN (
        'requests_new:natural_person', 'requests_new:commercial', 'requests_new:research',
        'requests_new:public_interest', 'requests_new:legal_service', 'requests_new:other_org',
        'requests_carried_over:natural_person', 'requests_carried_over:commercial',
        'requests_carried_over:research', 'requests_carried_over:public_interest',
        'requests_carried_over:legal_service', 'requests_carried_over:other_org',
        'outcome_granted:natural_person', 'outcome_granted:commercial', 'outcome_granted:research',
        'outcome_granted:public_interest', 'outcome_granted:legal_service', 'outcome_granted:other_org',
        'outcome_partial:natural_person', 'outcome_partial:commercial', 'outcome_partial:research',
        'outcome_partial:public_interest', 'outcome_partial:legal_service', 'outcome_partial:other_org',
        'outcome_denied:natural_person', 'outcome_denied:commercial', 'outcome_denied:research',
        'outcome_denied:public_interest', 'outcome_denied:legal_service', 'outcome_denied:other_org',
        'denied_state_secret:natural_person', 'denied_state_secret:commercial',
        'denied_state_secret:research', 'denied_state_secret:public_interest',
        'denied_state_secret:legal_service', 'denied_state_secret:other_org',
        'denied_law_forbidden:natural_person', 'denied_law_forbidden:commercial',
        'denied_law_forbidden:research', 'denied_law_forbidden:public_interest',
        'denied_law_forbidden:legal_service', 'denied_law_forbidden:other_org',
        'denied_security_stability:natural_person', 'denied_security_stability:commercial',
        'denied_security_stability:research', 'denied_security_stability:public_interest',
        'denied_security_stability:legal_service', 'denied_security_stability:other_org',
        'denied_third_party:natural_person', 'denied_third_party:commercial', 'denied_third_party:research',
        'denied_third_party:public_interest', 'denied_third_party:legal_service',
        'denied_third_party:other_org',
        'denied_internal_affairs:natural_person', 'denied_internal_affairs:commercial',
        'denied_internal_affairs:research', 'denied_internal_affairs:public_interest',
        'denied_internal_affairs:legal_service', 'denied_internal_affairs:other_org',
        'denied_process_info:natural_person', 'denied_process_info:commercial',
        'denied_process_info:research', 'denied_process_info:public_interest',
        'denied_process_info:legal_service', 'denied_process_info:other_org',
        'denied_enforcement_file:natural_person', 'denied_enforcement_file:commercial',
        'denied_enforcement_file:research', 'denied_enforcement_file:public_interest',
        'denied_enforcement_file:legal_service', 'denied_enforcement_file:other_org',
        'denied_query_matter:natural_person', 'denied_query_matter:commercial',
        'denied_query_matter:research', 'denied_query_matter:public_interest',
        'denied_query_matter:legal_service', 'denied_query_matter:other_org',
        'outcome_unable:natural_person', 'outcome_unable:commercial', 'outcome_unable:research',
        'outcome_unable:public_interest', 'outcome_unable:legal_service', 'outcome_unable:other_org',
        'unable_not_held:natural_person', 'unable_not_held:commercial', 'unable_not_held:research',
        'unable_not_held:public_interest', 'unable_not_held:legal_service', 'unable_not_held:other_org',
        'unable_needs_creation:natural_person', 'unable_needs_creation:commercial',
        'unable_needs_creation:research', 'unable_needs_creation:public_interest',
        'unable_needs_creation:legal_service', 'unable_needs_creation:other_org',
        'unable_unclear:natural_person', 'unable_unclear:commercial', 'unable_unclear:research',
        'unable_unclear:public_interest', 'unable_unclear:legal_service', 'unable_unclear:other_org',
        'outcome_not_processed:natural_person', 'outcome_not_processed:commercial',
        'outcome_not_processed:research', 'outcome_not_processed:public_interest',
        'outcome_not_processed:legal_service', 'outcome_not_processed:other_org',
        'np_petition:natural_person', 'np_petition:commercial', 'np_petition:research',
        'np_petition:public_interest', 'np_petition:legal_service', 'np_petition:other_org',
        'np_duplicate:natural_person', 'np_duplicate:commercial', 'np_duplicate:research',
        'np_duplicate:public_interest', 'np_duplicate:legal_service', 'np_duplicate:other_org',
        'np_publication:natural_person', 'np_publication:commercial', 'np_publication:research',
        'np_publication:public_interest', 'np_publication:legal_service', 'np_publication:other_org',
        'np_mass_repeat:natural_person', 'np_mass_repeat:commercial', 'np_mass_repeat:research',
        'np_mass_repeat:public_interest', 'np_mass_repeat:legal_service', 'np_mass_repeat:other_org',
        'np_confirmation:natural_person', 'np_confirmation:commercial', 'np_confirmation:research',
        'np_confirmation:public_interest', 'np_confirmation:legal_service', 'np_confirmation:other_org',
        'outcome_other:natural_person', 'outcome_other:commercial', 'outcome_other:research',
        'outcome_other:public_interest', 'outcome_other:legal_service', 'outcome_other:other_org',
        'other_no_correction:natural_person', 'other_no_correction:commercial',
        'other_no_correction:research', 'other_no_correction:public_interest',
        'other_no_correction:legal_service', 'other_no_correction:other_org',
        'other_unpaid_fee:natural_person', 'other_unpaid_fee:commercial', 'other_unpaid_fee:research',
        'other_unpaid_fee:public_interest', 'other_unpaid_fee:legal_service', 'other_unpaid_fee:other_org',
        'other_misc:natural_person', 'other_misc:commercial', 'other_misc:research',
        'other_misc:public_interest', 'other_misc:legal_service', 'other_misc:other_org',
        'outcome_total:natural_person', 'outcome_total:commercial', 'outcome_total:research',
        'outcome_total:public_interest', 'outcome_total:legal_service', 'outcome_total:other_org',
        'requests_carried_forward:natural_person', 'requests_carried_forward:commercial',
        'requests_carried_forward:research', 'requests_carried_forward:public_interest',
        'requests_carried_forward:legal_service', 'requests_carried_forward:other_org'
) USING max(value) GROUP BY report_id;
