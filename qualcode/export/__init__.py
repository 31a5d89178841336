"""Exports a thesis and a supervisor can use: coded excerpts, displays, reports.

Every writer takes ``progress(done, total)`` and ``cancel()`` callables, writes
to a temporary file beside the target and renames it only when complete, so a
cancelled or failed export leaves nothing behind. Word and Excel libraries are
imported inside the functions that need them.
"""
