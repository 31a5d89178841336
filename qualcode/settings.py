"""Per-user settings: the acting coder's name, recent projects, UI language.

Stored as JSON in the platform's config folder (override the folder with
``QUALCODE_CONFIG_DIR``, as the tests do). Never holds credentials.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from qualcode.credentials import strip_password


def config_dir() -> Path:
    """The folder that holds ``settings.json``."""
    override = os.environ.get("QUALCODE_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("QualCode", appauthor=False))


@dataclass(slots=True)
class Settings:
    """User settings with their defaults."""

    coder: str | None = None
    language: str = "en"
    recent_projects: list[str] = field(default_factory=list)
    backups_kept: int = 5
    max_text_mb: int = 50
    """Most text (in millions of characters) one imported .docx/.odt may expand to."""

    @classmethod
    def load(cls) -> Settings:
        """Read the settings file; a missing or damaged file gives the defaults."""
        path = config_dir() / "settings.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        try:
            settings = cls(**known)
        except TypeError:
            return cls()
        # A file written by an older version may hold a URL with a password: drop it.
        settings.recent_projects = _without_passwords(settings.recent_projects)
        return settings

    def save(self) -> None:
        """Write the settings atomically (a crash never leaves half a file)."""
        folder = config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self.recent_projects = _without_passwords(self.recent_projects)
        tmp = folder / "settings.json.tmp"
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, folder / "settings.json")

    def remember_project(self, path: str, keep: int = 10) -> None:
        """Put ``path`` first in the recent-projects list (a URL without its password)."""
        path = strip_password(path)
        self.recent_projects = [path] + [p for p in self.recent_projects if p != path]
        del self.recent_projects[keep:]


def _without_passwords(locations: list[str]) -> list[str]:
    out: list[str] = []
    for location in locations if isinstance(locations, list) else []:
        clean = strip_password(str(location))
        if clean not in out:
            out.append(clean)
    return out


def resolve_coder(explicit: str | None = None) -> str:
    """The acting coder: ``explicit``, else the settings' coder, else the OS user name."""
    if explicit and explicit.strip():
        return explicit.strip()
    configured = Settings.load().coder
    if configured and configured.strip():
        return configured.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in some containers
        return "coder"
