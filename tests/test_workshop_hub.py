"""The workshop JupyterHub (``make workshop``, deploy/hub/): two participants, each alone.

A real hub starts on free ports in a temporary folder with the committed configuration
(``deploy/hub/jupyterhub_config.py``) and configurable-http-proxy from ``deploy/hub/node_modules``,
once per mode: "system" (root; each participant a system user) and "folders". Two participants
sign in on the hub's form with two workshop codes; a used or made-up code is refused. A's
browser lands in the Voilà app on A's server, drawn without an error. Each server writes a
workbook from its own kernel, and each participant's list holds only their own; B's browser and
B's token are refused at A's server; in the "system" mode B's kernel cannot even read A's file
or folder. The idle culler runs as a hub service.

Needs jupyterhub, Node.js and configurable-http-proxy (``make workshop-env``): skipped locally
without them, a failure under ``CI=true``. The code file, the authenticator and the deploy
configurations are tested below without a hub.
"""

from __future__ import annotations

import importlib
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT, _missing
from traitlets.config import Config

from careerkit.errors import InputError
from careerkit.workshop import CodeBook, normalise_code, reachable_by_everyone
from careerkit.workshop._text import TEXT
from careerkit.workshop.auth import WorkshopCodeAuthenticator

requests = pytest.importorskip("requests")
websocket = pytest.importorskip("websocket")


HUB_DIR = ROOT / "deploy" / "hub"
CONFIG = HUB_DIR / "jupyterhub_config.py"
CHP = HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
SYSTEM_ENV = HUB_DIR / "env"  # made by `make workshop-env` as root
STARTUP_LIMIT = 90  # seconds; a hub or a server not up by then is a failure, not a slow pass


def _free_ports(count: int) -> list[int]:
    """``count`` different free ports (held together while chosen, so none repeats)."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _hub_python(mode: str) -> Path:
    """The environment the hub runs in for ``mode``, or a skip (a failure in CI) saying why."""
    if shutil.which("node") is None:
        _missing("Node.js is not installed (configurable-http-proxy needs it)")
    if not CHP.exists():
        _missing(f"configurable-http-proxy is not installed in {CHP.parent} (make workshop-env)")
    if mode == "folders":
        python = Path(sys.executable)
    else:
        if os.geteuid() != 0:
            pytest.skip("the system-user mode needs root (each participant is a system user)")
        if not reachable_by_everyone(ROOT / "pyproject.toml"):
            pytest.skip(f"system users cannot reach the project folder {ROOT} (a folder above it "
                        "is closed to others)")
        python = SYSTEM_ENV / "bin" / "python"
        if not python.exists():
            _missing(f"the participants' environment {SYSTEM_ENV} is missing (make workshop-env)")
    if not (python.parent / "jupyterhub").exists():
        _missing(f"jupyterhub is not installed in {python.parent.parent} (pip install .[workshop])")
    return python


def _interruptible() -> None:
    """Ctrl-C stops the hub's children again: JupyterHub stops servers and services with SIGINT
    first, which a process started in the background (CI) would otherwise inherit as ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@dataclass
class Hub:
    url: str
    token: str  # a test service's token: starts servers and issues participants' tokens
    codes: dict[str, str]  # account -> code
    mode: str
    log: Path
    users: list[str] = field(default_factory=list)

    def api(self, method: str, path: str, **kwargs):
        headers = {"Authorization": f"token {self.token}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers,
                                timeout=30, **kwargs)


def _wait(what: str, check, log: Path):
    deadline = time.monotonic() + STARTUP_LIMIT
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.5)
    tail = log.read_text(errors="replace")[-4000:] if log.exists() else ""
    pytest.fail(f"{what} not ready after {STARTUP_LIMIT} s; hub log:\n{tail}")


@pytest.fixture(params=["system", "folders"])
def hub(request: pytest.FixtureRequest) -> Iterator[Hub]:
    mode = request.param
    python = _hub_python(mode)
    state = Path(tempfile.mkdtemp(prefix="ck-hub-state-"))
    homes = Path(tempfile.mkdtemp(prefix="ck-hub-homes-"))
    homes.chmod(0o711)  # system users pass through to their own 0700 home
    prefix = f"ckt{secrets.token_hex(2)}-"
    issued = CodeBook(state / "codes.json").issue(2, prefix=prefix)
    token = secrets.token_hex(24)
    port, hub_port, proxy_api_port = _free_ports(3)
    test_config = state / "test_config.py"
    test_config.write_text(
        f"load_subconfig({str(CONFIG)!r})\n"
        "c = get_config()\n"
        f"c.JupyterHub.services.append({{'name': 'careerkit-test', 'api_token': {token!r}}})\n"
        "c.JupyterHub.load_roles.append({'name': 'careerkit-test', 'services': "
        "['careerkit-test'], 'scopes': ['admin:users', 'admin:servers', 'tokens', "
        "'access:servers', 'read:services']})\n"
    )
    env = {
        **os.environ,
        "CAREERKIT_WORKSHOP_STATE": str(state),
        "CAREERKIT_WORKSHOP_HOMES": str(homes),
        "CAREERKIT_WORKSHOP_MODE": mode,
        "CAREERKIT_WORKSHOP_PORT": str(port),
        "CAREERKIT_WORKSHOP_HUB_PORT": str(hub_port),
        "CAREERKIT_WORKSHOP_PROXY_API_PORT": str(proxy_api_port),
    }
    log = state / "hub.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [str(python.parent / "jupyterhub"), "-f", str(test_config)],
            cwd=state, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=_interruptible,
        )
    hub = Hub(f"http://127.0.0.1:{port}", token, {i.user: i.code for i in issued}, mode, log)

    def up():
        if process.poll() is not None:
            pytest.fail(f"the hub exited ({process.returncode}):\n{log.read_text()[-4000:]}")
        try:
            return hub.api("GET", "/").status_code == 200
        except requests.ConnectionError:
            return False

    try:
        _wait("the hub", up, log)
        yield hub
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # the hub stops the servers and the proxy
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if mode == "system":
            for user in issued:
                try:
                    pwd.getpwnam(user.user)
                except KeyError:
                    continue
                subprocess.run(["pkill", "-KILL", "-u", user.user], check=False)
                subprocess.run(["userdel", "--remove", user.user], check=False,
                               capture_output=True)
        shutil.rmtree(state, ignore_errors=True)
        shutil.rmtree(homes, ignore_errors=True)


def _sign_in(hub: Hub, code: str) -> tuple[requests.Session, requests.Response]:
    """The hub's sign-in form, as a browser sends it (with its XSRF token): its cookies, answer."""
    browser = requests.Session()
    page = browser.get(f"{hub.url}/hub/login", timeout=30)
    assert page.status_code == 200
    assert TEXT["login_label"] in page.text, "the workshop sign-in form is not shown"
    xsrf = browser.cookies.get("_xsrf")
    assert xsrf, "the sign-in page set no XSRF cookie"
    answer = browser.post(f"{hub.url}/hub/login",
                          data={"_xsrf": xsrf, "username": "", "code": code},
                          allow_redirects=False, timeout=30)
    return browser, answer


@dataclass
class Server:
    user: str
    url: str
    token: str

    def get(self, path: str, **kwargs):
        return requests.get(f"{self.url}{path}", headers={"Authorization": f"token {self.token}"},
                            timeout=60, **kwargs)

    def run(self, code: str) -> dict:
        """Run ``code`` in a new kernel of this server; it prints one JSON line, returned."""
        headers = {"Authorization": f"token {self.token}"}
        made = requests.post(f"{self.url}api/kernels", json={"name": "python3"},
                             headers=headers, timeout=60)
        assert made.status_code == 201, made.text
        kernel = made.json()["id"]
        ws_url = self.url.replace("http://", "ws://") + f"api/kernels/{kernel}/channels"
        conn = websocket.create_connection(ws_url, header=[f"Authorization: token {self.token}"],
                                           timeout=STARTUP_LIMIT)
        msg_id = uuid.uuid4().hex
        conn.send(json.dumps({
            "header": {"msg_id": msg_id, "username": self.user, "session": uuid.uuid4().hex,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
        }))
        out, errors = [], []
        replied = idle = False
        try:
            # the reply comes on the shell channel, the output on iopub: they may arrive in
            # either order, so wait for both the reply and iopub's "idle" after it
            while not (replied and idle):
                msg = json.loads(conn.recv())
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = msg["msg_type"]
                if kind == "stream":
                    out.append(msg["content"]["text"])
                elif kind == "error":
                    errors.append("\n".join(msg["content"]["traceback"]))
                elif kind == "execute_reply":
                    replied = True
                elif kind == "status" and msg["content"].get("execution_state") == "idle":
                    idle = True
        finally:
            conn.close()
            requests.delete(f"{self.url}api/kernels/{kernel}", headers=headers, timeout=30)
        assert not errors, errors
        return json.loads("".join(out).strip().splitlines()[-1])


def _start_server(hub: Hub, user: str) -> Server:
    started = hub.api("POST", f"/users/{user}/server")
    assert started.status_code in (201, 202), started.text

    def ready():
        model = hub.api("GET", f"/users/{user}").json()
        server = model.get("servers", {}).get("", {})
        return server.get("url") if server.get("ready") else None

    path = _wait(f"{user}'s server", ready, hub.log)
    made = hub.api("POST", f"/users/{user}/tokens",
                   json={"expires_in": 600, "scopes": [f"access:servers!user={user}"],
                         "note": "careerkit smoke test"})
    assert made.status_code == 201, made.text
    return Server(user, f"{hub.url}{path}", made.json()["token"])


CREATE = """
import json, os, careerkit.workbook as w
wb = w.Workbook.create({pseudonym!r})
print(json.dumps({{"home": os.environ["CAREERKIT_HOME"], "path": str(wb.path), "uid": os.getuid(),
                  "mine": sorted(n for n in os.listdir(os.environ["CAREERKIT_HOME"])
                                 if n.endswith(".json") and not n.startswith("."))}}))
"""

PEEK = """
import json, os
found = {{}}
try:
    found["read"] = len(open({path!r}, "rb").read())
except PermissionError:
    found["read"] = "denied"
try:
    found["list"] = sorted(os.listdir({home!r}))
except PermissionError:
    found["list"] = "denied"
print(json.dumps(found))
"""


@pytest.mark.hub
@pytest.mark.slow
def test_two_participants_each_see_only_their_own_workbook(hub: Hub) -> None:
    (user_a, code_a), (user_b, code_b) = sorted(hub.codes.items())

    # Signing in: each code opens its own account once; a used or made-up code is refused.
    browsers = {}
    for user, code in ((user_a, code_a), (user_b, code_b)):
        browsers[user], signed_in = _sign_in(hub, code)
        assert signed_in.status_code == 302, signed_in.text[-2000:]
        assert "jupyterhub-hub-login" in browsers[user].cookies
        assert hub.api("GET", f"/users/{user}").status_code == 200
    for code in (code_a, "abcd-efgh-jkmn"):
        browser, refused = _sign_in(hub, code)
        # refused: the form again with the reason, no sign-in cookie, no redirect into a server
        # (JupyterHub 6 answers 403, 5.2 — the lowest declared — 200 with the same page)
        assert refused.status_code in (200, 403) and "location" not in refused.headers
        assert TEXT["login_refused"] in refused.text
        assert "jupyterhub-hub-login" not in browser.cookies  # the hub's sign-in cookie
    accounts = sorted(hub.api("GET", "/users").json(), key=lambda u: u["name"])
    assert [u["name"] for u in accounts] == [user_a, user_b]
    culler = hub.api("GET", "/services/idle-culler").json()
    assert culler.get("pid"), culler  # the idle culler runs as a hub service

    # Their servers open the app, and each writes a workbook from its own kernel.
    server_a, server_b = _start_server(hub, user_a), _start_server(hub, user_b)
    # A's browser, signed in with A's code, lands in the app on A's server.
    page = browsers[user_a].get(f"{hub.url}/hub/", timeout=120)
    assert page.status_code == 200, page.text[-2000:]
    assert page.url.startswith(f"{server_a.url}voila/render/"), page.url
    # the app ran as the participant (read-only notebooks, their own workbook folder)
    assert "error when executing cell" not in page.text and "Traceback" not in page.text
    assert "application/vnd.jupyter.widget-view+json" in page.text  # its controls were drawn
    a = server_a.run(CREATE.format(pseudonym="river-42"))
    b = server_b.run(CREATE.format(pseudonym="lake-7"))
    # (the app's start page may have made a demo workbook beside them)
    assert "river-42.json" in a["mine"] and "lake-7.json" not in a["mine"]
    assert "lake-7.json" in b["mine"] and "river-42.json" not in b["mine"]
    assert Path(a["home"]).parent.name == user_a and Path(b["home"]).parent.name == user_b
    assert oct(Path(a["home"]).stat().st_mode & 0o777) == "0o700"

    # B's browser and B's token cannot reach A's server at all.
    assert browsers[user_b].get(f"{server_a.url}api/contents", timeout=60).status_code == 403
    crossed = requests.get(f"{server_a.url}api/contents",
                           headers={"Authorization": f"token {server_b.token}"},
                           allow_redirects=False, timeout=30)
    assert crossed.status_code == 403, crossed.status_code

    peek = server_b.run(PEEK.format(path=a["path"], home=a["home"]))
    if hub.mode == "system":
        # each server runs as its participant's own system user: B's code cannot open A's file
        assert a["uid"] == pwd.getpwnam(user_a).pw_uid != b["uid"] == pwd.getpwnam(user_b).pw_uid
        assert peek == {"read": "denied", "list": "denied"}
    else:
        # folders mode: one system user for all; the app keeps them apart, code does not
        assert a["uid"] == b["uid"] == os.getuid()
        assert "river-42.json" in peek["list"]



# ---------------------------------------------------------------------------- the code file


def test_a_code_signs_in_its_account_once_and_the_file_keeps_no_code(tmp_path: Path) -> None:
    book = CodeBook(tmp_path / "state" / "codes.json")
    first, second = book.issue(2)
    assert [first.user, second.user] == ["ck-p001", "ck-p002"]
    stored = book.path.read_text()
    assert normalise_code(first.code) not in stored and first.code not in stored
    assert oct(book.path.stat().st_mode & 0o777) == "0o600"
    assert oct(book.path.parent.stat().st_mode & 0o777) == "0o700"
    # typed in capitals with spaces: the same code
    assert book.claim(f" {first.code.upper().replace('-', ' ')} ") == "ck-p001"
    assert book.claim(first.code) is None  # used
    assert book.claim("abcd-efgh-jkmn") is None and book.claim("") is None
    assert book.accounts()["ck-p001"] is not None and book.accounts()["ck-p002"] is None
    assert [i.user for i in book.issue(1)] == ["ck-p003"]  # numbering goes on


def test_a_reissued_code_replaces_the_old_one(tmp_path: Path) -> None:
    book = CodeBook(tmp_path / "codes.json")
    (old,) = book.issue(1, prefix="room-b")
    assert book.claim(old.code) == "room-b001"
    new = book.reissue("room-b001")
    assert book.claim(old.code) is None
    assert book.claim(new.code) == "room-b001"


@pytest.mark.parametrize(("count", "prefix", "words"), [
    (0, "ck-p", "between 1 and"),
    (5001, "ck-p", "between 1 and"),
    (3, "Ck P", "prefix 'Ck P'"),
    (3, "1abc", "prefix '1abc'"),
])
def test_bad_counts_and_prefixes_are_refused(tmp_path: Path, count, prefix, words) -> None:
    with pytest.raises(InputError, match=words):
        CodeBook(tmp_path / "codes.json").issue(count, prefix=prefix)
    assert not (tmp_path / "codes.json").exists()


def test_an_unknown_account_and_a_foreign_file_are_named(tmp_path: Path) -> None:
    book = CodeBook(tmp_path / "codes.json")
    book.issue(1)
    with pytest.raises(InputError, match=r"No participant account 'ck-p009'.*ck-p001"):
        book.reissue("ck-p009")
    other = tmp_path / "other.json"
    other.write_text('{"accounts": {}}')
    with pytest.raises(InputError, match=r"other.json cannot be read: it is not a workshop"):
        CodeBook(other).issue(1)
    other.write_text("{not json")
    with pytest.raises(InputError, match=r"other.json cannot be read"):
        CodeBook(other).claim("abcd-efgh-jkmn")


def test_the_authenticator_takes_the_code_from_the_form_or_the_password(tmp_path: Path) -> None:
    import asyncio

    book = CodeBook(tmp_path / "codes.json")
    one, two = book.issue(2)
    auth = WorkshopCodeAuthenticator(codes_file=str(book.path))
    assert auth.allow_all
    sign_in = auth.authenticate
    assert asyncio.run(sign_in(None, {"username": "", "code": one.code})) == one.user
    assert asyncio.run(sign_in(None, {"username": "x", "password": two.code})) == two.user
    assert asyncio.run(sign_in(None, {"username": "", "code": one.code})) is None


def test_the_cli_prints_codes_and_lists_their_use(tmp_path: Path, capsys) -> None:
    from careerkit.cli import main

    assert main(["workshop", "codes", "-n", "2", "--state", str(tmp_path)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("#")]
    users = [line.split("\t")[0] for line in lines]
    assert users == ["ck-p001", "ck-p002"]
    CodeBook(tmp_path / "codes.json").claim(lines[0].split("\t")[1])
    assert main(["workshop", "codes", "--list", "--state", str(tmp_path)]) == 0
    listed = capsys.readouterr().out
    assert "ck-p001\tused " in listed and "ck-p002\tnot used yet" in listed
    assert main(["workshop", "codes", "--reissue", "ck-p404", "--state", str(tmp_path)]) == 1


# ---------------------------------------------------------------------------- the configurations


def _load_config(path: Path) -> Config:
    config = Config()
    namespace = {"get_config": lambda: config, "__file__": str(path), "__name__": "config"}
    exec(compile(path.read_text(), str(path), "exec"), namespace)
    return config


def test_the_local_hub_opens_the_app_in_each_participants_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERKIT_WORKSHOP_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("CAREERKIT_WORKSHOP_MODE", "folders")
    c = _load_config(CONFIG)
    page = c.Spawner.default_url.removeprefix("/voila/render/")
    assert c.Spawner.default_url.startswith("/voila/render/")
    assert (Path(c.Spawner.notebook_dir) / page).is_file()
    home = c.Spawner.environment["CAREERKIT_HOME"]

    class _Spawner:
        class user:
            name = "ck-p001"

    assert home(_Spawner) == str(tmp_path / "state" / "homes" / "ck-p001" / "careerkit")
    c.Spawner.pre_spawn_hook(_Spawner)
    assert oct((tmp_path / "state" / "homes" / "ck-p001" / "careerkit").stat().st_mode & 0o777) \
        == "0o700"
    assert Path(c.ConfigurableHTTPProxy.command[0]).parent.parent == HUB_DIR / "node_modules"
    assert c.WorkshopCodeAuthenticator.codes_file == str(tmp_path / "state" / "codes.json")
    monkeypatch.setenv("CAREERKIT_WORKSHOP_MODE", "everyone")
    with pytest.raises(SystemExit, match="must be 'system' or 'folders'"):
        _load_config(CONFIG)


def test_tljh_and_z2jh_open_the_app_and_keep_workbooks_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    yaml = pytest.importorskip("yaml")
    monkeypatch.setenv("CAREERKIT_NOTEBOOKS", str(ROOT / "notebooks"))
    tljh = _load_config(ROOT / "deploy" / "tljh" / "careerkit.py")
    assert (ROOT / "notebooks" / tljh.Spawner.default_url.removeprefix("/voila/render/")).is_file()
    subprocess.run(["bash", "-n", str(ROOT / "deploy" / "tljh" / "setup.sh")], check=True)

    values = yaml.safe_load((ROOT / "deploy" / "z2jh" / "values.yaml").read_text())
    single = values["singleuser"]
    assert single["defaultUrl"].startswith("/voila/render/notebooks/")
    page = single["defaultUrl"].removeprefix("/voila/render/notebooks/")
    assert page in ("app.ipynb", "00_start_here.ipynb")
    # the workbooks sit on the participant's own volume
    assert single["extraEnv"]["CAREERKIT_HOME"].startswith(single["storage"]["homeMountPath"] + "/")
    assert single["storage"]["type"] == "dynamic"
    mega = {"M": 1, "G": 1024}
    guarantee, limit = (int(v[:-1]) * mega[v[-1]] for v in
                        (single["memory"]["guarantee"], single["memory"]["limit"]))
    assert 0 < guarantee <= limit
    assert values["cull"]["enabled"] and values["cull"]["timeout"] > 0
    auth = values["hub"]["config"]["JupyterHub"]["authenticator_class"]
    module, name = auth.rsplit(".", 1)
    assert getattr(importlib.import_module(module), name) is WorkshopCodeAuthenticator


def test_a_folder_closed_to_others_makes_a_file_unreachable() -> None:
    # pytest's own temporary folders sit in a 0700 folder: make one in the open temp folder
    with tempfile.TemporaryDirectory() as name:
        top = Path(name)
        top.chmod(0o755)
        if not reachable_by_everyone(top):
            pytest.skip(f"a folder above {top} is closed to others already")
        shared = top / "open" / "app.ipynb"
        shared.parent.mkdir(mode=0o755)
        shared.write_text("{}")
        shared.chmod(0o644)
        assert reachable_by_everyone(shared)
        shared.chmod(0o600)
        assert not reachable_by_everyone(shared)
        shared.chmod(0o644)
        shared.parent.chmod(0o750)
        assert not reachable_by_everyone(shared)
