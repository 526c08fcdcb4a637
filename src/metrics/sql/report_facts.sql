-- Every figure of one report with its evidence, and whether (where, how surely) it was read by OCR.
SELECT metric_id, requester_column, value, approximate, derived, evidence, note, ocr, ocr_page, ocr_confidence
FROM marked_facts
WHERE report_id = $report_id
ORDER BY metric_id, requester_column;
