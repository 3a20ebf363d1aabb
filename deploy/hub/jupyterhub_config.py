# A workshop JupyterHub on this machine (`make workshop`): one server per participant, opened on
# the careerkit app (Voilà), signed in with a one-time workshop code.
#
# Settings come from environment variables (all optional):
#   CAREERKIT_WORKSHOP_STATE  the hub's state folder: database, cookie secret, hashed codes
#                             (default: deploy/hub/state, git-ignored)
#   CAREERKIT_WORKSHOP_IP / _PORT   where participants connect (default 127.0.0.1:8000; use
#                             0.0.0.0 for a room, behind HTTPS, see deploy/README.md)
#   CAREERKIT_WORKSHOP_HUB_PORT / _PROXY_API_PORT   internal ports (default 8081 / 8001)
#   CAREERKIT_WORKSHOP_MODE   "system": each participant is a system user of their own (needs
#                             root; the default when the hub runs as root), "folders": one
#                             folder each, all servers run as the hub's user (see deploy/README.md)
#   CAREERKIT_WORKSHOP_HOMES  where participants' home folders are made (default: /home in
#                             system mode, <state>/homes in folders mode)
#   CAREERKIT_WORKSHOP_IDLE   seconds without activity before a participant's server is stopped
#                             (default 3600)
import os
import pwd
import sys
from pathlib import Path

from careerkit import _voila
from careerkit.workshop import reachable_by_everyone
from careerkit.workshop._text import TEXT

c = get_config()  # noqa: F821 - JupyterHub's config loader provides it

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NOTEBOOKS = ROOT / "notebooks"

# The page each participant's server opens, under notebooks/: THE one place to change it.
APP_NOTEBOOK = _voila.APP_NOTEBOOK

env = os.environ.get
STATE = Path(env("CAREERKIT_WORKSHOP_STATE") or HERE / "state").resolve()
STATE.mkdir(mode=0o700, parents=True, exist_ok=True)
AS_ROOT = os.geteuid() == 0
MODE = env("CAREERKIT_WORKSHOP_MODE") or ("system" if AS_ROOT else "folders")
if MODE not in ("system", "folders"):
    sys.exit(f"CAREERKIT_WORKSHOP_MODE must be 'system' or 'folders', not {MODE!r}")
HOMES = Path(env("CAREERKIT_WORKSHOP_HOMES") or ("/home" if MODE == "system" else STATE / "homes"))
BIN = Path(sys.executable).parent  # the environment the hub runs in serves the participants too

# ---------------------------------------------------------------------------- the hub
c.JupyterHub.bind_url = f"http://{env('CAREERKIT_WORKSHOP_IP', '127.0.0.1')}:" \
    f"{env('CAREERKIT_WORKSHOP_PORT', '8000')}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env("CAREERKIT_WORKSHOP_HUB_PORT", "8081"))
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.JupyterHub.template_paths = [str(HERE / "templates")]
c.JupyterHub.template_vars = {"careerkit": TEXT}
c.JupyterHub.cleanup_servers = True  # stopping the hub stops the participants' servers

# The proxy: configurable-http-proxy installed into deploy/hub/node_modules (npm ci)
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
PROXY_API_PORT = env("CAREERKIT_WORKSHOP_PROXY_API_PORT", "8001")
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PROXY_API_PORT}"
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")

# ---------------------------------------------------------------------------- signing in
c.JupyterHub.authenticator_class = (
    "careerkit.workshop.auth.LocalWorkshopCodeAuthenticator"
    if MODE == "system"
    else "careerkit.workshop.auth.WorkshopCodeAuthenticator"
)
c.WorkshopCodeAuthenticator.codes_file = str(STATE / "codes.json")
# a system user per account, home folder in HOMES, no login shell
c.LocalAuthenticator.add_user_cmd = [
    "useradd", "--create-home", "--base-dir", str(HOMES), "--shell", "/usr/sbin/nologin",
    "--user-group",
]

# ---------------------------------------------------------------------------- the servers
if MODE == "system":
    if not AS_ROOT:
        sys.exit("CAREERKIT_WORKSHOP_MODE=system needs the hub to run as root (sudo make workshop)")
    for needed in (Path(sys.executable), Path(sys.prefix) / "pyvenv.cfg", NOTEBOOKS / APP_NOTEBOOK):
        if not reachable_by_everyone(needed):
            sys.exit(
                f"Participants' system users cannot read {needed}: every folder above it needs "
                "o+x and the file o+r. Run the hub from deploy/hub/env (`make workshop` as root "
                "makes it from /usr/bin/python3), move the project (e.g. to /opt/careerkit) or "
                "use CAREERKIT_WORKSHOP_MODE=folders."
            )
    c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
else:
    c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
    c.SimpleLocalProcessSpawner.home_dir_template = str(HOMES / "{username}")


def _home(spawner) -> Path:
    if MODE == "system":
        return Path(pwd.getpwnam(spawner.user.name).pw_dir)
    return HOMES / spawner.user.name


def _workbooks(spawner) -> str:
    return str(_home(spawner) / "careerkit")


def _make_folders(spawner) -> None:
    """The participant's home and workbook folder: theirs alone (0700)."""
    home = _home(spawner)
    workbooks = Path(_workbooks(spawner))
    HOMES.mkdir(mode=0o711, parents=True, exist_ok=True)
    for folder in (home, workbooks):
        folder.mkdir(mode=0o700, exist_ok=True)
        if MODE == "system":
            entry = pwd.getpwnam(spawner.user.name)
            os.chown(folder, entry.pw_uid, entry.pw_gid)
        folder.chmod(0o700)


c.Spawner.pre_spawn_hook = _make_folders
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = str(NOTEBOOKS)  # the app's notebooks, read-only for participants
c.Spawner.default_url = f"/voila/render/{APP_NOTEBOOK}"
c.Spawner.environment = {
    "CAREERKIT_HOME": _workbooks,
    # careerkit's Voilà settings: the template without CDN links, kernels of closed pages freed
    # (careerkit/_voila); folders inside the project, readable by every participant
    "JUPYTER_CONFIG_PATH": str(_voila.CONFIG),
    "JUPYTER_PATH": str(_voila.SHARE),
}
c.Spawner.args = [
    # a kernel nobody uses is shut down (a tab closed without Voilà's shutdown request)
    "--MappingKernelManager.cull_idle_timeout=900",
    "--MappingKernelManager.cull_interval=60",
    *(["--allow-root"] if MODE == "folders" and AS_ROOT else []),
]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90

# ---------------------------------------------------------------------------- idle servers
IDLE = env("CAREERKIT_WORKSHOP_IDLE", "3600")
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={IDLE}",
            "--cull-every=60",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
