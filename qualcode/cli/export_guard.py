"""The one export guard of the command line: every command that writes a file for use
outside the project offers ``--pseudonymise``/``--accept-leaks`` and writes through
:func:`guarded` (register rewrite, then the leak check that fails the export)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def pseudonymise_options[F: Callable[..., Any]](fn: F) -> F:
    """``--pseudonymise`` and ``--accept-leaks``, worded alike on every command."""
    fn = click.option(
        "--accept-leaks", is_flag=True,
        help="Write the file even if register entries remain in it (they are listed).",
    )(fn)  # fmt: skip
    return click.option(
        "--pseudonymise", "--pseudonymize", is_flag=True,
        help="Cite cases by pseudonym and replace every identity register entry; the file "
        "is checked for leaks.",
    )(fn)  # fmt: skip


def guarded(
    p: Any,
    out: str | Any,
    pseudonymise: bool,
    accept_leaks: bool,
    write: Callable[[Any], Any] | None = None,
    *,
    figure: Any = None,
) -> Any:
    """Run ``write(path)`` (or save ``figure``); when pseudonymising, through the register
    rewrite and the leak check. A leak fails the export (nothing written) unless accepted."""
    from qualcode.export.leaks import describe, write_pseudonymised
    from qualcode.export.pseudonymise import Pseudonymiser

    engine = Pseudonymiser.for_project(p) if pseudonymise else None
    if engine is not None and not engine:
        click.echo(
            "Warning: the identity register is empty; only case names are replaced "
            "(see `qualcode identity fill`).",
            err=True,
        )
    scan_also = None
    if figure is not None:
        from qualcode.figures.style import save_figure

        fig = figure
        write = lambda path: save_figure(fig, path)  # noqa: E731
        if engine is not None:
            from qualcode.figures.pseudonymise import figure_leaks, pseudonymise_figure

            pseudonymise_figure(fig, engine)
            masker = engine
            scan_also = lambda: figure_leaks(fig, masker)  # noqa: E731
    assert write is not None
    result, leaks = write_pseudonymised(
        out, engine, write, accept_leaks=accept_leaks, scan_also=scan_also
    )
    if leaks:
        click.echo(f"Warning: written with {len(leaks)} accepted leak(s):\n{describe(leaks)}",
                   err=True)  # fmt: skip
    return result
