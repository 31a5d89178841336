"""qualcode.team.sync."""
