"""careerkit's Voilà settings (``careerkit/_voila``): the template without CDN links, the hook
that lets a closed page free its kernel, idle culling, and how servers find them."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from conftest import ROOT
from traitlets.config import Config

from careerkit import _voila


def test_configure_sets_template_hook_and_culling() -> None:
    c = Config()
    _voila.configure(c)
    assert c.VoilaConfiguration.template == "careerkit"
    assert c.VoilaConfiguration.prelaunch_hook is _voila.prelaunch_hook
    assert c.MappingKernelManager.cull_idle_timeout == _voila.CULL_IDLE_SECONDS
    assert c.MappingKernelManager.cull_connected is False
    assert str(_voila.SHARE) in os.environ["JUPYTER_PATH"].split(os.pathsep)


def test_the_hook_reads_the_xsrf_token_so_tornado_sets_the_cookie() -> None:
    class Handler:
        read = 0

        @property
        def xsrf_token(self) -> bytes:
            Handler.read += 1
            return b"token"

    assert _voila.prelaunch_hook(Handler(), notebook=None, cwd=".") is None
    assert Handler.read == 1


def test_environment_puts_the_template_folder_first_once() -> None:
    env = _voila.environment({"JUPYTER_PATH": "/somewhere"})
    assert env["JUPYTER_PATH"].split(os.pathsep) == [str(_voila.SHARE), "/somewhere"]
    assert _voila.environment(env)["JUPYTER_PATH"] == env["JUPYTER_PATH"]


def test_the_template_links_nothing_outside_the_server() -> None:
    template = _voila.SHARE / "voila" / "templates" / "careerkit" / "index.html.j2"
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"https?://", text)
    # the blocks of the lab template that load from CDNs are replaced
    for block in ("notebook_css", "html_head_js_mermaidjs", "html_head_js_mathjax"):
        assert f"block {block}" in text


def test_both_config_files_apply_the_settings() -> None:
    for name in ("voila.py", "jupyter_server_config.py"):
        text = (_voila.CONFIG / name).read_text(encoding="utf-8")
        assert "configure(c)" in text


def test_make_app_serves_only_the_app_with_the_config() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\napp:", 1)[1].split("\n\n", 1)[0]
    assert "voila notebooks/app.ipynb" in recipe
    assert "--Voila.config_file_paths=careerkit/_voila/config" in recipe
    assert 'echo "Open http://localhost:$(PORT)/"' in recipe


def test_binder_start_puts_the_config_and_template_on_jupyters_paths(tmp_path: Path) -> None:
    script = ROOT / "binder" / "start"
    out = subprocess.run(
        ["bash", str(script), "bash", "-c", 'echo "$JUPYTER_CONFIG_PATH|$JUPYTER_PATH"'],
        capture_output=True, text=True, check=True,
        env={**os.environ, "PATH": f"{Path(os.sys.executable).parent}:{os.environ['PATH']}",
             "NB_PYTHON_PREFIX": str(tmp_path)},
    ).stdout.strip()
    config, share = out.split("|")
    assert str(_voila.CONFIG) in config.split(":") and str(_voila.SHARE) in share.split(":")
