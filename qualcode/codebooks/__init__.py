"""qualcode.codebooks."""
