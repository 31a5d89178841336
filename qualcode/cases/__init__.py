"""qualcode.cases.manager."""
