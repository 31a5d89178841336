"""Progress and cancel callables for testing long core work."""

from __future__ import annotations


class StopAt:
    """A ``cancel`` callable that answers True from its ``n``-th call on (0: never)."""

    def __init__(self, n: int = 0) -> None:
        self.n, self.calls = n, 0

    def __call__(self) -> bool:
        self.calls += 1
        return bool(self.n) and self.calls >= self.n


class Recorder:
    """A ``progress`` callable keeping every (done, total) it heard."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, int]] = []

    def __call__(self, done: int, total: int, message: str) -> None:
        assert isinstance(message, str)
        self.seen.append((done, total))
