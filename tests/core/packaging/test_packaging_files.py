"""The Windows, macOS and Linux packaging files name only what the Linux build exercises:
the same scripts, the same bundle folder and executable names, the same file types."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
SPEC = (ROOT / "packaging" / "qualcode.spec").read_text(encoding="utf-8")


def _workflow_steps() -> list[dict[str, str]]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / "build.yml").read_text("utf-8"))
    return data["jobs"]["bundle"]["steps"]


def test_spec_names_the_folder_and_both_executables() -> None:
    assert 'COLLECT(app, cli, a.binaries, a.datas, name="QualCode"' in SPEC
    assert 'executable("QualCode", console=False)' in SPEC
    assert 'executable("qualcode-cli", console=True)' in SPEC
    from qualcode.launcher import CLI_NAME

    assert CLI_NAME == "qualcode-cli"


def test_workflow_runs_the_scripts_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    runs = [step.get("run", "") for step in _workflow_steps()]
    for command in ("bash scripts/build-app.sh", "bash scripts/smoke-test-app.sh"):
        assert command in runs and f"\n{command}\n" in ci + "\n"
    matrix = yaml.safe_load((ROOT / ".github/workflows/build.yml").read_text("utf-8"))
    assert {"windows-latest", "macos-latest"} <= set(
        matrix["jobs"]["bundle"]["strategy"]["matrix"]["os"]
    )


def test_workflow_paths_exist_or_are_build_outputs() -> None:
    text = "\n".join(step.get("run", "") for step in _workflow_steps())
    for path in re.findall(r"\b(?:scripts|packaging)/[\w./-]+", text):
        assert (ROOT / path).exists(), path
    for output in re.findall(r"\bdist/[\w./-]+", text):
        assert output.startswith(("dist/QualCode/", "dist/QualCode.app", "dist/QualCode.dmg",
                                  "dist/QualCode-linux")), output  # fmt: skip


def test_inno_setup_installs_the_bundle_and_associates_both_file_types() -> None:
    iss = (ROOT / "packaging" / "windows" / "qualcode.iss").read_text(encoding="utf-8")
    assert 'Source: "..\\..\\dist\\QualCode\\*"' in iss
    assert '"{group}\\{#AppName}"; Filename: "{app}\\QualCode.exe"' in iss
    for suffix in (".qdaproj", ".qdpx"):
        assert f'Subkey: "Software\\Classes\\{suffix}"' in iss
    assert iss.count('"""{app}\\QualCode.exe"" ""%1"""') == 2


def test_macos_bundle_declares_both_file_types() -> None:
    assert '"CFBundleTypeExtensions": ["qdaproj"]' in SPEC
    assert '"CFBundleTypeExtensions": ["qdpx"]' in SPEC
    assert "argv_emulation" in SPEC


def test_linux_desktop_entry_and_file_types() -> None:
    entry = (ROOT / "packaging" / "linux" / "qualcode.desktop").read_text(encoding="utf-8")
    assert "Exec=QualCode %f" in entry and "Icon=qualcode" in entry
    mime = (ROOT / "packaging" / "linux" / "qualcode-mime.xml").read_text(encoding="utf-8")
    for mime_type in re.findall(r"application/x-[\w-]+", entry):
        assert f'type="{mime_type}"' in mime
    assert '<glob pattern="*.qdaproj"/>' in mime and '<glob pattern="*.qdpx"/>' in mime
    if shutil.which("desktop-file-validate"):
        path = ROOT / "packaging" / "linux" / "qualcode.desktop"
        assert subprocess.run(["desktop-file-validate", str(path)]).returncode == 0


def _fake_bundle(folder: Path) -> Path:
    bundle = folder / "Qual Code & co"
    (bundle / "share").mkdir(parents=True)
    for name in ("QualCode", "qualcode-cli"):
        (bundle / name).write_text("#!/bin/sh\n", encoding="utf-8")
        (bundle / name).chmod(0o755)
    for source in ("linux/qualcode.desktop", "linux/qualcode-mime.xml", "icons/qualcode.svg",
                   "icons/qualcode.png"):  # fmt: skip
        shutil.copy(ROOT / "packaging" / source, bundle / "share")
    shutil.copy(ROOT / "packaging" / "linux" / "install.sh", bundle / "install.sh")
    return bundle


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_linux_install_script_adds_and_removes_the_desktop_entry(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path)
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    subprocess.run(["bash", str(bundle / "install.sh")], env=env, check=True, capture_output=True)
    data = home / ".local" / "share"
    entry = (data / "applications" / "qualcode.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle}/QualCode" %f' in entry
    assert (data / "icons/hicolor/scalable/apps/qualcode.svg").is_file()
    assert (data / "mime/packages/qualcode.xml").is_file()
    assert (home / ".local/bin/qualcode").resolve() == bundle / "qualcode-cli"
    subprocess.run(["bash", str(bundle / "install.sh"), "--uninstall"], env=env, check=True,
                   capture_output=True)  # fmt: skip
    assert not (data / "applications" / "qualcode.desktop").exists()
    assert not (home / ".local/bin/qualcode").exists()
    assert (bundle / "QualCode").exists()
