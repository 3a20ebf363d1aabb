"""The wheel carries the bundled tables: build it, install it outside the repo, load from there.

No network: the wheel is built without build isolation (hatchling from the project's
environment) and installed with ``--no-deps`` into a fresh venv that sees the project's
dependencies through a ``.pth`` line pointing at ``.venv``'s site-packages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import IN_CI, ROOT

pytestmark = pytest.mark.slow

CHECK = """
import json, careerkit
from careerkit import datasets
occ = datasets.occupations()
print(json.dumps({
    "module": careerkit.__file__,
    "data_dir": str(datasets.data_dir()),
    "tables_dir": str(datasets.tables_dir()),
    "rows": len(occ),
    "columns": list(occ.columns),
    "ratings": len(datasets.occupation_ratings()),
    "inventory": (datasets.data_dir() / "inventory").is_dir(),
    "release": datasets.provenance()["tables"]["occupations"]["release"],
}))
"""


def _run(args: list, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{args[:3]} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    try:
        import hatchling  # noqa: F401  (the build backend, used without build isolation)
    except ImportError:
        message = "building the wheel offline needs hatchling in this environment"
        if IN_CI:
            pytest.fail(f"{message} (CI=true: it must be installed)")
        pytest.skip(message)
    out = tmp_path_factory.mktemp("dist")
    _run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, ROOT],
        cwd=ROOT,
    )
    (path,) = out.glob("careerkit-*.whl")
    return path


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A venv outside the repository with only the wheel installed in it."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            wheel,
        ]
    )
    site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    # Dependencies come from the project's environment; a plain path line does not run that
    # folder's own .pth files, so the editable careerkit there stays invisible.
    Path(site.stdout.strip(), "project_deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return venv


def _clean_env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CAREERKIT_DATA")}
    env["CAREERKIT_HOME"] = str(tmp_path / "home")
    return env


def test_wheel_contains_the_tables_and_provenance(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for table in (
        "occupations.csv",
        "occupation_ratings.csv",
        "elements.csv",
        "technology.csv",
        "commodities.csv",
        "work_values.csv",
        "provenance.json",
        "README.md",
    ):
        assert f"careerkit/_data/{table}" in names
    assert "careerkit/py.typed" in names
    assert not any(name.startswith(("tests/", "data/")) for name in names)


def test_installed_wheel_loads_bundled_tables_from_site_packages(installed, tmp_path):
    python = installed / "bin" / "python"
    result = _run([python, "-c", CHECK], cwd=tmp_path, env=_clean_env(tmp_path))
    info = json.loads(result.stdout)
    assert Path(info["module"]).is_relative_to(installed)
    data_dir = Path(info["data_dir"])
    assert data_dir.is_relative_to(installed) and data_dir.parts[-2:] == ("careerkit", "_data")
    assert info["tables_dir"] == info["data_dir"]
    assert info["rows"] == 923 and info["columns"][:3] == ["soc_code", "title", "job_zone"]
    assert info["ratings"] == 59772
    assert info["inventory"] is True
    assert info["release"] == "30.1"


def test_installed_command_shows_the_credit_and_updates_outside_site_packages(
    installed, tmp_path, onet_dir
):
    env = _clean_env(tmp_path)
    command = installed / "bin" / "careerkit"
    info = _run([command, "data", "info"], cwd=tmp_path, env=env).stdout
    assert "Tables in use: bundled" in info and "CC BY 4.0" in info
    _run([command, "data", "update", onet_dir / "db_30_1_text"], cwd=tmp_path, env=env)
    assert (tmp_path / "home" / "onet-data" / "provenance.json").is_file()
    site_data = next(installed.rglob("careerkit/_data"))
    assert not (site_data / "descriptions.csv").exists()


def _compiler() -> str | None:
    import shutil

    return os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")


def test_installed_wheel_uses_the_compiled_search_when_a_compiler_built_it(
    wheel, installed, tmp_path
):
    names = set(zipfile.ZipFile(wheel).namelist())
    if _compiler() is None:
        if IN_CI:
            pytest.fail("no C compiler (CI=true: .ci/run installs gcc)")
        assert "careerkit/skills/libckwalk.so" not in names
        assert "-none-any.whl" in wheel.name  # pure Python, any platform
        pytest.skip("no C compiler: the wheel holds the pure-Python search only")
    assert "careerkit/skills/libckwalk.so" in names
    assert "-none-any.whl" not in wheel.name  # tagged for this platform
    python = installed / "bin" / "python"
    check = (
        "import careerkit.skills as s; from careerkit.skills import _walk; "
        "print(_walk.library() is not None, "
        "s.SkillExtractor(s.Taxonomy.default())._walker is not None, _walk.__file__)"
    )
    out = _run([python, "-c", check], cwd=tmp_path, env=_clean_env(tmp_path)).stdout.split()
    assert out[:2] == ["True", "True"]
    assert Path(out[2]).is_relative_to(installed)
