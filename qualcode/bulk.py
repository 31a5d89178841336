"""Bulk work: creating hundreds of thousands of small objects without the cyclic GC.

Python's cyclic garbage collector runs every few hundred allocations and, as the
heap grows, walks every live container again. Work that creates a great many small
objects holding no reference cycles (spaCy tokens turned into tuples, a whole
REFI-QDA project read and written) spends a noticeable share of its time there for
nothing; :func:`gc_paused` turns the collector off for its duration.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic GC inside the block, restoring its previous state afterwards.

    Reference counting still frees everything that is not in a cycle; a cycle made
    meanwhile waits for the next collection after the block.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
