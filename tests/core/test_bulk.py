"""gc_paused: the collector is off inside the block and as before after it."""

from __future__ import annotations

import gc

import pytest

from qualcode.bulk import gc_paused


@pytest.fixture
def gc_state():
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_and_restored_after(gc_state):
    gc.enable()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_error(gc_state):
    gc.enable()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("stop")
    assert gc.isenabled()


def test_left_off_when_it_was_off(gc_state):
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()
