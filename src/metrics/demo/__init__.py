"""Generated demo data: fictional agencies' annual reports with their true figures beside them."""

from metrics.demo.generate import generate_bulk, generate_corpus, main

__all__ = ["generate_bulk", "generate_corpus", "main"]
