"""``qualcode export transcript``: whole coded transcripts for supervisors and appendices."""

from __future__ import annotations

import click

from qualcode.cli.common import open_project, project_argument


def register(cli: click.Group) -> None:
    """Add ``transcript`` to the ``export`` group (registered before this module)."""
    group = cli.commands["export"]
    assert isinstance(group, click.Group)
    group.add_command(transcript)


@click.command("transcript")
@project_argument
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE... OUT")
@click.option("--language", type=click.Choice(["id", "en"]), default="id", show_default=True)
@click.option("--coder", "coders", multiple=True, metavar="NAME",
              help="Only these coders' codings (repeat; default: all).")  # fmt: skip
@click.option("--pseudonymise", "--pseudonymize", is_flag=True,
              help="Pseudonyms for speakers and every identity register entry.")  # fmt: skip
@click.option("--accept-leaks", is_flag=True, help="Write even if register entries remain.")
def transcript(project: str, sources: tuple[str, ...], language: str, coders: tuple[str, ...],
               pseudonymise: bool, accept_leaks: bool) -> None:  # fmt: skip
    """Write SOURCE(s) as coded transcripts to OUT (.docx, .html or .pdf).

    Every line keeps its paragraph number; coded text is highlighted in the code's
    colour and the margin names each coding (code, coder, valence, note).
    """
    from qualcode.cli.commands.export_cmds import _guarded
    from qualcode.export.transcript import export_transcripts

    if len(sources) < 2:
        raise click.UsageError("Name at least one source and the output file.")
    *names, out = sources
    with open_project(project, read_only=True) as p:
        ids = [p.sources.find(n).id for n in names]
        _guarded(
            p, out, pseudonymise, accept_leaks,
            lambda path: export_transcripts(
                p, ids, path, language=language, coders=list(coders) or None,
                pseudonymise=pseudonymise,
            ),
        )  # fmt: skip
    click.echo(f"Wrote {len(ids)} coded transcript(s) to {out}")
