"""qualcode.interop.refi.format.project."""
