# careerkit on The Littlest JupyterHub: copied by setup.sh to
# /opt/tljh/config/jupyterhub_config.d/careerkit.py (TLJH reads every .py file there).
#
# Each participant signs in (workshop code or your district's sign-in), gets their own system
# user (TLJH names it jupyter-<name>, home folder /home/jupyter-<name>) and lands in the
# careerkit app, served by Voilà from the shared, read-only copy of the notebooks.
import os
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub's config loader

NOTEBOOKS = Path(os.environ.get("CAREERKIT_NOTEBOOKS", "/srv/careerkit/notebooks"))
# The page participants open, under NOTEBOOKS: the one place to change it.
APP_NOTEBOOK = "app.ipynb" if (NOTEBOOKS / "app.ipynb").exists() else "00_start_here.ipynb"

c.Spawner.notebook_dir = str(NOTEBOOKS)
c.Spawner.default_url = f"/voila/render/{APP_NOTEBOOK}"


def _workbooks(spawner) -> str:
    # TLJH's system user for JupyterHub user "ck-p001" is "jupyter-ck-p001"
    return f"/home/jupyter-{spawner.user.name}/careerkit"


c.Spawner.environment = {"CAREERKIT_HOME": _workbooks}
# a kernel nobody uses is shut down (a tab closed without Voilà's shutdown request)
c.Spawner.args = [
    "--MappingKernelManager.cull_idle_timeout=900",
    "--MappingKernelManager.cull_interval=60",
]
