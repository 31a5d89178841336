"""qualcode.ui.panes."""
