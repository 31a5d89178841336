"""qualcode.interop.refi.format."""
