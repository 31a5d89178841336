"""``qualcode encrypt|decrypt PROJECT``: convert a project file and its backups."""

from __future__ import annotations

import click

from qualcode.cli.common import interactive, new_password, project_argument


def register(cli: click.Group) -> None:
    """Add ``encrypt`` and ``decrypt`` to ``cli``."""
    cli.add_command(encrypt)
    cli.add_command(decrypt)


@click.command()
@project_argument
@click.option("--remember", is_flag=True, help="Keep the password in the system keyring.")
def encrypt(project: str, remember: bool) -> None:
    """Encrypt PROJECT (and its backups) with a new password. The original stays until the
    encrypted copy is verified."""
    from qualcode.encryption import encrypt_project

    password = new_password(project)
    converted = encrypt_project(project, password)
    click.echo(f"Encrypted {project} and {converted} backup(s)")
    if remember:
        from qualcode.credentials import remember_project_password

        remember_project_password(project, password)
        click.echo("The password is kept in the system keyring.")


@click.command()
@project_argument
@click.option("--forget", is_flag=True, help="Remove the password from the system keyring.")
def decrypt(project: str, forget: bool) -> None:
    """Store PROJECT (and its backups) unencrypted again."""
    from qualcode.credentials import forget_project_password, project_password
    from qualcode.encryption import decrypt_project
    from qualcode.errors import PasswordRequiredError

    password = project_password(project)
    if not password:
        if not interactive():
            raise PasswordRequiredError(path=project)
        password = click.prompt(f"Password for {project}", hide_input=True, err=True)
    converted = decrypt_project(project, str(password))
    click.echo(f"Decrypted {project} and {converted} backup(s)")
    if forget:
        forget_project_password(project)
