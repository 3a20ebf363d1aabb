"""``careerkit data info|update|reset`` and ``careerkit --version``."""

from __future__ import annotations

import hashlib
import shutil
import threading
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from careerkit import __version__, datasets
from careerkit.cli import main

ZIP_FILES = ("Interests.txt", "Occupation Data.txt", "Job Zones.txt", "Read Me.txt")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep test output clean
        pass


@pytest.fixture
def release_zip(onet_dir, tmp_path) -> Path:
    """A zip shaped like O*NET's: one release folder (27.0, four files) inside."""
    path = tmp_path / "served" / "db_27_0_text.zip"
    path.parent.mkdir()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in ZIP_FILES:
            archive.write(onet_dir / "db_27_0_text" / name, f"db_27_0_text/{name}")
    return path


@pytest.fixture
def server(release_zip):
    """An http.server on 127.0.0.1 serving the zip's folder; yields the base URL."""
    handler = partial(_QuietHandler, directory=str(release_zip.parent))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version_is_printed(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"careerkit {__version__}"


def test_info_lists_tables_releases_rows_and_credit(capsys):
    assert main(["data", "info"]) == 0
    out = capsys.readouterr().out
    assert "Tables in use: bundled" in out
    assert "occupations.csv" in out and "923 rows" in out and "O*NET 30.1 + 29.3" in out
    assert "occupation_ratings.csv" in out and "59,772 rows" in out
    assert "O*NET 29.2 (February 2025)" in out
    assert "44 without skill ratings" in out
    assert "information from the O*NET 30.1 Database" in out
    assert "Used under the CC BY 4.0 license" in out
    assert "USDOL/ETA has not approved, endorsed, or tested these modifications" in out


def test_update_from_a_folder_writes_the_user_data_folder(onet_dir, careerkit_home, capsys):
    assert (
        main(
            [
                "data",
                "update",
                str(onet_dir / "db_30_1_text"),
                "--job-zones-from",
                str(onet_dir / "db_29_3_derived_tsv"),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    target = careerkit_home / "onet-data"
    assert f"Updated the O*NET tables in {target} from O*NET 30.1" in out
    assert (
        "kept from the previous tables: occupation_ratings, elements, rating_sources, "
        "level_anchors, technology" in out
    )
    assert datasets.tables_dir() == target and datasets.data_source() == "user"
    occupations = datasets.occupations()
    assert len(occupations) == 923
    assert occupations["job_zone"].notna().all()
    descriptions = datasets.occupation_descriptions().set_index("soc_code")["description"]
    assert descriptions["11-1011.00"].startswith("Determine and formulate policies")
    assert (datasets.data_dir() / "occupations.csv").is_file()  # the bundled copy is untouched
    assert not (datasets.data_dir() / "descriptions.csv").exists()


def test_update_from_a_zip_reads_the_release_inside(release_zip, capsys):
    assert main(["data", "update", str(release_zip)]) == 0
    assert "from O*NET 27.0" in capsys.readouterr().out
    occupations = datasets.occupations().set_index("soc_code")
    assert len(occupations) == 874
    assert occupations.loc["11-1011.00", "R"] == pytest.approx(1.33)
    info = datasets.provenance()["tables"]
    assert info["occupations"]["release"] == "27.0"
    assert info["work_values"]["release"] == "30.1"  # not in the zip: kept
    assert len(datasets.occupation_ratings()) == 59772


def test_update_from_a_url_with_the_right_checksum(server, release_zip, capsys):
    url = f"{server}/{release_zip.name}"
    assert main(["data", "update", url, "--sha256", _sha256(release_zip)]) == 0
    assert "from O*NET 27.0" in capsys.readouterr().out
    assert len(datasets.occupations()) == 874


def test_update_from_a_url_with_a_wrong_checksum_changes_nothing(server, release_zip, capsys):
    url = f"{server}/{release_zip.name}"
    assert main(["data", "update", url, "--sha256", "0" * 64]) == 1
    err = capsys.readouterr().err
    assert "does not have the SHA-256 given with --sha256" in err
    assert "Traceback" not in err
    assert datasets.data_source() == "bundled"
    assert len(datasets.occupations()) == 923


def test_update_from_a_url_needs_a_checksum(server, release_zip, capsys):
    assert main(["data", "update", f"{server}/{release_zip.name}"]) == 1
    assert "A download needs its checksum" in capsys.readouterr().err
    assert main(["data", "update", f"{server}/x.zip", "--sha256", "abc"]) == 1
    assert "must be 64 hexadecimal characters" in capsys.readouterr().err


def test_update_from_a_missing_url_says_so(server, capsys):
    assert main(["data", "update", f"{server}/missing.zip", "--sha256", "0" * 64]) == 1
    assert "Could not download" in capsys.readouterr().err


def test_update_refuses_a_zip_that_escapes_its_folder(tmp_path, capsys):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("../evil.txt", "x")
    assert main(["data", "update", str(bad)]) == 1
    assert "contains a file outside its own folder" in capsys.readouterr().err
    assert not (tmp_path.parent / "evil.txt").exists()


def test_update_from_a_folder_without_onet_files_says_what_is_expected(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("hello")
    assert main(["data", "update", str(tmp_path)]) == 1
    assert "No O*NET data files found" in capsys.readouterr().err
    assert main(["data", "update", str(tmp_path / "nowhere")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_a_broken_release_is_reported_and_the_tables_stay(onet_dir, tmp_path, capsys):
    folder = tmp_path / "db_30_1_text"
    shutil.copytree(onet_dir / "db_30_1_text", folder)
    path = folder / "Interests.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("\t", ","), encoding="utf-8")
    assert main(["data", "update", str(folder)]) == 1
    assert "Interests.txt" in capsys.readouterr().err
    assert datasets.data_source() == "bundled"


def test_reset_goes_back_to_the_bundled_tables(release_zip, capsys):
    assert main(["data", "update", str(release_zip)]) == 0
    assert datasets.data_source() == "user"
    assert main(["data", "reset"]) == 0
    assert "uses its bundled tables" in capsys.readouterr().out
    assert datasets.data_source() == "bundled"
    assert len(datasets.occupations()) == 923
