"""qualcode.ui.shell."""
