"""Read Chinese government information-disclosure annual reports into one dataset."""

# Bump when extraction changes in a way that alters stored figures, so re-ingest replaces them.
PARSER_VERSION = "0.1.0"
