"""qualcode.app."""
