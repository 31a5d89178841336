"""The ``qualcode`` command: one tree of sub-commands over the headless core.

Every command module in :mod:`qualcode.cli.commands` registers its commands
here; each keeps its heavy imports inside the command so ``qualcode --help``
stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from qualcode import __version__
from qualcode.cli import commands
from qualcode.cli.common import QualCodeGroup


@click.group(cls=QualCodeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qualcode")
def cli() -> None:
    """QualCode: qualitative research coding from the command line.

    PROJECT is a project file (.qdaproj) or a database URL.
    """


def _register_all() -> None:
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(cli)


_register_all()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="qualcode")
