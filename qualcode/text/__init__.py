"""Text utilities shared by the core: offsets, normalisation, language analysis."""
