-- The stamp of what built the stored cleaned layer (metrics.cleaned_layer.stamp), written last, as
-- report_versions' comment: a layer whose build failed half-way has none. {stamp} stands for it (hex
-- digits; COMMENT takes no bound parameters).
COMMENT ON TABLE raw.cleaned.report_versions IS '{stamp}';
