"""careerkit's Voilà settings (``careerkit/_voila``): the template without CDN links that also
lets a closed page free its kernel, the pool of pre-heated kernels, idle culling, and how
servers find them."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from traitlets.config import Config

from careerkit import _voila


def test_configure_sets_template_pool_and_culling(monkeypatch) -> None:
    monkeypatch.delenv("CAREERKIT_KERNEL_POOL", raising=False)
    c = Config()
    _voila.configure(c)
    assert c.VoilaConfiguration.template == "careerkit"
    assert c.VoilaConfiguration.preheat_kernel is True
    pools = c.VoilaKernelManager.kernel_pools_config
    assert pools[_voila.APP_NOTEBOOK]["pool_size"] == _voila.DEFAULT_POOL
    assert pools["default"]["pool_size"] == 0  # no pool for the other notebooks
    # Voilà refuses a prelaunch hook beside pre-heated kernels (voila/app.py)
    assert "prelaunch_hook" not in c.VoilaConfiguration
    assert c.MappingKernelManager.cull_idle_timeout == _voila.CULL_IDLE_SECONDS
    assert c.MappingKernelManager.cull_connected is False
    # a start screen's output is waited for under load, not dropped after nbclient's 4 s
    assert c.VoilaExecutor.iopub_timeout == _voila.IOPUB_TIMEOUT_SECONDS >= 30
    assert str(_voila.SHARE) in os.environ["JUPYTER_PATH"].split(os.pathsep)


def test_the_pool_size_comes_from_the_environment(monkeypatch) -> None:
    assert _voila.pool_size({}) == _voila.DEFAULT_POOL
    assert _voila.pool_size({"CAREERKIT_KERNEL_POOL": " 5 "}) == 5
    monkeypatch.setenv("CAREERKIT_KERNEL_POOL", "0")
    c = Config()
    _voila.configure(c)
    assert c.VoilaConfiguration.preheat_kernel is False
    for bad, said in (("lots", "whole number"), ("-1", "0 or more")):
        with pytest.raises(ValueError, match=said) as caught:
            _voila.pool_size({"CAREERKIT_KERNEL_POOL": bad})
        assert "CAREERKIT_KERNEL_POOL" in str(caught.value)


def test_the_template_sets_the_xsrf_cookie_only_when_missing() -> None:
    """Voilà's page sends the "_xsrf" cookie's value with its shutdown request on close; its
    page handler never sets the cookie, so the template does (the browser tests prove the
    kernels go: tests/test_app_kernels.py)."""
    template = _voila.SHARE / "voila" / "templates" / "careerkit" / "index.html.j2"
    text = template.read_text(encoding="utf-8")
    script = text.split("// The \"_xsrf\" cookie", 1)[1].split("})();", 1)[0]
    assert "if (/(^|;\\s*)_xsrf=/.test(document.cookie)) { return; }" in script
    assert "crypto.getRandomValues" in script and "resources.base_url" in script


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
        assert re.search(r"^configure\(c[,)]", text, re.M), name


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


def test_pages_share_compiled_templates(monkeypatch) -> None:
    """Each page's exporter compiled the template's files again (0.16 s of the server's one
    thread per page); after configure, the second exporter loads them compiled."""
    import jinja2
    from voila.exporter import VoilaExporter

    from careerkit._voila import _templates

    _voila.configure(Config())
    _templates.CACHE.clear()
    compiled: list[str] = []
    compile_ = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(str(name))
        return compile_(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)

    def load():
        environment = VoilaExporter(template_name="lab").environment
        assert environment.bytecode_cache is _templates.CACHE
        return environment.get_template("index.html.j2")

    first = load()
    assert compiled and len(_templates.CACHE) >= len(set(compiled))
    compiled.clear()
    second = load()
    assert compiled == []  # nothing compiled again: the code came from the cache
    assert second.root_render_func.__code__.co_code == first.root_render_func.__code__.co_code
    # the pages themselves are drawn from it in the browser tests (test_app_browser.py)
