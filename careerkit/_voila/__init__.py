"""How careerkit's participant app is served by Voilà (``make app``, JupyterHub servers).

What Voilà does not do by default, set up by :func:`configure` from the config file
``careerkit/_voila/config/voila.py``:

- **Kernels of closed pages are freed.** When a page closes, Voilà's page sends a shutdown
  request for its kernel with the ``_xsrf`` cookie's value; but Voilà's page handler never sets
  that cookie, so every such request was refused ("'_xsrf' argument missing from POST") and the
  kernels stayed. The ``careerkit`` template sets the cookie on the page when it is missing (a
  random token: Tornado's check compares the cookie with the value sent, and another site can
  neither read nor set it). As a backstop, kernels with no page connected are culled after
  :data:`CULL_IDLE_SECONDS` idle (jupyter_server's ``MappingKernelManager.cull_*`` settings;
  Voilà never culls its pool).
- **The next page is quick**: Voilà keeps :func:`pool_size` kernels that have already run the
  app notebook (``preheat_kernel``; other notebooks get none), so a page opens on a kernel
  whose start screen is drawn.
  The app reads nothing from the request at start (no URL parameter chooses a workbook, see
  :func:`careerkit.workbook.in_voila`), so a pre-heated page is the same as a fresh one.
- **Kernels start warm** (the app's own server, ``config/voila.py``): each kernel is forked
  from one parent process that has imported careerkit, ipykernel and Plotly's renderers once
  (:mod:`careerkit._voila._fork`): a kernel is ready in a fraction of the time, and kernels
  share those libraries' memory. ``CAREERKIT_KERNEL_FORK=0`` turns it off.
- **A crowd gets its pages**: a page's rendering waits :data:`IOPUB_TIMEOUT_SECONDS` for a
  cell's output after the kernel replied (nbclient's 4 s lost start screens when a room
  arrived at once).
- **No request leaves the server**: the ``careerkit`` template (``share/voila/templates``)
  drops the lab template's links to a public CDN; the icon font is in Voilà's own bundle.
- **Templates are compiled once** per server, not once per page
  (:mod:`careerkit._voila._templates`).
- **Text for JupyterLab readers stays there**: cells tagged ``lab-only`` are not shown.

The template is found through ``JUPYTER_PATH``: :func:`environment` gives the variables a
process serving the app needs, and :func:`configure` adds the folder for its own process.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from careerkit._voila._templates import share_compiled_templates

__all__ = [
    "APP_NOTEBOOK",
    "CONFIG",
    "CULL_IDLE_SECONDS",
    "SHARE",
    "TEMPLATE",
    "configure",
    "environment",
    "fork_enabled",
    "pool_size",
]

HERE = Path(__file__).resolve().parent
#: folder holding ``voila/templates/careerkit`` (for ``JUPYTER_PATH``)
SHARE = HERE / "share"
#: folder holding the Voilà config file (for ``--Voila.config_file_paths``)
CONFIG = HERE / "config"
TEMPLATE = "careerkit"
#: the app, relative to the repository's notebooks folder
APP_NOTEBOOK = "app.ipynb"
#: a kernel with no page connected for this long is shut down
CULL_IDLE_SECONDS = 600
CULL_INTERVAL_SECONDS = 60
#: how long a page's rendering waits for a cell's output after the kernel's reply (nbclient's
#: default, 4 s, dropped the start screen of 2 pages in 25 arriving at once on two cores:
#: "Timeout waiting for IOPub output", and the page stayed empty)
IOPUB_TIMEOUT_SECONDS = 60
#: pre-heated kernels kept ready when ``CAREERKIT_KERNEL_POOL`` is not set
DEFAULT_POOL = 2
#: the kernel manager of a server whose kernels are forked from a warm parent
FORKING_KERNEL_MANAGER = "careerkit._voila._fork.ForkingKernelManager"


def fork_enabled(env: dict[str, str] | None = None) -> bool:
    """Whether the app's server forks its kernels from a warm parent: yes unless
    ``CAREERKIT_KERNEL_FORK`` is 0 (or no, false, off)."""
    raw = (os.environ if env is None else env).get("CAREERKIT_KERNEL_FORK", "").strip().lower()
    return raw not in ("0", "no", "false", "off")


def environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) with ``JUPYTER_PATH`` reaching the
    careerkit template."""
    env = dict(os.environ if base is None else base)
    paths = [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    if str(SHARE) not in paths:
        paths.insert(0, str(SHARE))
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    return env


def pool_size(env: dict[str, str] | None = None) -> int:
    """How many pre-heated kernels Voilà keeps ready: ``CAREERKIT_KERNEL_POOL`` (0 turns the
    pool off), default :data:`DEFAULT_POOL`. Each costs one kernel's memory while it waits."""
    raw = (os.environ if env is None else env).get("CAREERKIT_KERNEL_POOL", "").strip()
    if not raw:
        return DEFAULT_POOL
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(
            f"CAREERKIT_KERNEL_POOL must be a whole number of kernels (0 = none), not {raw!r}"
        ) from None
    if value < 0:
        raise ValueError(f"CAREERKIT_KERNEL_POOL must be 0 or more, not {value}")
    return value


def configure(c: Any, fork: bool = False) -> None:
    """Apply careerkit's Voilà settings to the traitlets config ``c``; ``fork``: kernels are
    forked from a warm parent (``careerkit._voila._fork``) unless ``CAREERKIT_KERNEL_FORK=0``."""
    os.environ["JUPYTER_PATH"] = environment()["JUPYTER_PATH"]
    c.VoilaConfiguration.template = TEMPLATE
    # only the app gets a pool: a server of the whole notebooks folder (a counselor's, the
    # tests') would otherwise keep kernels ready for every notebook in it
    size = pool_size()
    c.VoilaConfiguration.preheat_kernel = size > 0
    c.VoilaConfiguration.default_pool_size = 0
    c.VoilaKernelManager.kernel_pools_config = {
        "default": {"pool_size": 0},
        APP_NOTEBOOK: {"pool_size": size},
    }
    c.VoilaConfiguration.show_tracebacks = False
    c.VoilaExecutor.iopub_timeout = IOPUB_TIMEOUT_SECONDS
    c.MappingKernelManager.cull_idle_timeout = CULL_IDLE_SECONDS
    c.MappingKernelManager.cull_interval = CULL_INTERVAL_SECONDS
    c.MappingKernelManager.cull_connected = False
    share_compiled_templates()
    if fork and fork_enabled():
        c.MappingKernelManager.kernel_manager_class = FORKING_KERNEL_MANAGER
